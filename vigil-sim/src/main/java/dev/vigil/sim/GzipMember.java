package dev.vigil.sim;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * One gzip file (RFC 1952: a single member, no name, modification time 0) written through a
 * {@link Deflater} that the caller lends and takes back, so thousands of small files do not each pay for
 * setting up and tearing down zlib state as {@link java.util.zip.GZIPOutputStream} would.
 *
 * <p>Output goes to a caller-supplied scratch buffer and from there to the file after each write, so many
 * open members can share one buffer. Not thread-safe.
 */
final class GzipMember {

    /** Magic, deflate, no flags, mtime 0 (reproducible output), no extra flags, OS unknown. */
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    private final OutputStream out;
    private final Deflater deflater;
    private final CRC32 crc = new CRC32();
    private long size;
    private long written;

    /** Starts a member on {@code out}; {@code deflater} must be reset and is used until {@link #finish}. */
    GzipMember(OutputStream out, Deflater deflater) throws IOException {
        this.out = out;
        this.deflater = deflater;
        out.write(HEADER);
        written = HEADER.length;
    }

    Deflater deflater() {
        return deflater;
    }

    void write(byte[] data, int offset, int length, byte[] scratch) throws IOException {
        crc.update(data, offset, length);
        size += length;
        deflater.setInput(data, offset, length);
        while (!deflater.needsInput()) {
            drain(scratch, Deflater.NO_FLUSH);
        }
    }

    /** Writes the end of the deflate stream and the trailer, closes the file, returns its size in bytes. */
    long finish(byte[] scratch) throws IOException {
        deflater.finish();
        while (!deflater.finished()) {
            drain(scratch, Deflater.NO_FLUSH);
        }
        byte[] trailer = new byte[8];
        int c = (int) crc.getValue();
        int n = (int) size; // ISIZE is the length modulo 2^32
        for (int i = 0; i < 4; i++) {
            trailer[i] = (byte) (c >>> (8 * i));
            trailer[4 + i] = (byte) (n >>> (8 * i));
        }
        out.write(trailer);
        written += trailer.length;
        out.close();
        return written;
    }

    /** Closes the file without completing it (after a failure elsewhere). */
    void close() throws IOException {
        out.close();
    }

    private void drain(byte[] scratch, int flush) throws IOException {
        int n = deflater.deflate(scratch, 0, scratch.length, flush);
        if (n > 0) {
            out.write(scratch, 0, n);
            written += n;
        }
    }
}
