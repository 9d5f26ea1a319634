package dev.vigil.formats.input;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.LongAdder;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Opens a log file for reading: gzip is recognised by its magic bytes, not its name, and decompressed output
 * is bounded so a decompression bomb ends with an error instead of filling memory or disk time.
 */
public final class InputOpener {

    private InputOpener() {
    }

    /** Raised when a file decompresses to more than the limit. */
    public static final class DecompressionLimitExceeded extends IOException {
        DecompressionLimitExceeded(long limit) {
            super("decompressed data exceeds the " + limit + "-byte limit per file (a corrupt file or a gzip bomb)");
        }
    }

    /**
     * How a file's compressed data went wrong part-way, in the words every reader reports it with.
     *
     * @param reason  the problem reason: {@code decompression-limit}, {@code truncated-gzip} or {@code corrupt-gzip}
     * @param message what happened and what of the file was still read
     */
    public record Damage(String reason, String message) {

        /**
         * The damage {@code e} describes, or null when it is another I/O error.
         *
         * @param read what was read before it, e.g. "12 records"
         */
        public static Damage of(IOException e, String read) {
            if (e instanceof DecompressionLimitExceeded) {
                return new Damage("decompression-limit", e.getMessage() + "; the rest of the file was not read");
            }
            if (e instanceof EOFException) {
                return new Damage("truncated-gzip", "the compressed file ends early (truncated download or copy?); "
                        + read + " before the damage were read");
            }
            if (e instanceof ZipException) {
                return new Damage("corrupt-gzip", "the compressed data is corrupt (" + e.getMessage() + "); "
                        + read + " before the damage were read");
            }
            return null;
        }
    }

    /**
     * @param bytesRead      incremented with the bytes read from disk (compressed size), for progress
     * @param maxDecompressed largest decompressed size accepted per file
     */
    public static InputStream open(Path path, LongAdder bytesRead, long maxDecompressed) throws IOException {
        InputStream disk = new CountingStream(Files.newInputStream(path), bytesRead);
        PushbackInputStream in = new PushbackInputStream(disk, 2);
        int b1 = in.read();
        int b2 = b1 < 0 ? -1 : in.read();
        if (b2 >= 0) {
            in.unread(b2);
        }
        if (b1 >= 0) {
            in.unread(b1);
        }
        if (b1 == 0x1f && b2 == 0x8b) {
            return new LimitedStream(new GZIPInputStream(in, 1 << 14), maxDecompressed);
        }
        return in;
    }

    private static final class CountingStream extends FilterInputStream {
        private final LongAdder counter;

        CountingStream(InputStream in, LongAdder counter) {
            super(in);
            this.counter = counter;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counter.increment();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                counter.add(n);
            }
            return n;
        }
    }

    private static final class LimitedStream extends FilterInputStream {
        private final long limit;
        private long seen;

        LimitedStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && ++seen > limit) {
                throw new DecompressionLimitExceeded(limit);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                seen += n;
                if (seen > limit) {
                    throw new DecompressionLimitExceeded(limit);
                }
            }
            return n;
        }
    }
}
