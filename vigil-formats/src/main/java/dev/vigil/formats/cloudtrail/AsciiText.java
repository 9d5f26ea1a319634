package dev.vigil.formats.cloudtrail;

import dev.vigil.model.AsciiChars;

import java.nio.charset.StandardCharsets;

/**
 * The text of a JSON string read in place: bytes that are all ASCII and hold no escape are, one for one, the
 * characters the decoded String would hold. Lets rules compare a field's text without copying it into a String.
 * Mutable and reused by its event; valid only while the event's record is.
 */
final class AsciiText implements AsciiChars {

    private byte[] bytes;
    private int offset;
    private int length;

    void set(byte[] bytes, int offset, int length) {
        this.bytes = bytes;
        this.offset = offset;
        this.length = length;
    }

    /** True when {@code b[from, to)}, the body of a JSON string, is ASCII without escapes. */
    static boolean plain(byte[] b, int from, int to) {
        return ByteScan.plainAscii(b, from, to);
    }

    @Override
    public byte[] array() {
        return bytes;
    }

    @Override
    public int offset() {
        return offset;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException(index);
        }
        return (char) bytes[offset + index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return toString().substring(start, end);
    }

    @Override
    public String toString() {
        return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
    }
}
