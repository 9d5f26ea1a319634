package dev.vigil.sim;

import java.util.HashMap;
import java.util.Map;

/**
 * Keeps benign traffic below the thresholds that detections alert on, whatever the event rate: a principal
 * reading many objects, collecting access-denied errors, or failing console sign-ins. The generator asks
 * before it emits such an event and picks something else when refused.
 *
 * <p>Each limit keeps a margin under the detection threshold (and a minute more than its window) so that
 * truncating event times to whole seconds cannot push a burst over it.
 */
final class BenignGuard {

    /** Detections fire at 50 GetObject per principal in 10 minutes. */
    static final int MAX_GET_OBJECTS = 40;
    static final long GET_OBJECT_WINDOW = 11 * 60_000L;
    /** Detections fire at 5 access-denied errors per principal in 5 minutes. */
    static final int MAX_DENIALS = 2;
    static final long DENIAL_WINDOW = 6 * 60_000L;
    /** Detections fire at 3 console failures per user or address in 5 minutes; allow one per 11 minutes. */
    static final long CONSOLE_FAILURE_GAP = 11 * 60_000L;

    private final Ring[] getObjects;
    private final Ring[] denials;
    private final long[] lastUserFailure;
    private final Map<String, Long> lastIpFailure = new HashMap<>();

    BenignGuard(int principals) {
        getObjects = new Ring[principals];
        denials = new Ring[principals];
        lastUserFailure = new long[principals];
        for (int i = 0; i < principals; i++) {
            getObjects[i] = new Ring(MAX_GET_OBJECTS, GET_OBJECT_WINDOW);
            denials[i] = new Ring(MAX_DENIALS, DENIAL_WINDOW);
            lastUserFailure[i] = Long.MIN_VALUE / 2;
        }
    }

    /** Records and allows a GetObject by the principal at {@code time}, or refuses it. */
    boolean allowGetObject(int principal, long time) {
        return getObjects[principal].tryAdd(time);
    }

    boolean allowDenial(int principal, long time) {
        return denials[principal].tryAdd(time);
    }

    boolean allowConsoleFailure(int principal, String ip, long time) {
        long lastIp = lastIpFailure.getOrDefault(ip, Long.MIN_VALUE / 2);
        if (time - lastUserFailure[principal] < CONSOLE_FAILURE_GAP || time - lastIp < CONSOLE_FAILURE_GAP) {
            return false;
        }
        lastUserFailure[principal] = time;
        lastIpFailure.put(ip, time);
        return true;
    }

    /** The last {@code capacity} accepted times; accepts a new one only if the oldest is a window old. */
    private static final class Ring {
        private final long[] times;
        private final long window;
        private int next;
        private int size;

        Ring(int capacity, long window) {
            this.times = new long[capacity];
            this.window = window;
        }

        boolean tryAdd(long time) {
            if (size == times.length && time - times[next] < window) {
                return false;
            }
            times[next] = time;
            next = (next + 1) % times.length;
            size = Math.min(size + 1, times.length);
            return true;
        }
    }
}
