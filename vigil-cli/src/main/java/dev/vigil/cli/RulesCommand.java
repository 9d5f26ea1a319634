package dev.vigil.cli;

import dev.vigil.engine.DetectionSet;
import dev.vigil.engine.RuleLoadOptions;
import dev.vigil.engine.RuleLoadResult;
import dev.vigil.model.Problem;
import dev.vigil.report.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Inspect, check and test detection rules (Sigma).",
        subcommands = {RulesListCommand.class, RulesCommand.Validate.class, RulesTestCommand.class})
final class RulesCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = {"Check Sigma rule files and folders; every problem is listed with file, line and what to "
                    + "change.", "Warnings (the rule still loads) are listed too.",
                    "Exit 0 when all rules are valid, 1 when any problem was found."})
    static final class Validate implements Callable<Integer> {
        @Parameters(paramLabel = "PATH", arity = "1..*", description = "Rule files (.yml) or folders of them.")
        List<Path> paths;

        @Mixin
        RuleLoadingOptions loading;

        @Override
        public Integer call() {
            RuleLoadOptions options = loading.options();
            RuleLoadResult loaded = RuleLoadResult.empty();
            for (Path p : paths) {
                loaded = loaded.plus(RuleOptions.load(p, options));
            }
            // compile too: duplicate ids and correlations naming unknown rules only show up there
            DetectionSet set = DetectionSet.of(loaded);
            List<Problem> problems = set.problems();
            for (Problem p : problems) {
                System.out.println(s(p.location()) + ": " + s(p.message()) + " [" + p.reason() + "]");
            }
            // warnings leave their rule loaded, so they do not fail validation
            for (Problem p : set.warnings()) {
                System.out.println(s(p.location()) + ": warning: " + s(p.message()) + " [" + p.reason() + "]");
            }
            System.out.printf(Locale.ROOT, "%d rules loaded, %d problems, %d warnings%n", set.ruleIds().size(),
                    problems.size(), set.warnings().size());
            return problems.isEmpty() ? ExitCode.OK : ExitCode.ERROR;
        }
    }

    private static String s(String v) {
        return TerminalText.sanitize(v);
    }
}
