package dev.vigil.engine.intel;

import java.io.IOException;
import java.io.InputStream;

/**
 * Tor's {@code exit-addresses} document: per relay an {@code ExitNode FINGERPRINT} line, {@code Published} and
 * {@code LastStatus} lines, and one or more {@code ExitAddress ADDRESS YYYY-MM-DD HH:MM:SS} lines. Only the exit
 * addresses become indicators; the time on the line says when the address was last seen exiting, which does not
 * bound its validity (the set's {@code expires} does). Lines holding just an address are read too: that is the bulk
 * exit list ({@code torbulkexitlist}), so one loader serves both of Tor's publications.
 */
final class TorExitLoader {

    private TorExitLoader() {
    }

    static void load(InputStream in, SetLoad load) throws IOException {
        IndicatorLines.read(in, load, (line, at) -> {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                return true;
            }
            String[] parts = l.split("\\s+");
            switch (parts[0]) {
                case "ExitAddress" -> {
                    if (parts.length < 2) {
                        load.problem(at, "missing-address", "ExitAddress line without an address");
                    } else {
                        load.address(parts[1], -1, Long.MIN_VALUE, Long.MAX_VALUE, at);
                    }
                }
                case "ExitNode", "Published", "LastStatus" -> {
                    // relay bookkeeping: not indicators
                }
                default -> {
                    if (parts.length == 1) {
                        load.address(parts[0], -1, Long.MIN_VALUE, Long.MAX_VALUE, at); // the bulk exit list
                    } else {
                        load.problem(at, "unknown-line", "'" + SetLoad.clean(l) + "' is not a line of Tor's"
                                + " exit-addresses format (ExitNode, Published, LastStatus, ExitAddress)");
                    }
                }
            }
            return true;
        });
    }
}
