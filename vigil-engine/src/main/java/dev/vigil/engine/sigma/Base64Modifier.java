package dev.vigil.engine.sigma;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * {@code base64}: the value encoded with standard Base64 (with padding): its UTF-8 bytes, or the bytes an encoding
 * modifier before it made ({@code field|utf16le|base64: cmd}). The encoded text is compared with exact case, since
 * Base64 letters of different case stand for different bytes.
 */
final class Base64Modifier extends ValueModifier {
    Base64Modifier() {
        super("base64");
    }

    @Override
    SigmaValue modify(SigmaValue value) throws ModifierException {
        return SigmaString.literal(Base64.getEncoder().encodeToString(bytesOf(this, value))).asCased();
    }

    /** The bytes a base64 modifier encodes: the encoding modifier's bytes, else the text's UTF-8 bytes. */
    static byte[] bytesOf(ValueModifier modifier, SigmaValue value) throws ModifierException {
        if (value instanceof SigmaBytes b) {
            return b.bytes();
        }
        return modifier.plainText(value).getBytes(StandardCharsets.UTF_8);
    }
}
