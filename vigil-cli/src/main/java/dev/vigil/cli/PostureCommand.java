package dev.vigil.cli;

import dev.vigil.model.Severity;
import dev.vigil.posture.check.BuiltInChecks;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckMetadata;
import dev.vigil.posture.check.Estate;
import dev.vigil.posture.custom.CustomCheckError;
import dev.vigil.posture.custom.CustomCheckLoader;
import dev.vigil.posture.framework.Framework;
import dev.vigil.posture.framework.FrameworkCatalog;
import dev.vigil.posture.framework.FrameworkFileException;
import dev.vigil.posture.framework.FrameworkValidator;
import dev.vigil.posture.input.PostureInput;
import dev.vigil.report.TerminalText;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "posture", mixinStandardHelpOptions = true,
        description = {"Assesses the estate's logging, monitoring, encryption, exposure and resilience posture from AWS "
                + "Config files and supplementary AWS CLI exports (offline) or through the AWS API (--live), and scores "
                + "it against compliance frameworks.",
                "Prints a scored report (a score per framework and the failing checks; with --framework also per "
                        + "section and per account), writes "
                        + "DIR/findings.ocsf.jsonl (OCSF Compliance Findings), DIR/posture-results.jsonl (every result) "
                        + "and DIR/report.html, and keeps failures in the findings store beside the detections.",
                "Exit 0; 3 when some input was skipped; 4/5 when a check at or above --fail-on fails."})
