package dev.vigil.model;

import java.util.Locale;

/**
 * Finding severity, ordered from least to most severe. The numeric ids are OCSF's {@code severity_id};
 * the labels are ASFF's {@code Severity.Label}, so the two standard formats map one to one.
 */
public enum Severity {
    INFORMATIONAL(1, "Informational"),
    LOW(2, "Low"),
    MEDIUM(3, "Medium"),
    HIGH(4, "High"),
    CRITICAL(5, "Critical");

    private final int ocsfId;
    private final String caption;

    Severity(int ocsfId, String caption) {
        this.ocsfId = ocsfId;
        this.caption = caption;
    }

    /** OCSF {@code severity_id}. */
    public int ocsfId() {
        return ocsfId;
    }

    /** OCSF {@code severity} caption, e.g. "High". */
    public String caption() {
        return caption;
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }

    /**
     * Parses a severity as users and rule authors write it: ASFF labels, OCSF captions, Sigma levels
     * ({@code informational, low, medium, high, critical}) and the common short form {@code info}; any case.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Severity parse(String text) {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        return switch (t) {
            case "INFO", "INFORMATIONAL" -> INFORMATIONAL;
            case "LOW" -> LOW;
            case "MEDIUM" -> MEDIUM;
            case "HIGH" -> HIGH;
            case "CRITICAL" -> CRITICAL;
            default -> throw new IllegalArgumentException(
                    "unknown severity '" + text + "': use one of informational, low, medium, high, critical");
        };
    }

    public static Severity fromOcsfId(int id) {
        for (Severity s : values()) {
            if (s.ocsfId == id) {
                return s;
            }
        }
        throw new IllegalArgumentException("OCSF severity_id " + id + " has no Vigil severity (expected 1..5)");
    }
}
