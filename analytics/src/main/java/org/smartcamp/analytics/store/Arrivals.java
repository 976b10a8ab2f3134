package org.smartcamp.analytics.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What arrived since a watermark: the (asset, metric, UTC hour) buckets that readings received after it fall in
 * (by event time, so a back-filled reading touches an old hour), and the latest arrival time seen.
 *
 * @param buckets the touched buckets, each once
 * @param latest  the greatest {@code received_at} among them, or {@code null} when nothing arrived
 */
public record Arrivals(List<Bucket> buckets, Instant latest) {

    public Arrivals {
        buckets = List.copyOf(buckets);
    }

    /** Nothing arrived. */
    public static Arrivals none() {
        return new Arrivals(List.of(), null);
    }

    /** A touched bucket: the hour starting at {@code hour} of one asset's metric. */
    public record Bucket(int assetRef, int metricId, Instant hour) {
    }

    public boolean isEmpty() {
        return buckets.isEmpty();
    }

    /** The earliest touched hour of each asset (by asset ref): where its changed data begins. */
    public Map<Integer, Instant> earliestHourByAsset() {
        Map<Integer, Instant> out = new TreeMap<>();
        for (Bucket b : buckets) {
            out.merge(b.assetRef(), b.hour(), (x, y) -> x.isBefore(y) ? x : y);
        }
        return out;
    }
}
