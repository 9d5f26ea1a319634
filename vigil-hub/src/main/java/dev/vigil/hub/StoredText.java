package dev.vigil.hub;

/**
 * Makes Java text storable as UTF-8 without silent damage.
 *
 * <p>Log content can carry unpaired UTF-16 surrogates (a JSON escape such as {@code "\ud800"} decodes to one).
 * UTF-8 cannot encode them, and the database driver would turn each into {@code ?}. Replacing them with U+FFFD
 * instead makes the loss visible and the same everywhere. Everything else, including NUL and other control
 * characters, is stored unchanged.
 */
final class StoredText {

    private StoredText() {
    }

    static String of(String text) {
        int bad = firstUnpaired(text);
        if (bad < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length()).append(text, 0, bad);
        for (int i = bad; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append('\uFFFD');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int firstUnpaired(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}
