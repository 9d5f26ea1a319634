package dev.vigil.cli;

import dev.vigil.report.TerminalText;

import java.io.PrintStream;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Shows the live collector's warnings (an account skipped, a region list guessed) as the command line's own
 * {@code vigil: …} lines instead of java.util.logging's two-line, timestamped default.
 */
final class LiveLogging {

    private static final Logger LIVE = Logger.getLogger("dev.vigil.live");

    private LiveLogging() {
    }

    static void routeTo(PrintStream err) {
        for (Handler h : LIVE.getHandlers()) {
            LIVE.removeHandler(h);
        }
        LIVE.setUseParentHandlers(false);
        LIVE.setLevel(Level.WARNING);
        LIVE.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (isLoggable(record)) {
                    err.println("vigil: " + TerminalText.sanitize(String.valueOf(record.getMessage())));
                }
            }

            @Override
            public void flush() {
                err.flush();
            }

            @Override
            public void close() {
                flush();
            }
        });
    }
}
