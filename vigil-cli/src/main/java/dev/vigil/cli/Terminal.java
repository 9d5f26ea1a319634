package dev.vigil.cli;

/** Facts about the terminal Vigil prints to, as the launcher script observed them. */
final class Terminal {

    enum ColorMode { AUTO, ALWAYS, NEVER }

    private Terminal() {
    }

    /** True when standard error is an interactive terminal (set by the ./vigil launcher). */
    static boolean isTty() {
        return Boolean.getBoolean("vigil.tty");
    }

    static boolean color(ColorMode mode) {
        return switch (mode) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> isTty() && System.getenv("NO_COLOR") == null;
        };
    }

    static int width() {
        String cols = System.getenv("COLUMNS");
        try {
            return cols == null ? 100 : Math.max(60, Integer.parseInt(cols.trim()));
        } catch (NumberFormatException e) {
            return 100;
        }
    }
}
