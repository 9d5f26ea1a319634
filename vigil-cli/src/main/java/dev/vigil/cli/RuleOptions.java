package dev.vigil.cli;

import dev.vigil.engine.DetectionSet;
import dev.vigil.engine.RuleLoadOptions;
import dev.vigil.engine.RuleLoadResult;
import dev.vigil.engine.RuleLoader;
import dev.vigil.model.Problem;
import dev.vigil.report.TerminalText;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code --rules} and {@code --only-rules}: Sigma rule files or folders next to, or instead of, the built-in pack;
 * {@code --placeholders}: the values their {@code expand} modifiers use.
 */
final class RuleOptions {

    @Option(names = "--rules", paramLabel = "PATH",
            description = "Add Sigma rules from a .yml file or a folder (repeatable) to the built-in detections.")
    List<Path> extra = new java.util.ArrayList<>();

    @Option(names = "--only-rules", paramLabel = "PATH",
            description = "Use only the Sigma rules from these files or folders (repeatable), not the built-in pack.")
    List<Path> only = new java.util.ArrayList<>();

    @Mixin
    RuleLoadingOptions loading = new RuleLoadingOptions();

    boolean isDefault() {
        return extra.isEmpty() && only.isEmpty();
    }

    /** The rules to run. Broken rules are reported on {@code err} and skipped; the others run. */
    DetectionSet load(PrintStream err) {
        loading.options(); // a bad placeholders file stops here, even when no rule uses it
        if (isDefault()) {
            return DetectionSet.builtIn();
        }
        return compile(read(), err);
    }

    /** The rule documents the options name, before compiling: for commands that show where rules come from. */
    RuleLoadResult read() {
        if (!extra.isEmpty() && !only.isEmpty()) {
            throw new UserError("--rules adds to the built-in pack and --only-rules replaces it; use one of them");
        }
        RuleLoadOptions options = loading.options();
        RuleLoadResult loaded = only.isEmpty() ? RuleLoader.loadBuiltIn() : RuleLoadResult.empty();
        for (Path p : only.isEmpty() ? extra : only) {
            loaded = loaded.plus(load(p, options));
        }
        return loaded;
    }

    /** Compiles what {@link #read()} gave; as {@link #load}, problems go to {@code err}. */
    DetectionSet compile(RuleLoadResult loaded, PrintStream err) {
        if (isDefault()) {
            return DetectionSet.builtIn();
        }
        DetectionSet set = DetectionSet.of(loaded);
        report(set.problems(), err);
        reportWarnings(set.warnings(), err);
        if (set.detections().isEmpty()) {
            throw new UserError("no usable detection rules were loaded; fix the problems above or drop --only-rules");
        }
        return set;
    }

    static RuleLoadResult load(Path p, RuleLoadOptions options) {
        return Files.isDirectory(p) ? RuleLoader.loadDirectory(p, options) : RuleLoader.loadFile(p, options);
    }

    static void report(List<Problem> problems, PrintStream err) {
        for (Problem p : problems) {
            err.println("vigil: rule problem: " + TerminalText.sanitize(p.location()) + ": "
                    + TerminalText.sanitize(p.message()) + " [" + p.reason() + "]; skipped");
        }
    }

    /** Problems that left their rule loaded: the rule runs, the user should still fix them. */
    static void reportWarnings(List<Problem> warnings, PrintStream err) {
        for (Problem p : warnings) {
            err.println("vigil: rule warning: " + TerminalText.sanitize(p.location()) + ": "
                    + TerminalText.sanitize(p.message()) + " [" + p.reason() + "]; loaded");
        }
    }
}
