package dev.vigil.engine.baseline;

/**
 * A 64-bit hash of text that is the same in every run and on every machine (unlike {@link String#hashCode} mixed
 * by a HashMap, it is well spread, and unlike a per-run seed it keeps caps and sketches replayable).
 */
final class StableHash {

    private StableHash() {
    }

    static long of(String text, long seed) {
        long h = 0x9E3779B97F4A7C15L ^ seed;
        for (int i = 0; i < text.length(); i++) {
            h = mix(h ^ text.charAt(i));
        }
        return mix(h ^ text.length());
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
