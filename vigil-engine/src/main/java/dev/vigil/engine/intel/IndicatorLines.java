package dev.vigil.engine.intel;

import java.io.IOException;
import java.io.InputStream;

/** The line loop the text formats share: bounded lines, too-long lines reported, stop when the load is full. */
final class IndicatorLines {

    /** What a text format does with one line (too-long lines never reach it). */
    interface LineReader {
        /** @return false to stop reading the file */
        boolean line(String line, String at);
    }

    private IndicatorLines() {
    }

    static void read(InputStream in, SetLoad load, LineReader reader) throws IOException {
        BoundedLines lines = new BoundedLines(IntelInput.reader(in));
        String line;
        while ((line = lines.next()) != null && !load.full()) {
            String at = load.at(lines.number());
            if (lines.tooLong()) {
                load.problem(at, "line-too-long", "line longer than " + BoundedLines.MAX_LINE + " characters;"
                        + " it was skipped");
                continue;
            }
            if (!reader.line(line, at)) {
                return;
            }
        }
    }
}
