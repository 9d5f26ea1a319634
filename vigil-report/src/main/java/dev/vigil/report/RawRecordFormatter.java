package dev.vigil.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;

import java.io.IOException;
import java.io.StringWriter;

/**
 * Pretty-prints a raw evidence record for reading, without changing what it says.
 *
 * <p>The record is re-indented token by token rather than parsed into a tree, so duplicate keys, key order
 * and the exact digits of numbers survive: evidence shown to an investigator must be the evidence. Text that
 * is not valid JSON is shown as it was read. Very large records are cut at a limit, and the cut is reported.
 */
final class RawRecordFormatter {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    /**
     * A record as it will be shown.
     *
     * @param text      the (possibly cut) text to show
     * @param validJson false when the text is the record as read because it did not parse as JSON
     * @param cutChars  characters left out at the end, 0 when the record is whole
     */
    record Shown(String text, boolean validJson, int cutChars) {
    }

    private RawRecordFormatter() {
    }

    static Shown format(String raw, int maxChars) {
        String pretty = pretty(raw);
        boolean valid = pretty != null;
        String text = valid ? pretty : raw;
        if (text.length() <= maxChars) {
            return new Shown(text, valid, 0);
        }
        int end = maxChars;
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // never split a surrogate pair: the half would show up as a broken character
        }
        return new Shown(text.substring(0, end), valid, text.length() - end);
    }

    /** The record re-indented, or null when it is not well-formed JSON. */
    private static String pretty(String raw) {
        StringWriter out = new StringWriter(raw.length() + raw.length() / 2);
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withRootSeparator("\n"));
        printer.indentArraysWith(indenter);
        printer.indentObjectsWith(indenter);
        try (JsonParser p = JSON.createParser(raw); JsonGenerator g = JSON.createGenerator(out)) {
            g.setPrettyPrinter(printer);
            JsonToken t;
            boolean any = false;
            while ((t = p.nextToken()) != null) {
                any = true;
                g.copyCurrentEventExact(p);
                if (t == JsonToken.NOT_AVAILABLE) {
                    return null;
                }
            }
            if (!any) {
                return null;
            }
        } catch (IOException | RuntimeException e) {
            // Malformed or over Jackson's safety limits: show the text as read instead.
            return null;
        }
        return out.toString();
    }
}
