package dev.vigil.engine.sigma;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * {@code base64offset}: the three forms the value takes inside a longer Base64 text, one per position of its first
 * byte in a 3-byte group. Each form is the Base64 of the value shifted by 0, 1 or 2 bytes, cut to the characters
 * that depend on the value's bytes only: characters that also encode a byte before or after the value change with
 * the surrounding text. Usually followed by {@code contains}. Compared with exact case, like {@code base64}.
 */
final class Base64OffsetModifier extends ValueModifier {
    Base64OffsetModifier() {
        super("base64offset");
    }

    @Override
    List<SigmaValue> variants(SigmaValue value, ModifierContext context) throws ModifierException {
        byte[] bytes = Base64Modifier.bytesOf(this, value);
        List<SigmaValue> out = new ArrayList<>(3);
        for (int shift = 0; shift < 3; shift++) {
            String stable = stablePart(bytes, shift);
            if (stable.isEmpty()) {
                throw new ModifierException("'base64offset' needs a value of at least 2 bytes, not "
                        + value.describe() + ": shorter values leave nothing stable to search for");
            }
            SigmaValue v = SigmaString.literal(stable).asCased();
            if (!out.contains(v)) {
                out.add(v);
            }
        }
        return out;
    }

    /**
     * The Base64 characters of the value when {@code shift} unknown bytes come before it and unknown bytes may
     * follow. Base64 character k holds bits [6k, 6k + 6) and the value's bytes hold bits [8 shift, 8 (shift + n)),
     * so the characters that depend on the value alone run from ceil(8 shift / 6) to floor(8 (shift + n) / 6).
     */
    static String stablePart(byte[] value, int shift) {
        byte[] shifted = new byte[shift + value.length];
        System.arraycopy(value, 0, shifted, shift, value.length);
        String encoded = Base64.getEncoder().encodeToString(shifted);
        int start = (8 * shift + 5) / 6;
        int end = 8 * (shift + value.length) / 6;
        return end <= start ? "" : encoded.substring(start, end);
    }
}
