package dev.vigil.model;

/**
 * Text read in place: its characters are, one for one, the ASCII bytes {@code array()[offset() … offset() +
 * length())} (every byte below 0x80). Events hand such views out for fields they can answer without decoding a
 * String; matchers may search the bytes directly instead of calling {@link #charAt} per character. A view is valid
 * only while its event's record is, and its array must never be written.
 */
public interface AsciiChars extends CharSequence {

    /** The bytes behind the text (shared, not a copy: read only). */
    byte[] array();

    /** Where the text starts in {@link #array()}. */
    int offset();
}
