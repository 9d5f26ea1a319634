package dev.vigil.posture.input;

import dev.vigil.posture.inventory.RegionNames;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.posture.supplement.SupplementDoc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads supplementary AWS CLI exports, found by path:
 * {@code …/supplementary/<ACCOUNT>/<REGION|global>/<service>.<operation>[.<subject>].json}.
 *
 * <p>Service and operation are CLI names, which never contain dots (operations use hyphens), so the service ends
 * at the first dot and the operation at the second; the subject is the rest (a trail name, a key id, a
 * {@code planId.selectionId} pair) and may hold dots itself. The body is kept exactly as the CLI printed it,
 * including an {@code {"Error": …}} body that records a failed export (checks report those as ERROR).
 */
final class SupplementReader {

    static final String DIRECTORY = "supplementary";
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern CLI_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final int MAX_SUBJECT = 512;
    private static final String LAYOUT =
            "supplementary/<ACCOUNT>/<REGION or global>/<service>.<operation>[.<subject>].json";

    private final ReadLimits limits;
    private final ObjectMapper mapper;

    SupplementReader(ReadLimits limits) {
        this.limits = limits;
        this.mapper = new ObjectMapper(JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(500).build())
                .build())
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** Whether the file lies anywhere below a directory named {@code supplementary}: it is then read as an export. */
    static boolean isSupplement(Path file) {
        Path parent = file.getParent();
        while (parent != null) {
            Path name = parent.getFileName();
            if (name != null && name.toString().equals(DIRECTORY)) {
                return true;
            }
            parent = parent.getParent();
        }
        return false;
    }

    /** The export, or empty after recording why the file was skipped. */
    Optional<SupplementDoc> read(Path file, String display, ReadTally tally) {
        Path regionDir = file.getParent();
        Path accountDir = regionDir == null ? null : regionDir.getParent();
        Path root = accountDir == null ? null : accountDir.getParent();
        if (root == null || root.getFileName() == null || !root.getFileName().toString().equals(DIRECTORY)) {
            return skip(tally, display, "bad-layout", "a file under '" + DIRECTORY + "' but not at " + LAYOUT
                    + "; move it there or out of the directory");
        }
        String account = accountDir.getFileName().toString();
        String region = regionDir.getFileName().toString();
        if (!ACCOUNT.matcher(account).matches()) {
            return skip(tally, display, "bad-account", "the account folder must be a 12-digit account id ("
                    + LAYOUT + ")");
        }
        if (!RegionNames.isRegionOrGlobal(region)) {
            return skip(tally, display, "bad-region", "the region folder must be a region name such as "
                    + "us-east-1, or 'global' for organizations and iam (" + LAYOUT + ")");
        }
        String name = file.getFileName().toString();
        if (!name.endsWith(".json")) {
            return skip(tally, display, "bad-name", "supplementary exports are .json files named "
                    + "<service>.<operation>[.<subject>].json; skipped it");
        }
        String base = name.substring(0, name.length() - ".json".length());
        int first = base.indexOf('.');
        if (first < 0) {
            return skip(tally, display, "bad-name", "the file name needs <service>.<operation>, e.g. "
                    + "cloudtrail.describe-trails.json");
        }
        int second = base.indexOf('.', first + 1);
        String service = base.substring(0, first);
        String operation = second < 0 ? base.substring(first + 1) : base.substring(first + 1, second);
        String subject = second < 0 ? "" : base.substring(second + 1);
        if (!CLI_NAME.matcher(service).matches() || !CLI_NAME.matcher(operation).matches()) {
            return skip(tally, display, "bad-name", "service and operation must be AWS CLI names in lower case "
                    + "with hyphens, e.g. cloudtrail.get-trail-status.<TrailName>.json");
        }
        if (second >= 0 && (subject.isEmpty() || subject.length() > MAX_SUBJECT
                || subject.chars().anyMatch(Character::isISOControl))) {
            return skip(tally, display, "bad-name", "the subject after <service>.<operation>. is empty, too long "
                    + "or holds control characters");
        }
        return body(file, display, tally).map(b -> new SupplementDoc(account, region, service, operation, subject,
                b, display));
    }

    private Optional<JsonNode> body(Path file, String display, ReadTally tally) {
        try {
            long size = Files.size(file);
            if (size > limits.maxSupplementBytes()) {
                return skip(tally, display, "too-large", "the export is " + size + " bytes, over the "
                        + limits.maxSupplementBytes() + "-byte limit; export a narrower call");
            }
            byte[] bytes = Files.readAllBytes(file);
            if (new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
                return skip(tally, display, "empty", "the export is empty; re-run the AWS CLI call with "
                        + "--output json, or save its error as {\"Error\":{\"Code\":…,\"Message\":…}}");
            }
            JsonNode body = mapper.readTree(bytes);
            if (body == null || !body.isContainerNode()) {
                return skip(tally, display, "not-json-object", "the export is not a JSON object as "
                        + "'aws … --output json' prints; skipped it");
            }
            return Optional.of(body);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String position = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
            tally.fileSkipped(display, "invalid-json", position, "the export is not valid JSON ("
                    + Shown.of(e.getOriginalMessage(), 200) + "); re-export it with --output json");
            return Optional.empty();
        } catch (IOException e) {
            return skip(tally, display, "unreadable", "cannot read the file (" + Shown.of(e.getMessage(), 200)
                    + "); check that it exists and is readable");
        }
    }

    private static <T> Optional<T> skip(ReadTally tally, String display, String reason, String message) {
        tally.fileSkipped(display, reason, "", message);
        return Optional.empty();
    }
}
