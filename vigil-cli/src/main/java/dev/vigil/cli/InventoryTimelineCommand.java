package dev.vigil.cli;

import dev.vigil.posture.input.PostureInput;
import dev.vigil.posture.inventory.history.ResourceChange;
import dev.vigil.posture.inventory.history.ResourceKey;
import dev.vigil.report.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "timeline", mixinStandardHelpOptions = true,
        description = {"One resource's configuration history: every recorded change in order, with the changed values "
                + "and the CloudTrail call behind each when CloudTrail for the period is among the inputs.",
                "Exit 0; 1 when no resource (or several) match --resource; 3 when some input was skipped."})
final class InventoryTimelineCommand implements Callable<Integer> {

    enum Format { text, jsonl }

    @Parameters(arity = "1..*", paramLabel = "PATH",
            description = "AWS Config snapshot and history files, and CloudTrail logs for attribution.")
    List<Path> paths;

    @Option(names = "--resource", required = true, paramLabel = "ID|ARN|NAME",
            description = "The resource: its Config resource id, ARN or name.")
    String resource;

    @Option(names = "--format", defaultValue = "text", description = "text or jsonl (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        return run(System.out, System.err);
    }

    int run(PrintStream out, PrintStream err) {
        PostureInput input = PostureInputs.read(paths, null);
        List<ResourceKey> keys = input.history().find(resource);
        if (keys.isEmpty()) {
            throw new UserError("no resource with id, ARN or name '" + resource + "' in the inputs; "
                    + "'vigil inventory list PATH' shows what is there");
        }
        if (keys.size() > 1) {
            throw new UserError("'" + resource + "' names " + keys.size() + " resources (" + keys.stream()
                    .map(ResourceKey::toString).limit(5).toList() + "); give the ARN");
        }
        List<ResourceChange> changes = input.history().timeline(keys.get(0));
        if (format == Format.jsonl) {
            InventoryChanges.jsonl(changes, out);
        } else {
            out.println(TerminalText.sanitize(keys.get(0).toString()));
            InventoryChanges.text(changes, out);
            out.printf(Locale.ROOT, "%,d recorded changes%n", changes.size());
        }
        PostureInputs.printProblems(input.summary(), err);
        return input.summary().partial() ? ExitCode.PARTIAL : ExitCode.OK;
    }
}
