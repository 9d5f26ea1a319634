package dev.vigil.engine.sigma;

import java.util.Arrays;
import java.util.Objects;

/**
 * Bytes made by an encoding modifier ({@code utf16le}, {@code utf16be}, {@code utf16}, {@code wide}) and waiting
 * for {@code base64} or {@code base64offset} to turn them into text. The Sigma specification defines the encoding
 * modifiers as sub-modifiers of base64, so a condition whose values are still bytes at the end of its chain is
 * refused at load.
 *
 * @param bytes the encoded bytes
 * @param label what was encoded how, for messages, e.g. {@code 'cmd' in UTF-16LE}
 */
public record SigmaBytes(byte[] bytes, String label) implements SigmaValue {

    public SigmaBytes {
        bytes = bytes.clone();
        Objects.requireNonNull(label, "label");
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The number of bytes, without copying them. */
    public int length() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SigmaBytes other && Arrays.equals(bytes, other.bytes) && label.equals(other.label);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(bytes) + label.hashCode();
    }

    @Override
    public String toString() {
        return "SigmaBytes[" + label + ", " + bytes.length + " bytes]";
    }

    @Override
    public String describe() {
        return label;
    }
}
