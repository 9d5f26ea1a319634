package dev.vigil.engine.baseline;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * The binary form of baseline state. Layout (big-endian):
 * <pre>
 * "VGBL"  u32 version (1)  u32 payload length  payload  u64 CRC-32 of the payload
 * payload   = profiles(principals) profiles(accounts)
 * profiles  = u32 n, n × profile, sorted by key
 * profile   = str key, i64 first, i64 last,
 *             4 × feature (API, REGION, NETWORK, USER_AGENT),
 *             u8 n hours, n × (u8 hour, i64 first),
 *             i32 n minutes (-1: no volume), n × (i64 epoch minute, i64 calls, i64 bytes out)
 * feature   = u32 n, n × (str value, i64 first, i64 count) sorted by value, u8 sketch (0|1),
 *             [1024 × i64 cells, 64 × u8 HyperLogLog registers]
 * str       = u32 length, UTF-8 bytes
 * </pre>
 * The same state always gives the same bytes. Only learning-period minutes are kept: later minutes have been
 * judged already, and first calls (evidence) are not kept, so a learned value is never reported again.
 */
final class SnapshotCodec {

    static final int VERSION = 1;
    private static final byte[] MAGIC = {'V', 'G', 'B', 'L'};
    private static final int MAX_TEXT = 64 * 1024;

    /** Both profile sets of a snapshot. */
    record Decoded(Profiles principals, Profiles accounts) {
    }

    /** Caps and context of the profiles a decoding builds. */
    record Shape(int valueCap, int minuteCap, int profileCap, Set<String> known) {
    }

    private SnapshotCodec() {
    }

