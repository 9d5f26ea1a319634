package dev.vigil.engine;

/**
 * Whether a rule hit carries a copy of its record's raw text.
 *
 * <p>Most hits of a large scan never become evidence: they are counted by a correlation that does not fire. A caller
 * that can read its input again ({@code vigil scan} reads files) asks for {@link #DEFERRED} hits: hits of rules that
 * are only counted by correlations carry the record's id and origin but no text, and the caller fills in the text of
 * the few records its findings cite afterwards. Hits of rules that raise findings of their own still carry their
 * record (their findings would otherwise send the caller back to many files). That saves copying most hits' records
 * and keeps every cited record whole, whatever the memory budget.
 */
public enum EvidenceText {
    /** Each hit carries a copy of its record. */
    COPIED,
    /** Hits of rules counted only by correlations carry an empty text; the caller restores what findings cite. */
    DEFERRED
}
