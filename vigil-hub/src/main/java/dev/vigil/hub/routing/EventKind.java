package dev.vigil.hub.routing;

import java.util.Locale;

/** What happened to a finding that may be worth telling someone about. */
public enum EventKind {
    /** The finding was stored for the first time. */
    CREATED,
    /** Its severity rose. */
    ESCALATED,
    /** It was resolved (by a person, or by its posture check passing again). */
    RESOLVED,
    /** It was seen again after having been resolved. */
    REOPENED;

    /** Parses a kind in any case, naming the valid values when it is none of them. */
    static EventKind parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown event '" + text
                    + "'; use one of created, escalated, resolved, reopened", e);
        }
    }

    /** Lower-case name, as the configuration file and the webhook payload spell it. */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
