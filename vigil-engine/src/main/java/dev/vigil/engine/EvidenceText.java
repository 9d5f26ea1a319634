package dev.vigil.engine;

/**
 * Whether a rule hit carries a copy of its record's raw text.
 *
 * <p>Most hits of a large scan never become evidence: they are counted by a correlation that does not fire. A caller
 * that can read its input again ({@code vigil scan} reads files) asks for {@link #DEFERRED} hits, which carry the
 * record's id and origin but no text, and fills in the text of the few records its findings cite afterwards. That
 * saves copying every hit's record and keeps every cited record whole, whatever the memory budget.
 */
public enum EvidenceText {
    /** Each hit carries a copy of its record. */
    COPIED,
    /** Hits carry an empty text; the caller restores the text of the records its findings cite. */
    DEFERRED
}
