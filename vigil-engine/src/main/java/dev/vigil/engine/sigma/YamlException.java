package dev.vigil.engine.sigma;

/** A rule file is not YAML that Vigil accepts; the whole file is skipped. */
final class YamlException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int line;

    YamlException(int line, String message) {
        super(message);
        this.line = line;
    }

    int line() {
        return line;
    }
}
