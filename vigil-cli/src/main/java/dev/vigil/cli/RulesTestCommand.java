package dev.vigil.cli;

import dev.vigil.engine.DetectionSet;
import dev.vigil.engine.RuleLoadResult;
import dev.vigil.engine.RuleLoader;
import dev.vigil.model.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Run rules over their example records and report, like a unit-test runner, which rules pass.",
                "Examples live next to the rule files: tests/<rule name or id>/match/*.json|*.jsonl hold records "
                        + "the rule must match, tests/<rule>/nomatch/ records it must not. A correlation's file is "
                        + "one sequence of records that must (match/) or must not (nomatch/) make it fire.",
                "Exit 0 when every rule passed (or has no examples), 1 when a rule failed, an example could not be "
                        + "read or a rule did not load."})
final class RulesTestCommand implements Callable<Integer> {

    enum Format { TEXT, JSONL }

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Rule files (.yml) or folders of them. Without PATH: the built-in pack.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--built-in", description = "Also load and test the built-in pack (the default without PATH); "
            + "needed when your correlations count built-in rules.")
    boolean builtIn;

    @Option(names = "--require-tests",
            description = "Fail every rule that lacks a match or a nomatch example.")
    boolean requireTests;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default) or jsonl (one JSON object per rule, then a summary).")
    Format format;

    @Option(names = "--junit", paramLabel = "FILE",
            description = "Also write the results as JUnit XML to FILE, for CI systems.")
    Path junit;

    @picocli.CommandLine.Mixin
    RuleLoadingOptions loading = new RuleLoadingOptions();

    @Override
    public Integer call() {
        dev.vigil.engine.RuleLoadOptions options = loading.options();
        RuleLoadResult loaded = builtIn || paths.isEmpty() ? RuleLoader.loadBuiltIn() : RuleLoadResult.empty();
        for (Path p : paths) {
            loaded = loaded.plus(RuleOptions.load(p, options));
        }
        DetectionSet set = DetectionSet.of(loaded);
        RuleCatalog catalog = RuleCatalog.of(loaded, set);
        // filters change other rules' matches; they are tested through those rules' examples
        List<RuleEntry> testable = catalog.entries().stream().filter(e -> e.type() != RuleType.FILTER).toList();
        if (testable.isEmpty() && set.problems().isEmpty()) {
            throw new UserError("no Sigma rules found in " + String.join(", ", paths.stream().map(Path::toString)
                    .toList()) + "; give .yml rule files or folders of them");
        }
        List<Path> folders = paths.stream().filter(Files::isDirectory).map(RulesTestCommand::normal).toList();
        RuleTestRun run;
        try (ClasspathFolders classpath = new ClasspathFolders(RuleLoader.class.getClassLoader())) {
            RuleTestFinder.Plan plan = new RuleTestFinder(classpath,
                    folder -> folders.stream().anyMatch(normal(folder)::startsWith)).find(testable, loaded.documents());
            RuleTestRunner runner = new RuleTestRunner(set, catalog, requireTests);
            List<Problem> problems = new ArrayList<>(set.problems());
            problems.addAll(plan.problems());
            run = new RuleTestRun(plan.rules().stream().map(runner::run).toList(), problems);
        }
        if (format == Format.JSONL) {
            RuleTestJsonl.print(run, System.out);
        } else {
            RuleTestTextReport.print(run, System.out);
        }
        if (junit != null) {
            writeJUnit(run);
        }
        return run.exitCode();
    }

    private void writeJUnit(RuleTestRun run) {
        try {
            Path parent = junit.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(junit, RuleTestJUnitReport.xml(run), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError("cannot write the JUnit report to " + junit + ": " + e.getMessage()
                    + "; give --junit a writable file path");
        }
    }

    private static Path normal(Path p) {
        return p.toAbsolutePath().normalize();
    }
}
