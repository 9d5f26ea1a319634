package dev.vigil.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.posture.input.PostureInput;
import dev.vigil.posture.inventory.Inventory;
import dev.vigil.posture.inventory.Resource;
import dev.vigil.report.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"Lists the resources in the inputs as Config last recorded them (or as of --at), one per line.",
                "Exit 0, or 3 when some input was skipped."})
final class InventoryListCommand implements Callable<Integer> {

    enum Format { table, jsonl }

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "AWS Config files or directories holding them.")
    List<Path> paths;

    @Option(names = "--type", paramLabel = "TYPE", description = "Only this Config resource type, e.g. AWS::S3::Bucket.")
    String type;

    @Option(names = "--account", paramLabel = "ID", description = "Only this account.")
    String account;

    @Option(names = "--region", paramLabel = "REGION", description = "Only this region (IAM resources: global).")
    String region;

    @Option(names = "--at", paramLabel = "TIME", description = "The estate as of this time (ISO-8601 or date), "
            + "from the history in the inputs; default: the latest capture of each resource.")
    String at;

    @Option(names = "--deleted", description = "Also list resources Config recorded as deleted.")
    boolean deleted;

    @Option(names = "--format", defaultValue = "table", description = "table or jsonl (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        return run(System.out, System.err, Clock.systemUTC());
    }

    int run(PrintStream out, PrintStream err, Clock clock) {
        PostureInput input = PostureInputs.read(paths, null);
        Inventory inventory = at == null ? input.inventory()
                : input.history().stateAt(TimeArgument.parse(at, "--at", clock));
        List<Resource> rows = inventory.all().stream()
                .filter(r -> deleted || !r.deleted())
                .filter(r -> type == null || r.type().equals(type))
                .filter(r -> account == null || r.account().equals(account))
                .filter(r -> region == null || r.region().equals(region))
                .sorted(Comparator.comparing(Resource::account).thenComparing(Resource::region)
                        .thenComparing(Resource::type).thenComparing(Resource::id))
                .toList();
        if (format == Format.jsonl) {
            ObjectMapper json = new ObjectMapper();
            for (Resource r : rows) {
                ObjectNode o = json.createObjectNode();
                o.put("type", r.type()).put("id", r.id()).put("name", r.name()).put("arn", r.arn())
                        .put("account", r.account()).put("region", r.region()).put("status", r.status())
                        .put("captureTime", r.captureTime().toString());
                o.putPOJO("tags", r.tags());
                o.set("configuration", r.configuration().isMissingNode() ? null : r.configuration());
                out.println(o);
            }
        } else {
            out.printf(Locale.ROOT, "%-12s  %-14s  %-32s  %-40s  %s%n", "ACCOUNT", "REGION", "TYPE", "ID", "CAPTURED");
            for (Resource r : rows) {
                out.printf(Locale.ROOT, "%-12s  %-14s  %-32s  %-40s  %s%s%n", TerminalText.sanitize(r.account()),
                        TerminalText.sanitize(r.region()), TerminalText.sanitize(r.type()),
                        TerminalText.sanitize(r.id()), r.captureTime(), r.deleted() ? "  (deleted)" : "");
            }
            out.printf(Locale.ROOT, "%,d resources%s%n", rows.size(), at == null ? "" : " as of " + at);
            err.println(TerminalText.sanitize(PostureInputs.summaryLine(input.summary())));
        }
        PostureInputs.printProblems(input.summary(), err);
        return input.summary().partial() ? ExitCode.PARTIAL : ExitCode.OK;
    }
}
