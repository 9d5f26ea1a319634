package dev.vigil.cli;

import dev.vigil.engine.sigma.RuleSource;

/**
 * How a rule's origin is shown: {@code built-in:iam.yml:12} for the pack shipped in the engine (loaded from the
 * classpath as {@code classpath:rules/iam.yml}), the path and line as loaded for the user's own files.
 */
final class RuleOrigin {

    /** What the engine's loader calls the built-in pack's folder. */
    static final String BUILT_IN_PREFIX = "classpath:rules/";
    static final String BUILT_IN_LABEL = "built-in:";

    private RuleOrigin() {
    }

    static String display(RuleSource source) {
        return display(source.file()) + (source.line() > 0 ? ":" + source.line() : "");
    }

    static String display(String file) {
        return isBuiltIn(file) ? BUILT_IN_LABEL + file.substring(BUILT_IN_PREFIX.length()) : file;
    }

    static boolean isBuiltIn(String file) {
        return file.startsWith(BUILT_IN_PREFIX);
    }

    /** The classpath resource of a file loaded from the classpath, e.g. {@code rules/iam.yml}; null otherwise. */
    static String classpathResource(String file) {
        return file.startsWith("classpath:") ? file.substring("classpath:".length()) : null;
    }
}
