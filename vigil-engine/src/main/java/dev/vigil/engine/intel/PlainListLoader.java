package dev.vigil.engine.intel;

import java.io.IOException;
import java.io.InputStream;

/**
 * One address or CIDR block per line. {@code #} and {@code ;} start comments (the latter as in Spamhaus DROP:
 * {@code 192.0.2.0/24 ; SBL123}); blank lines are skipped; anything else after the address is an error, so that a
 * line holding two addresses never silently loses one. Also reads Tor's bulk exit list, which is this shape.
 */
final class PlainListLoader {

    private PlainListLoader() {
    }

    static void load(InputStream in, SetLoad load) throws IOException {
        IndicatorLines.read(in, load, (line, at) -> {
            String entry = stripComment(line);
            if (entry.indexOf(' ') >= 0 || entry.indexOf('\t') >= 0) {
                load.problem(at, "extra-text", "'" + SetLoad.clean(entry) + "' holds more than one value; write one"
                        + " address or block per line and put remarks after '#'");
            } else if (!entry.isEmpty()) {
                load.address(entry, -1, Long.MIN_VALUE, Long.MAX_VALUE, at);
            }
            return true;
        });
    }

    static String stripComment(String line) {
        int end = line.length();
        int hash = line.indexOf('#');
        if (hash >= 0) {
            end = hash;
        }
        int semicolon = line.indexOf(';');
        if (semicolon >= 0 && semicolon < end) {
            end = semicolon;
        }
        return line.substring(0, end).strip();
    }
}
