package dev.vigil.live;

import dev.vigil.posture.supplement.SupplementDoc;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The offline convention for supplementary exports: {@code supplementary/<ACCOUNT>/<REGION or global>/
 * <service>.<operation>[.<subject>].json}. The subject is everything after the operation and may contain dots.
 */
final class SupplementPaths {

    /** ACCOUNT/REGION/service.operation[.subject].json at the end of a path (either separator). */
    private static final Pattern TAIL = Pattern.compile(
            "(?:^|.*[/\\\\])supplementary[/\\\\](\\d{12})[/\\\\]([a-z0-9-]+)[/\\\\]([a-z0-9-]+)\\.([a-z0-9-]+)(?:\\.(.+))?\\.json$");

    private SupplementPaths() {
    }

    /** The path of a document below the {@code supplementary} folder, with forward slashes. */
    static String relative(SupplementDoc doc) {
        return doc.account() + "/" + doc.region() + "/" + doc.service() + "." + doc.operation()
                + (doc.subject().isEmpty() ? "" : "." + doc.subject()) + ".json";
    }

    /** The key a path names: (account, region, service, operation, subject); empty when it follows no convention. */
    static Optional<Key> parse(String path) {
        Matcher m = TAIL.matcher(path);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Key(m.group(1), m.group(2), m.group(3), m.group(4),
                m.group(5) == null ? "" : m.group(5)));
    }

    record Key(String account, String region, String service, String operation, String subject) {
    }
}
