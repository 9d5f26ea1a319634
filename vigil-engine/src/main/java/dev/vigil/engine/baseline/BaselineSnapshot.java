package dev.vigil.engine.baseline;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Baseline state carried from one run to the next (what was learned, never evidence), in the versioned binary form
 * {@link #toBytes()} writes; the layout is documented in docs/baselines.md. Immutable.
 */
public final class BaselineSnapshot {

    /** No prior state: every principal starts learning when first seen. */
    public static final BaselineSnapshot EMPTY = new BaselineSnapshot(SnapshotCodec.encode(
            new Profiles(1, Set.of()), new Profiles(1, Set.of()), java.time.Duration.ofDays(1)));

    private final byte[] bytes;

    private BaselineSnapshot(byte[] bytes) {
        this.bytes = bytes;
    }

    static BaselineSnapshot of(byte[] encoded) {
        return new BaselineSnapshot(encoded);
    }

    /** The state as bytes, for {@code FindingStore.saveBaseline}. */
    public byte[] toBytes() {
        return bytes.clone();
    }

    /**
     * Reads state written by {@link #toBytes()}, checking it whole (header, version, checksum, every count and
     * value).
     *
     * @throws BaselineSnapshotException when the bytes are corrupt, truncated or of an unknown version; the
     *                                   message says so and advises to start afresh
     */
    public static BaselineSnapshot fromBytes(byte[] bytes) throws BaselineSnapshotException {
        byte[] copy = bytes.clone();
        SnapshotCodec.decode(copy, new SnapshotCodec.Shape(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE,
                Set.of()));
        return new BaselineSnapshot(copy);
    }

    /** The principals and accounts it holds, as fresh profiles with the given caps. */
    SnapshotCodec.Decoded decode(BaselineSettings settings) {
        try {
            SnapshotCodec.Decoded keys = decodeAll();
            Set<String> known = new HashSet<>(keys.principals().byKey().keySet());
            known.addAll(keys.accounts().byKey().keySet());
            return SnapshotCodec.decode(bytes, new SnapshotCodec.Shape(settings.maxValuesPerFeature(),
                    settings.maxActiveMinutes(), settings.maxPrincipals(), Set.copyOf(known)));
        } catch (BaselineSnapshotException e) {
            throw new IllegalStateException("a snapshot was checked when it was read", e);
        }
    }

    private SnapshotCodec.Decoded decodeAll() throws BaselineSnapshotException {
        return SnapshotCodec.decode(bytes, new SnapshotCodec.Shape(Integer.MAX_VALUE, Integer.MAX_VALUE,
                Integer.MAX_VALUE, Set.of()));
    }

    /** How many principals it holds a baseline for. */
    public int principals() {
        try {
            return decodeAll().principals().byKey().size();
        } catch (BaselineSnapshotException e) {
            throw new IllegalStateException("a snapshot was checked when it was read", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BaselineSnapshot other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "BaselineSnapshot[" + bytes.length + " bytes]";
    }
}
