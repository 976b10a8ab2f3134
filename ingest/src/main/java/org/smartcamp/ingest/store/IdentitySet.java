package org.smartcamp.ingest.store;

import java.time.Instant;

/**
 * The identities (asset ref, metric id, event time in microseconds) of the readings of one batch, in two arrays of
 * longs with open addressing: telling a reading repeated in its batch apart costs no object per reading, where a
 * {@code HashSet} of records cost three (the key, its time and the map's node) and a method-handle hash.
 */
final class IdentitySet {
    private long[] series;
    private long[] micros;
    private boolean[] used;
    private int size;

    IdentitySet(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        series = new long[capacity];
        micros = new long[capacity];
        used = new boolean[capacity];
    }

    /**
     * Adds the identity.
     *
     * @param ts an event time already truncated to microseconds
     * @return false when it was there already
     */
    boolean add(int assetRef, int metricId, Instant ts) {
        long s = (long) assetRef << 32 | (metricId & 0xFFFF_FFFFL);
        long t = ts.getEpochSecond() * 1_000_000L + ts.getNano() / 1_000;
        if (size * 2 >= used.length) {
            grow();
        }
        return insert(s, t);
    }

    private boolean insert(long s, long t) {
        int mask = used.length - 1;
        long h = s * 0x9E37_79B9_7F4A_7C15L ^ t * 0xC2B2_AE3D_27D4_EB4FL;
        int i = (int) (h ^ h >>> 29 ^ h >>> 41) & mask;
        while (used[i]) {
            if (series[i] == s && micros[i] == t) {
                return false;
            }
            i = (i + 1) & mask;
        }
        used[i] = true;
        series[i] = s;
        micros[i] = t;
        size++;
        return true;
    }

    private void grow() {
        long[] oldSeries = series;
        long[] oldMicros = micros;
        boolean[] oldUsed = used;
        series = new long[oldUsed.length * 2];
        micros = new long[oldUsed.length * 2];
        used = new boolean[oldUsed.length * 2];
        size = 0;
        for (int i = 0; i < oldUsed.length; i++) {
            if (oldUsed[i]) {
                insert(oldSeries[i], oldMicros[i]);
            }
        }
    }
}
