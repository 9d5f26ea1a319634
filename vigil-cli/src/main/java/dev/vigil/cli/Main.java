package dev.vigil.cli;

import picocli.CommandLine;

import java.io.PrintWriter;

/** Entry point of the {@code vigil} command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code; used by tests too. */
    static int run(String... args) {
        CommandLine cl = commandLine();
        return cl.execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new VigilCommand());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            PrintWriter err = cmd.getErr();
            // Messages quote file names, resource ids and API text: attacker-controlled, so escaped like all output.
            if (ex instanceof UserError) {
                err.println("vigil: " + escapedLines(String.valueOf(ex.getMessage())));
            } else {
                err.println("vigil: internal error: " + dev.vigil.report.TerminalText.sanitize(String.valueOf(ex)));
                err.println("Please report this with the command you ran; run with VIGIL_DEBUG=1 for the stack trace.");
                if (System.getenv("VIGIL_DEBUG") != null) {
                    ex.printStackTrace(err);
                }
            }
            err.flush();
            return ExitCode.ERROR;
        });
        cl.setExitCodeExceptionMapper(ex -> ExitCode.USAGE);
        return cl;
    }

    /** Escapes each line of a message, keeping the line breaks a message uses on purpose (a pattern and its caret). */
    static String escapedLines(String message) {
        String[] lines = message.split("\n", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            out.append(i == 0 ? "" : "\n").append(dev.vigil.report.TerminalText.sanitize(lines[i]));
        }
        return out.toString();
    }
}