    static byte[] encode(Profiles principals, Profiles accounts, Duration learning) {
        try {
            ByteArrayOutputStream payloadBytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(payloadBytes);
            writeProfiles(out, principals, learning);
            writeProfiles(out, accounts, learning);
            out.flush();
            byte[] payload = payloadBytes.toByteArray();
            CRC32 crc = new CRC32();
            crc.update(payload);
            ByteArrayOutputStream all = new ByteArrayOutputStream(payload.length + 20);
            DataOutputStream o = new DataOutputStream(all);
            o.write(MAGIC);
            o.writeInt(VERSION);
            o.writeInt(payload.length);
            o.write(payload);
            o.writeLong(crc.getValue());
            o.flush();
            return all.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
    }

    private static void writeProfiles(DataOutputStream out, Profiles profiles, Duration learning)
            throws IOException {
        TreeMap<String, Profile> sorted = new TreeMap<>(profiles.byKey());
        out.writeInt(sorted.size());
        for (Map.Entry<String, Profile> e : sorted.entrySet()) {
            Profile p = e.getValue();
            writeText(out, e.getKey());
            out.writeLong(p.first);
            out.writeLong(p.last);
            for (Feature f : Feature.values()) {
                ValueSet values = p.features.get(f);
                TreeMap<String, ValueSet.Entry> entries = new TreeMap<>(values.exact());
                out.writeInt(entries.size());
                for (Map.Entry<String, ValueSet.Entry> v : entries.entrySet()) {
                    writeText(out, v.getKey());
                    out.writeLong(v.getValue().first);
                    out.writeLong(v.getValue().count);
                }
                long[] sketch = values.sketch();
                out.writeByte(sketch == null ? 0 : 1);
                if (sketch != null) {
                    for (long cell : sketch) {
                        out.writeLong(cell);
                    }
                    out.write(values.registers());
                }
            }
            int hours = (int) Arrays.stream(p.hourFirst).filter(t -> t != Long.MAX_VALUE).count();
            out.writeByte(hours);
            for (int h = 0; h < HourOfWeek.HOURS; h++) {
                if (p.hourFirst[h] != Long.MAX_VALUE) {
                    out.writeByte(h);
                    out.writeLong(p.hourFirst[h]);
                }
            }
            if (p.volume == null) {
                out.writeInt(-1);
            } else {
                long learningEndMinute = VolumeBaseline.learningEndMinute(p.first, learning);
                var kept = p.volume.minutes().headMap(learningEndMinute, false);
                out.writeInt(kept.size());
                for (Map.Entry<Long, MinuteVolume.Bucket> m : kept.entrySet()) {
                    out.writeLong(m.getKey());
                    out.writeLong(m.getValue().calls);
                    out.writeLong(m.getValue().bytesOut);
                }
            }
        }
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    /** Checks a snapshot's frame and version and returns its payload. */
    static byte[] payload(byte[] bytes) throws BaselineSnapshotException {
        if (bytes.length < 20 || !Arrays.equals(bytes, 0, 4, MAGIC, 0, 4)) {
            throw new BaselineSnapshotException("the saved baseline state is not a Vigil baseline snapshot (bad"
                    + " header); delete it to start learning afresh");
        }
        int version = readInt(bytes, 4);
        if (version != VERSION) {
            throw new BaselineSnapshotException("the saved baseline state has format version " + version
                    + ", this Vigil reads version " + VERSION + "; use the Vigil that wrote it, or delete it to"
                    + " start learning afresh");
        }
        int length = readInt(bytes, 8);
        if (length < 0 || length != bytes.length - 20) {
            throw corrupt("its length does not match (truncated or padded)", null);
        }
        byte[] payload = Arrays.copyOfRange(bytes, 12, 12 + length);
        CRC32 crc = new CRC32();
        crc.update(payload);
        long stored = ((long) readInt(bytes, 12 + length) << 32) | (readInt(bytes, 16 + length) & 0xFFFFFFFFL);
        if (crc.getValue() != stored) {
            throw corrupt("its checksum does not match", null);
        }
        return payload;
    }

    static Decoded decode(byte[] bytes, Shape shape) throws BaselineSnapshotException {
        byte[] payload = payload(bytes);
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
            Profiles principals = readProfiles(in, shape, true, payload.length);
            Profiles accounts = readProfiles(in, shape, false, payload.length);
            if (in.available() != 0) {
                throw corrupt("it has " + in.available() + " bytes after its end", null);
            }
            return new Decoded(principals, accounts);
        } catch (EOFException e) {
            throw corrupt("it ends in the middle of a record", e);
        } catch (IOException e) {
            throw corrupt(e.getMessage(), e);
        }
    }

    private static Profiles readProfiles(DataInputStream in, Shape shape, boolean principals, int size)
            throws IOException, BaselineSnapshotException {
        Profiles out = new Profiles(shape.profileCap(), shape.known());
        int n = count(in, size);
        for (int i = 0; i < n; i++) {
            String key = readText(in);
            Profile p = new Profile(shape.valueCap(), shape.minuteCap(), principals);
            p.first = in.readLong();
            p.last = in.readLong();
            if (p.first > p.last) {
                throw corrupt("a profile was last seen before it was first seen", null);
            }
            for (Feature f : Feature.values()) {
                ValueSet values = p.features.get(f);
                int entries = count(in, size);
                for (int j = 0; j < entries; j++) {
                    String value = readText(in);
                    long first = in.readLong();
                    long count = in.readLong();
                    if (count < 1 || first < p.first) {
                        throw corrupt("a learned value has an impossible count or time", null);
                    }
                    values.restore(value, first, count);
                }
                int sketch = in.readUnsignedByte();
                if (sketch > 1) {
                    throw corrupt("a sketch flag is neither 0 nor 1", null);
                }
                if (sketch == 1) {
                    long[] cells = new long[ValueSet.SKETCH_CELLS];
                    for (int c = 0; c < cells.length; c++) {
                        cells[c] = in.readLong();
                    }
                    values.restoreSketch(cells);
                    byte[] registers = new byte[ValueSet.REGISTERS];
                    in.readFully(registers);
                    for (byte r : registers) {
                        if (r < 0 || r > 64) {
                            throw corrupt("a HyperLogLog register is " + r, null);
                        }
                    }
                    values.restoreRegisters(registers);
                }
            }
            int hours = in.readUnsignedByte();
            for (int j = 0; j < hours; j++) {
                int hour = in.readUnsignedByte();
                if (hour >= HourOfWeek.HOURS) {
                    throw corrupt("an hour of the week is " + hour, null);
                }
                p.hourFirst[hour] = in.readLong();
            }
            int minutes = in.readInt();
            if ((minutes == -1) == principals || minutes < -1 || minutes > size / 24) {
                throw corrupt("a minute count is impossible", null);
            }
            for (int j = 0; j < minutes; j++) {
                long minute = in.readLong();
                long calls = in.readLong();
                long bytesOut = in.readLong();
                if (calls < 1 || bytesOut < 0) {
                    throw corrupt("a minute has negative volume", null);
                }
                p.volume.restore(minute, calls, bytesOut);
            }
            Profile existing = out.get(key, () -> p);
            if (existing != null && existing != p) {
                throw corrupt("a key appears twice", null);
            }
        }
        return out;
    }

    private static int count(DataInputStream in, int size) throws IOException, BaselineSnapshotException {
        int n = in.readInt();
        if (n < 0 || n > size) {
            throw corrupt("a count is " + n, null);
        }
        return n;
    }

    private static String readText(DataInputStream in) throws IOException, BaselineSnapshotException {
        int length = in.readInt();
        if (length < 0 || length > MAX_TEXT) {
            throw corrupt("a text length is " + length, null);
        }
        byte[] b = new byte[length];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static int readInt(byte[] b, int at) {
        return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }

    private static BaselineSnapshotException corrupt(String why, Throwable cause) {
        return new BaselineSnapshotException("the saved baseline state is corrupt (" + why + "); delete it to"
                + " start learning afresh", cause);
    }
}
