package dev.vigil.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

@Command(name = "vigil", mixinStandardHelpOptions = true, versionProvider = VigilCommand.Version.class,
        description = "Security operations for AWS: reads CloudTrail as AWS delivers it, detects what the "
                + "logging-and-monitoring practice says to alarm on, and reports findings (OCSF, HTML).",
        subcommands = {ScanCommand.class, DemoCommand.class, SimulateCommand.class, FindingsCommand.class,
                RulesCommand.class, MetricsCommand.class, PostureCommand.class, InventoryCommand.class,
                picocli.CommandLine.HelpCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  success: all input read, no finding at or above --fail-on",
                "  1  error: Vigil could not do its job (message says why)",
                "  2  usage: wrong options or arguments",
                "  3  partial: results written, but some input was skipped (see the summary)",
                "  4  findings at or above --fail-on",
                "  5  findings at or above --fail-on, and some input was skipped"})
final class VigilCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static String version() {
        Properties p = new Properties();
        try (InputStream in = VigilCommand.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // fall through to "unknown"
        }
        return p.getProperty("version", "unknown");
    }

    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"vigil " + version(), "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
