package dev.vigil.engine.intel;

import java.util.Locale;

/** The indicator file formats Vigil reads; {@link #AUTO} means "decide from the content". */
enum IntelFormat {
    AUTO, PLAIN, CSV, STIX, MISP, TOR_EXIT;

    /** The name used in intel.yaml: {@code tor-exit}. */
    String yamlName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The format named in intel.yaml; {@code stix2} and {@code tor-exit-list} are accepted as aliases. */
    static IntelFormat fromYaml(String text) {
        for (IntelFormat f : values()) {
            if (f.yamlName().equals(text)) {
                return f;
            }
        }
        return switch (text) {
            case "stix2" -> STIX;
            case "tor-exit-list" -> TOR_EXIT;
            default -> null;
        };
    }

    /**
     * The format of a file from its first bytes (decoded): JSON with a top-level {@code "Event"} or {@code
     * "Attribute"} is MISP, other JSON (a bundle, {@code "objects"}) is STIX; text whose first entry line starts with
     * {@code ExitNode} or {@code ExitAddress} is Tor's exit-addresses; a first entry line with a comma that names an
     * indicator column is CSV; anything else is a plain list.
     */
    static IntelFormat detect(String head) {
        String t = head.strip();
        if (t.startsWith("{") || t.startsWith("[")) {
            return t.contains("\"Event\"") || t.contains("\"Attribute\"") ? MISP : STIX;
        }
        for (String line : t.split("\n", 64)) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            if (l.startsWith("ExitNode ") || l.startsWith("ExitAddress ")) {
                return TOR_EXIT;
            }
            if (l.indexOf(',') >= 0 && CsvLoader.indicatorColumn(CsvLoader.split(l)) >= 0) {
                return CSV;
            }
            return PLAIN;
        }
        return PLAIN;
    }
}