final class PostureCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "AWS Config snapshot/history files, configservice "
            + "output, the supplementary/ACCOUNT/REGION/ exports, CloudTrail logs, directories holding them, or "
            + "s3://BUCKET/PREFIX where Config delivers (read with the default credential chain).")
    List<String> inputs = new ArrayList<>();

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "vigil-posture",
            description = "Directory for the outputs (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--framework", paramLabel = "ID", split = ",",
            description = "Frameworks to score (repeatable or comma-separated; default: all; --list-frameworks).")
    List<String> frameworks = new ArrayList<>();

    @Option(names = "--framework-file", paramLabel = "FILE", description = "A framework mapping of your own (YAML, "
            + "docs/posture-frameworks.md); repeatable.")
    List<Path> frameworkFiles = new ArrayList<>();

    @Option(names = "--checks", paramLabel = "FILE|DIR", description = "Custom checks (YAML with CEL expressions, "
            + "docs/posture-custom-checks.md); repeatable.")
    List<Path> customChecks = new ArrayList<>();

    @Option(names = "--only", paramLabel = "ID", split = ",",
            description = "Run only these checks (ids or prefixes such as cloudtrail.).")
    List<String> only = new ArrayList<>();

    @Option(names = "--policy", paramLabel = "FILE", description = "The posture policy (posture-policy.yaml; "
            + "default: one found among the inputs, else built-in defaults).")
    Path policy;

    @Option(names = "--at", paramLabel = "TIME", description = "Evaluation time for age limits such as recent root "
            + "use (ISO-8601; default: now). Use the export's time to reproduce an audit.")
    String at;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", converter = SeverityConverter.class,
            description = "Exit 4 when a check of this severity or higher fails (info, low, medium, high, critical).")
    Severity failOn;

    @Option(names = "--detail", description = "Per framework: the section and account tables, the requirements "
            + "failing and the manual ones with the evidence to collect (default when --framework is given).")
    boolean detail;

    @Option(names = "--include-passed", description = "Also write passing checks to findings.ocsf.jsonl, as "
            + "Compliance Findings with status Resolved and compliance status Pass (evidence for an auditor).")
    boolean includePassed;

    @Option(names = "--no-store", description = "Do not write findings to the workspace.")
    boolean noStore;

    @Option(names = "--list-frameworks", description = "Print the framework ids, one per line, and exit.")
    boolean listFrameworks;

    @Option(names = "--list-checks", description = "Print the checks (id, severity, section, title) and exit.")
    boolean listChecks;

    @ArgGroup(exclusive = false, heading = "Live (through the AWS API):%n")
    PostureLiveOptions live;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    WorkspaceOption workspace;

    @Mixin
    HubOptions hub;

    /** S3 objects that could not be copied; they make the run partial. */
    private List<String> s3Skipped = List.of();

    /** Problems found in the --checks files; they make the run partial. */
    private int customCheckErrors;

    @Override
    public Integer call() {
        return run(System.out, System.err, Clock.systemUTC());
    }

    int run(PrintStream stdout, PrintStream err, Clock clock) {
        FrameworkCatalog catalog = frameworkCatalog();
        if (listFrameworks) {
            catalog.ids().forEach(stdout::println);
            return ExitCode.OK;
        }
        List<Check> checks = checks(err);
        if (listChecks) {
            for (Check c : checks) {
                CheckMetadata m = c.metadata();
                stdout.printf(Locale.ROOT, "%-44s %-8s %-16s %s%n", m.id(), m.severity().name(), m.section(),
                        TerminalText.sanitize(m.title()));
            }
            return ExitCode.OK;
        }
        List<Framework> selected = selectFrameworks(catalog, checks);
        boolean isLive = live != null && live.enabled;
        if (live != null) {
            live.requireLiveFor();
            if (live.concurrency < 1 || live.concurrency > 64) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--concurrency must be between 1 and 64, got " + live.concurrency);
            }
        }
        if (inputs.isEmpty() && !isLive) {
            throw new UserError("give the AWS Config files or a directory holding them (vigil posture DIR), or use "
                    + "--live to read the estate through the AWS API");
        }
        Instant now = at == null ? clock.instant() : TimeArgument.parse(at, "--at", clock);
        Path scratch = null;
        PostureSource.Loaded loaded;
        try {
            List<Path> paths;
            if (inputs.stream().anyMatch(S3Inputs::isS3)) {
                scratch = java.nio.file.Files.createTempDirectory("vigil-posture-s3-");
                S3Inputs.Localised localised = S3Inputs.localise(inputs, PostureSource.s3Options(live), scratch);
                paths = localised.paths();
                s3Skipped = localised.skipped();
                s3Skipped.stream().limit(20).forEach(m -> err.println("vigil: skipped " + TerminalText.sanitize(m)));
            } else {
                paths = inputs.stream().map(Path::of).toList();
            }
            loaded = isLive ? PostureSource.live(live, paths, policy, now, err)
                    : PostureSource.offline(paths, policy, now);
        } catch (java.io.IOException e) {
            throw new UserError("cannot create a temporary folder for the S3 input: " + e.getMessage(), e);
        } finally {
            ScratchFolder.delete(scratch);
        }
        Estate estate = loaded.estate();
        PostureRun.Outcome outcome = PostureRun.assess(estate, checks, selected);
        PostureOutputs.write(out, outcome, loaded, selected, now, includePassed);
        List<String> stored = noStore ? List.of() : PostureRun.store(outcome, workspace.location(), hub.settings(),
                clock);
        PostureOutputs.print(stdout, outcome, loaded, out, detail || !frameworks.isEmpty());
        stored.forEach(line -> stdout.println(TerminalText.sanitize(line)));
        boolean partial = loaded.partial() || customCheckErrors > 0 || !s3Skipped.isEmpty();
        if (loaded.partial()) {
            PostureInputs.printProblems(loaded.input().summary(), err);
        }
        boolean threshold = outcome.failedAtOrAbove(failOn);
        int code = ExitCode.of(threshold, partial);
        if (threshold) {
            err.println("vigil: checks of severity " + failOn.name().toLowerCase(Locale.ROOT)
                    + " or higher fail (exit " + code + ")");
        }
        if (loaded.partial() || !s3Skipped.isEmpty()) {
            err.println("vigil: some input was skipped; results are partial (exit " + code + ")");
        } else if (customCheckErrors > 0) {
            err.println("vigil: some custom checks were invalid and did not run; results are partial (exit " + code
                    + ")");
        }
        return code;
    }

    private FrameworkCatalog frameworkCatalog() {
        try {
            return FrameworkCatalog.withFiles(frameworkFiles);
        } catch (FrameworkFileException e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    /** The built-in checks and the custom ones, filtered by --only; custom-check errors stop the run. */
    private List<Check> checks(PrintStream err) {
        List<Check> all = new ArrayList<>(BuiltInChecks.all());
        if (!customChecks.isEmpty()) {
            Set<String> taken = new HashSet<>();
            all.forEach(c -> taken.add(c.metadata().id()));
            CustomCheckLoader.Loaded loaded = CustomCheckLoader.load(customChecks, taken);
            for (CustomCheckError e : loaded.errors()) {
                err.println("vigil: " + TerminalText.sanitize(e.message()));
            }
            if (!loaded.errors().isEmpty()) {
                customCheckErrors = loaded.errors().size();
                err.println("vigil: " + customCheckErrors + " problems in the custom checks; the "
                        + loaded.checks().size() + " valid ones run, the results are partial (exit 3)");
            }
            all.addAll(loaded.checks());
        }
        if (only.isEmpty()) {
            return all;
        }
        List<Check> out = all.stream().filter(c -> only.stream().anyMatch(o -> c.metadata().id().equals(o)
                || (o.endsWith(".") && c.metadata().id().startsWith(o)))).toList();
        if (out.isEmpty()) {
            throw new UserError("--only " + only + " selects no check; 'vigil posture --list-checks' shows the ids");
        }
        return out;
    }

    /** The frameworks asked for; each must map only checks that exist. */
    private List<Framework> selectFrameworks(FrameworkCatalog catalog, List<Check> checks) {
        List<Framework> selected;
        if (frameworks.isEmpty()) {
            selected = catalog.all();
        } else {
            selected = new ArrayList<>();
            for (String id : frameworks) {
                selected.add(catalog.get(id).orElseThrow(() -> new UserError("unknown framework '" + id
                        + "'; 'vigil posture --list-frameworks' lists them: " + String.join(", ", catalog.ids()))));
            }
        }
        Set<String> known = new HashSet<>();
        BuiltInChecks.all().forEach(c -> known.add(c.metadata().id()));
        checks.forEach(c -> known.add(c.metadata().id()));
        List<String> problems = new FrameworkValidator(selected).problems(known);
        if (!problems.isEmpty()) {
            throw new UserError(String.join("; ", problems));
        }
        return selected;
    }
}
