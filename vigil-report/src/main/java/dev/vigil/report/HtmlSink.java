package dev.vigil.report;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * Where the HTML report is written, with one method per output context so that data can only be written
 * escaped.
 *
 * <p>Everything written is plain ASCII: characters outside ASCII become numeric character references, so the
 * page reads the same whatever encoding the caller's {@link Writer} uses. Output is buffered here and handed
 * to the writer in chunks; the caller's writer is flushed by {@link #flush()}, never closed.
 */
final class HtmlSink {

    private static final int CHUNK = 16 * 1024;

    private final Writer out;
    private final StringBuilder buffer = new StringBuilder(CHUNK + 1024);

    HtmlSink(Writer out) {
        this.out = out;
    }

    /** Writes trusted markup from this module's own code, as is. Never pass data here. */
    HtmlSink markup(String markup) throws IOException {
        buffer.append(markup);
        return drainIfFull();
    }

    /** Writes data as element text; unsafe characters appear as highlighted escapes. */
    HtmlSink text(String data) throws IOException {
        escape(data, true, false);
        return drainIfFull();
    }

    /**
     * Writes data where no markup may appear: attribute values (always double-quoted by the caller),
     * {@code <title>} and SVG {@code <title>} text. Unsafe characters appear as plain escapes.
     */
    HtmlSink plain(String data) throws IOException {
        escape(data, false, false);
        return drainIfFull();
    }

    /** Writes data inside {@code <pre>}: like {@link #text(String)}, but line feeds and tabs are kept. */
    HtmlSink preformatted(String data) throws IOException {
        escape(data, true, true);
        return drainIfFull();
    }

    /** Writes a number; numbers need no escaping. */
    HtmlSink number(long value) throws IOException {
        buffer.append(value);
        return drainIfFull();
    }

    /** Hands everything buffered to the writer and flushes it. */
    void flush() throws IOException {
        drain();
        out.flush();
    }

    private void escape(String data, boolean markUnsafe, boolean keepLayout) {
        if (data == null) {
            return;
        }
        int i = 0;
        int n = data.length();
        while (i < n) {
            int cp = data.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '&' -> buffer.append("&amp;");
                case '<' -> buffer.append("&lt;");
                case '>' -> buffer.append("&gt;");
                case '"' -> buffer.append("&quot;");
                case '\'' -> buffer.append("&#39;");
                case '`' -> buffer.append("&#96;");
                default -> {
                    if (keepLayout && (cp == '\n' || cp == '\t')) {
                        buffer.append((char) cp);
                    } else if (UnsafeChars.isUnsafe(cp)) {
                        if (markUnsafe) {
                            buffer.append("<span class=\"ctl\" title=\"hidden or control character\">")
                                    .append(UnsafeChars.notation(cp)).append("</span>");
                        } else {
                            buffer.append(UnsafeChars.notation(cp));
                        }
                    } else if (cp < 0x80) {
                        buffer.append((char) cp);
                    } else {
                        buffer.append("&#x").append(Integer.toHexString(cp).toUpperCase(Locale.ROOT))
                                .append(';');
                    }
                }
            }
        }
    }

    private HtmlSink drainIfFull() throws IOException {
        if (buffer.length() >= CHUNK) {
            drain();
        }
        return this;
    }

    private void drain() throws IOException {
        out.append(buffer);
        buffer.setLength(0);
    }
}
