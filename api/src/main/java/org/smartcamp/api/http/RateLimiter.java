package org.smartcamp.api.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets per client key: each holds up to {@code burst} tokens and refills at {@code perSecond}; a
 * request takes one. Buckets of idle clients are dropped by {@link #evictIdle()}, and the number of buckets is
 * bounded so that a flood of distinct keys cannot exhaust memory.
 */
public final class RateLimiter {
    private static final long NANOS = 1_000_000_000L;
    private static final int MAX_KEYS = 100_000;

    private final double perSecond;
    private final int burst;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        private double tokens;
        private long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }
    }

    public RateLimiter(double perSecond, int burst, LongSupplier nanoTime) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanoTime = nanoTime;
    }

    /**
     * Takes a token from {@code key}'s bucket.
     *
     * @return 0 when allowed, else the whole seconds to wait until a token is there
     */
    public long tryAcquire(String key) {
        long now = nanoTime.getAsLong();
        if (buckets.size() >= MAX_KEYS && !buckets.containsKey(key)) {
            evictIdle();
        }
        Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
        synchronized (b) {
            refill(b, now);
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - b.tokens) / perSecond));
        }
    }

    /** Drops the buckets that are full again (their clients have been idle long enough). */
    public void evictIdle() {
        long now = nanoTime.getAsLong();
        buckets.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                refill(e.getValue(), now);
                return e.getValue().tokens >= burst;
            }
        });
    }

    /** Buckets held (for tests and metrics). */
    public int size() {
        return buckets.size();
    }

    private void refill(Bucket b, long now) {
        double add = (now - b.updated) * perSecond / NANOS;
        b.tokens = Math.min(burst, b.tokens + add);
        b.updated = now;
    }
}
