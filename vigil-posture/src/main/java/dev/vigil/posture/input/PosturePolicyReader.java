package dev.vigil.posture.input;

import dev.vigil.posture.inventory.RegionNames;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vigil.posture.check.PosturePolicy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code posture-policy.yaml}: the organisation's answers the checks need (see docs/posture-input.md).
 *
 * <p>Strict on purpose: an unknown key (a typo such as {@code allowed-region}) or a bad value is an error naming the
 * file, line and key, and every error in the file is reported at once. Keys left out keep their defaults
 * ({@link PosturePolicy#defaults()}).
 */
public final class PosturePolicyReader {

    /** The file name looked for among the inputs. */
    public static final String FILE_NAME = "posture-policy.yaml";

    static final List<String> KEYS = List.of("log-archive-account", "security-account", "enabled-regions",
            "allowed-regions", "critical-buckets", "critical-tag", "data-event-buckets", "expected-scps",
            "trail-delivery-max-age", "root-use-window", "min-backup-retention-days", "required-guardduty-features");

    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern REGION = RegionNames.PATTERN;
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern SCP_TARGET =
            Pattern.compile("\\d{12}|ou-[a-z0-9]{4,32}-[a-z0-9]{8,32}|r-[a-z0-9]{4,32}");
    private static final String AN_ACCOUNT = "a 12-digit account id";
    private static final String REGIONS = "region names such as eu-west-1";
    private static final Pattern FEATURE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,9})\\s*([smhdw])");
    private static final YAMLFactory YAML = YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final ReadLimits limits;

    public PosturePolicyReader() {
        this(ReadLimits.DEFAULT);
    }

    PosturePolicyReader(ReadLimits limits) {
        this.limits = limits;
    }

    /**
     * Reads a policy file.
     *
     * @throws PolicyFileException listing every error (file, line, key) when the file is unreadable or invalid
     */
    public PosturePolicy read(Path file) {
        String display = file.toString();
        try {
            long size = Files.size(file);
            if (size > limits.maxPolicyBytes()) {
                throw fail(display, 0, "", "the file is " + size + " bytes, over the " + limits.maxPolicyBytes()
                        + "-byte limit for a policy file");
            }
            try (JsonParser p = YAML.createParser(Files.newBufferedReader(file))) {
                JsonToken first = p.nextToken();
                if (first == null) {
                    return PosturePolicy.defaults(); // an empty file: every default
                }
                if (first != JsonToken.START_OBJECT) {
                    throw fail(display, p.currentTokenLocation().getLineNr(), "",
                            "the policy must be a mapping of keys to values (key: value)");
                }
                YamlValue.Mapping top = (YamlValue.Mapping) YamlValue.read(p);
                if (p.nextToken() != null) {
                    throw fail(display, p.currentTokenLocation().getLineNr(), "",
                            "the file holds more than one YAML document; keep one");
                }
                return new Fields(display).apply(top);
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw fail(display, at == null ? 0 : at.getLineNr(), "",
                    "not valid YAML: " + Shown.of(e.getOriginalMessage(), 200));
        } catch (IOException e) {
            throw fail(display, 0, "", "cannot read the file (" + Shown.of(e.getMessage(), 200) + "); check the path");
        }
    }

    private static PolicyFileException fail(String file, int line, String key, String message) {
        return new PolicyFileException(List.of(new PolicyError(file, line, key, message)));
    }

    /** Validates the keys of one file, collecting every error. */
    private static final class Fields {
        private final String file;
        private final List<PolicyError> errors = new ArrayList<>();

        Fields(String file) {
            this.file = file;
        }

        PosturePolicy apply(YamlValue.Mapping top) {
            PosturePolicy d = PosturePolicy.defaults();
            String logArchive = d.logArchiveAccount();
            String security = d.securityAccount();
            List<String> enabled = d.enabledRegions();
            List<String> allowed = d.allowedRegions();
            Set<String> critical = d.criticalBuckets();
            String criticalTag = d.criticalTag();
            Set<String> dataEvents = d.dataEventBuckets();
            Map<String, List<String>> scps = d.expectedScps();
            Duration deliveryAge = d.trailDeliveryMaxAge();
            Duration rootWindow = d.rootUseWindow();
            int retention = d.minBackupRetentionDays();
            List<String> features = d.requiredGuardDutyFeatures();
            for (Map.Entry<String, YamlValue> e : top.entries().entrySet()) {
                String key = e.getKey();
                YamlValue v = e.getValue();
                int line = top.keyLines().get(key);
                switch (key) {
                    case "log-archive-account" -> logArchive = scalar(key, v, line, ACCOUNT, AN_ACCOUNT, logArchive);
                    case "security-account" -> security = scalar(key, v, line, ACCOUNT, AN_ACCOUNT, security);
                    case "enabled-regions" -> enabled = list(key, v, line, REGION, REGIONS, enabled);
                    case "allowed-regions" -> allowed = list(key, v, line, REGION, REGIONS, allowed);
                    case "critical-buckets" -> critical = new LinkedHashSet<>(
                            list(key, v, line, BUCKET, "S3 bucket names", List.copyOf(critical)));
                    case "critical-tag" -> criticalTag = tag(key, v, line, criticalTag);
                    case "data-event-buckets" -> dataEvents = new LinkedHashSet<>(list(key, v, line,
                            Pattern.compile("\\*|" + BUCKET.pattern()), "S3 bucket names, or * for all buckets",
                            List.copyOf(dataEvents)));
                    case "expected-scps" -> scps = scps(key, v, line, scps);
                    case "trail-delivery-max-age" -> deliveryAge = duration(key, v, line, deliveryAge);
                    case "root-use-window" -> rootWindow = duration(key, v, line, rootWindow);
                    case "min-backup-retention-days" -> retention = days(key, v, line, retention);
                    case "required-guardduty-features" -> features = list(key, v, line, FEATURE,
                            "GuardDuty feature names such as S3_DATA_EVENTS", features);
                    default -> error(line, key, "unknown key; the keys are " + String.join(", ", KEYS));
                }
            }
            if (!errors.isEmpty()) {
                throw new PolicyFileException(errors);
            }
            return new PosturePolicy(logArchive, security, enabled, allowed, critical, criticalTag, dataEvents, scps,
                    deliveryAge, rootWindow, retention, features);
        }

        private void error(int line, String key, String message) {
            errors.add(new PolicyError(file, line, key, message));
        }

        /** A scalar's text, or null after recording why the value is not one. */
        private String text(String key, YamlValue v, int line) {
            if (v instanceof YamlValue.Scalar s) {
                return s.text().strip();
            }
            error(line, key, v instanceof YamlValue.Null ? "has no value; give one or remove the key for the default"
                    : "must be a single value, not a list or mapping");
            return null;
        }

        private String scalar(String key, YamlValue v, int line, Pattern shape, String expected, String fallback) {
            String t = text(key, v, line);
            if (t == null) {
                return fallback;
            }
            if (!shape.matcher(t).matches()) {
                error(v.line(), key, "'" + shown(t) + "' is not " + expected);
                return fallback;
            }
            return t;
        }

        private List<String> list(String key, YamlValue v, int line, Pattern shape, String expected,
                                  List<String> fallback) {
            if (!(v instanceof YamlValue.Sequence seq)) {
                error(line, key, v instanceof YamlValue.Null
                        ? "has no value; give a list such as [a, b], an empty list [], or remove the key"
                        : "must be a list of " + expected + ", e.g. [a, b]");
                return fallback;
            }
            List<String> out = new ArrayList<>();
            boolean ok = true;
            for (YamlValue item : seq.items()) {
                if (!(item instanceof YamlValue.Scalar s) || !shape.matcher(s.text().strip()).matches()) {
                    error(item.line(), key, (item instanceof YamlValue.Scalar s2 ? "'" + shown(s2.text()) + "'"
                            : "an element") + " is not one of " + expected);
                    ok = false;
                } else if (!out.contains(s.text().strip())) {
                    out.add(s.text().strip());
                }
            }
            return ok ? out : fallback;
        }

        private String tag(String key, YamlValue v, int line, String fallback) {
            String t = text(key, v, line);
            if (t == null) {
                return fallback;
            }
            if (t.isEmpty()) {
                return ""; // explicitly none
            }
            int eq = t.indexOf('=');
            if (eq <= 0 || t.length() > 512 || t.chars().anyMatch(Character::isISOControl)) {
                error(v.line(), key, "'" + shown(t) + "' is not a tag in the form key=value, e.g. criticality=high");
                return fallback;
            }
            return t;
        }

        private Map<String, List<String>> scps(String key, YamlValue v, int line, Map<String, List<String>> fallback) {
            if (!(v instanceof YamlValue.Mapping m)) {
                error(line, key, "must be a mapping of target (account id, ou-… or r-…) to a list of SCP names "
                        + "or ids");
                return fallback;
            }
            Map<String, List<String>> out = new LinkedHashMap<>();
            int before = errors.size();
            for (Map.Entry<String, YamlValue> e : m.entries().entrySet()) {
                int keyLine = m.keyLines().get(e.getKey());
                if (!SCP_TARGET.matcher(e.getKey()).matches()) {
                    error(keyLine, key, "target '" + shown(e.getKey()) + "' is not an account id, an OU id (ou-…) "
                            + "or a root id (r-…)");
                    continue;
                }
                out.put(e.getKey(), list(key, e.getValue(), keyLine, Pattern.compile("[\\w+=,.@:/-]{1,128}"),
                        "SCP names or ids (p-…)", List.of()));
            }
            return errors.size() == before ? out : fallback;
        }

        private Duration duration(String key, YamlValue v, int line, Duration fallback) {
            String t = text(key, v, line);
            if (t == null) {
                return fallback;
            }
            Duration d = parseDuration(t);
            if (d == null || d.isZero() || d.isNegative()) {
                error(v.line(), key, "'" + shown(t) + "' is not a positive duration such as 24h, 90d, 30m or PT24H");
                return fallback;
            }
            return d;
        }

        private int days(String key, YamlValue v, int line, int fallback) {
            String t = text(key, v, line);
            if (t == null) {
                return fallback;
            }
            if (!t.matches("\\d{1,5}") || Integer.parseInt(t) > 36_500) {
                error(v.line(), key, "'" + shown(t) + "' is not a whole number of days between 0 and 36500");
                return fallback;
            }
            return Integer.parseInt(t);
        }
    }

    /** {@code 90d}, {@code 24h}, {@code 30m}, {@code 45s}, {@code 2w}, or ISO-8601 ({@code PT24H}, {@code P90D}). */
    static Duration parseDuration(String text) {
        Matcher m = SHORT_DURATION.matcher(text);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofDays(7 * n);
            };
        }
        if (text.startsWith("P") || text.startsWith("p")) {
            try {
                return Duration.parse(text);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    /** Value text for an error message: short, without control characters. */
    private static String shown(String text) {
        return Shown.of(text, 60);
    }
}
