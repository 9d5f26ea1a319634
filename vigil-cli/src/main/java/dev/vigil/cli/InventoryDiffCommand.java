package dev.vigil.cli;

import dev.vigil.posture.input.PostureInput;
import dev.vigil.posture.inventory.history.ResourceChange;
import dev.vigil.report.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"What changed in the estate between two times: each resource created, deleted or updated "
                + "(with the changed values), and, when CloudTrail for the period is among the inputs, the API call "
                + "that most likely made the change (who, when, from where).",
                "Exit 0, or 3 when some input was skipped."})
final class InventoryDiffCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH",
            description = "AWS Config snapshot and history files, and CloudTrail logs for attribution.")
    List<Path> paths;

    @Option(names = "--from", required = true, paramLabel = "T1", description = "Start (ISO-8601, date, or age like 7d).")
    String from;

    @Option(names = "--to", paramLabel = "T2", description = "End (default: now).")
    String to;

    @Option(names = "--format", defaultValue = "text", description = "text or jsonl (default: ${DEFAULT-VALUE}).")
    InventoryTimelineCommand.Format format;

    @Override
    public Integer call() {
        return run(System.out, System.err, Clock.systemUTC());
    }

    int run(PrintStream out, PrintStream err, Clock clock) {
        Instant start = TimeArgument.parse(from, "--from", clock);
        Instant end = to == null ? clock.instant() : TimeArgument.parse(to, "--to", clock);
        if (end.isBefore(start)) {
            throw new UserError("--to " + end + " is before --from " + start + "; swap them");
        }
        PostureInput input = PostureInputs.read(paths, null);
        List<ResourceChange> changes = input.history().diff(start, end);
        if (format == InventoryTimelineCommand.Format.jsonl) {
            InventoryChanges.jsonl(changes, out);
        } else {
            InventoryChanges.text(changes, out);
            out.printf(Locale.ROOT, "%,d resources changed between %s and %s (%,d attributed to a CloudTrail call)%n",
                    changes.size(), start, end, changes.stream().filter(c -> c.attribution().isPresent()).count());
            err.println(TerminalText.sanitize(PostureInputs.summaryLine(input.summary())));
        }
        PostureInputs.printProblems(input.summary(), err);
        return input.summary().partial() ? ExitCode.PARTIAL : ExitCode.OK;
    }
}
