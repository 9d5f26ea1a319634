package dev.vigil.engine.baseline;

import java.util.Arrays;
import java.util.EnumMap;

/**
 * What is known of one principal (or one account): when it was first and last seen, the first-seen time of each
 * value of each {@link Feature}, of each hour of the week, and its per-minute volume. Every fact merges without
 * regard to order (minima, maxima, sums, the order-free caps of {@link ValueSet} and {@link MinuteVolume}).
 */
final class Profile {

    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    final EnumMap<Feature, ValueSet> features = new EnumMap<>(Feature.class);
    final long[] hourFirst = new long[HourOfWeek.HOURS];
    /** Null for an account's profile: volume is learned per principal only. */
    final MinuteVolume volume;

    Profile(int valueCap, int minuteCap, boolean withVolume) {
        for (Feature f : Feature.values()) {
            features.put(f, new ValueSet(valueCap));
        }
        Arrays.fill(hourFirst, Long.MAX_VALUE);
        volume = withVolume ? new MinuteVolume(minuteCap) : null;
    }

    /** Feature.values() copies its array on every call; this runs for every call of every principal. */
    private static final Feature[] FEATURES = Feature.values();

    void add(Sighting s, long bytesOut) {
        first = Math.min(first, s.time());
        last = Math.max(last, s.time());
        for (Feature f : FEATURES) {
            features.get(f).add(s.value(f), s.time(), s);
        }
        int hour = HourOfWeek.of(s.time());
        hourFirst[hour] = Math.min(hourFirst[hour], s.time());
        if (volume != null) {
            volume.add(s.time(), bytesOut, s);
        }
    }

    void merge(Profile other) {
        first = Math.min(first, other.first);
        last = Math.max(last, other.last);
        for (Feature f : Feature.values()) {
            features.get(f).merge(other.features.get(f));
        }
        for (int h = 0; h < HourOfWeek.HOURS; h++) {
            hourFirst[h] = Math.min(hourFirst[h], other.hourFirst[h]);
        }
        if (volume != null && other.volume != null) {
            volume.merge(other.volume);
        }
    }
}
