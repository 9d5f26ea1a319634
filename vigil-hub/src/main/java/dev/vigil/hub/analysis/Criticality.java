package dev.vigil.hub.analysis;

import java.util.Locale;

/** How much an asset matters to the business, as the user states it in the asset file or a resource tag. */
public enum Criticality {
    LOW, MEDIUM, HIGH, CRITICAL;

    /** The level in lower case, as users write it. */
    public String words() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code low}, {@code medium}, {@code high} or {@code critical} in any case.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Criticality parse(String text) {
        String t = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        for (Criticality c : values()) {
            if (c.name().equals(t)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown criticality '" + DisplayText.shorten(String.valueOf(text))
                + "': use one of low, medium, high, critical");
    }
}
