package dev.vigil.cli;

import dev.vigil.posture.input.PostureInput;
import dev.vigil.posture.inventory.Resource;
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
                "A bucket deleted in one region and recreated in another keeps its ARN: then add --region (and "
                        + "--account) to say which one.",
                "Exit 0; 1 when no resource (or several) match --resource; 3 when some input was skipped."})
final class InventoryTimelineCommand implements Callable<Integer> {

    enum Format { text, jsonl }

    @Parameters(arity = "1..*", paramLabel = "PATH",
            description = "AWS Config snapshot and history files, and CloudTrail logs for attribution.")
    List<Path> paths;

    @Option(names = "--resource", required = true, paramLabel = "ID|ARN|NAME",
            description = "The resource: its Config resource id, ARN or name.")
    String resource;

    @Option(names = "--account", paramLabel = "ACCOUNT",
            description = "Only the resource in this account (when the id, ARN or name is found in several).")
    String account;

    @Option(names = "--region", paramLabel = "REGION",
            description = "Only the resource in this region (when the id, ARN or name is found in several).")
    String region;

    @Option(names = "--format", defaultValue = "text", description = "text or jsonl (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        return run(System.out, System.err);
    }

    int run(PrintStream out, PrintStream err) {
        PostureInput input = PostureInputs.read(paths, null);
        List<ResourceKey> keys = input.history().find(resource).stream()
                .filter(k -> account == null || k.account().equals(account))
                .filter(k -> region == null || k.region().equals(region)).toList();
        if (keys.isEmpty()) {
            throw new UserError("no resource with id, ARN or name '" + resource + "'" + qualifiers() + " in the inputs; "
                    + "'vigil inventory list PATH' shows what is there");
        }
        if (keys.size() > 1) {
            throw new UserError("'" + resource + "'" + qualifiers() + " names " + keys.size() + " resources ("
                    + String.join(", ", keys.stream().limit(5).map(k -> describe(input, k)).toList())
                    + "); add --region REGION and, if needed, --account ACCOUNT to pick one");
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

    private String qualifiers() {
        return (account == null ? "" : " in account " + account) + (region == null ? "" : " in region " + region);
    }

    /** "ACCOUNT/REGION/TYPE/ID (deleted)": enough to choose with --account and --region. */
    private static String describe(PostureInput input, ResourceKey key) {
        List<Resource> items = input.history().items(key);
        boolean deleted = !items.isEmpty() && items.get(items.size() - 1).deleted();
        return TerminalText.sanitize(key.toString()) + (deleted ? " (deleted)" : "");
    }
}
