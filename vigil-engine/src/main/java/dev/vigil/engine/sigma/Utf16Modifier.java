package dev.vigil.engine.sigma;

import java.nio.charset.StandardCharsets;

/**
 * {@code utf16le} (alias {@code wide}), {@code utf16be} and {@code utf16}: the value's text as UTF-16 bytes, for
 * a following {@code base64} or {@code base64offset} (PowerShell's {@code -EncodedCommand} is Base64 of UTF-16LE).
 * {@code utf16} writes the little-endian byte-order mark FF FE first, as the specification's example does.
 */
final class Utf16Modifier extends ValueModifier {

    /** The byte layouts the modifiers produce. */
    enum Layout { LITTLE_ENDIAN, BIG_ENDIAN, LITTLE_ENDIAN_WITH_BOM }

    private final Layout layout;

    Utf16Modifier(String name, Layout layout) {
        super(name);
        this.layout = layout;
    }

    @Override
    SigmaValue modify(SigmaValue value) throws ModifierException {
        if (value instanceof SigmaBytes b) {
            throw new ModifierException("'" + name() + "' cannot encode " + b.describe()
                    + " again; use one encoding modifier");
        }
        String text = plainText(value);
        byte[] bytes = switch (layout) {
            case LITTLE_ENDIAN -> text.getBytes(StandardCharsets.UTF_16LE);
            case BIG_ENDIAN -> text.getBytes(StandardCharsets.UTF_16BE);
            case LITTLE_ENDIAN_WITH_BOM -> withBom(text.getBytes(StandardCharsets.UTF_16LE));
        };
        String label = "'" + text + "' in " + switch (layout) {
            case LITTLE_ENDIAN -> "UTF-16LE";
            case BIG_ENDIAN -> "UTF-16BE";
            case LITTLE_ENDIAN_WITH_BOM -> "UTF-16 with byte-order mark";
        };
        return new SigmaBytes(bytes, label);
    }

    private static byte[] withBom(byte[] le) {
        byte[] out = new byte[le.length + 2];
        out[0] = (byte) 0xFF;
        out[1] = (byte) 0xFE;
        System.arraycopy(le, 0, out, 2, le.length);
        return out;
    }
}
