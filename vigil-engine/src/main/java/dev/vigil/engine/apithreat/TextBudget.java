package dev.vigil.engine.apithreat;

/** How many characters of record text a partial state may still copy into evidence. */
final class TextBudget {

    private long remaining;

    TextBudget(long characters) {
        this.remaining = characters;
    }

    /** True, and the characters are counted, when they still fit. */
    boolean take(long characters) {
        if (characters > remaining) {
            return false;
        }
        remaining -= characters;
        return true;
    }
}
