package org.smartcamp.analytics.fuel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.smartcamp.analytics.series.Cumulative;

/**
 * One asset's fuel burned over time from each source its data allows, best source first. Buckets take, for each
 * bucket, the source that covers most of it (the better source on a tie), so a flow meter's dropout falls back
 * to the fuel curve for the hours it misses.
 */
public final class FuelUse {
    private final String assetId;
    private final Map<ConsumptionSource, Cumulative> sources;

    /** Fuel use of {@code assetId}; sources in any order, empty ones ignored. */
    public FuelUse(String assetId, Map<ConsumptionSource, Cumulative> sources) {
        this.assetId = assetId;
        Map<ConsumptionSource, Cumulative> ordered = new LinkedHashMap<>();
        for (ConsumptionSource s : ConsumptionSource.values()) {
            Cumulative c = sources.get(s);
            if (c != null && !c.isEmpty()) {
                ordered.put(s, c);
            }
        }
        this.sources = Map.copyOf(ordered);
    }

    public String assetId() {
        return assetId;
    }

    /** This fuel use with one more source (replacing one of the same kind). */
    public FuelUse with(ConsumptionSource source, Cumulative litres) {
        Map<ConsumptionSource, Cumulative> m = new LinkedHashMap<>(sources);
        m.put(source, litres);
        return new FuelUse(assetId, m);
    }

    /** The cumulative litres of {@code source}; empty when the data does not give it. */
    public Cumulative source(ConsumptionSource source) {
        return sources.getOrDefault(source, Cumulative.empty());
    }

    /**
     * The best source that does not depend on a tank's level (for a tank's expected outflow): the flow meter,
     * else the fuel curve; empty when neither exists.
     */
    public Cumulative independentOfTanks() {
        Cumulative meter = source(ConsumptionSource.FLOW_METER);
        return meter.isEmpty() ? source(ConsumptionSource.FUEL_CURVE) : meter;
    }

    /** The litres per bucket of {@code size} for the buckets that overlap {@code [from, to)}. */
    public List<ConsumptionBucket> buckets(Instant from, Instant to, BucketSize size) {
        List<ConsumptionBucket> out = new ArrayList<>();
        for (Instant b = size.floor(from); b.isBefore(to); b = size.next(b)) {
            out.add(bucket(b, size.next(b)));
        }
        return out;
    }

    /** The litres burned in {@code [from, to)} from the source that covers it best. */
    public ConsumptionBucket bucket(Instant from, Instant to) {
        long a = from.toEpochMilli();
        long b = to.toEpochMilli();
        ConsumptionSource best = ConsumptionSource.NONE;
        double bestCoverage = 0;
        for (ConsumptionSource s : ConsumptionSource.values()) {
            Cumulative c = sources.get(s);
            double cov = c == null ? 0 : c.coverage(a, b);
            if (cov > bestCoverage + 1e-9) {
                best = s;
                bestCoverage = cov;
            }
        }
        double litres = best == ConsumptionSource.NONE ? Double.NaN : sources.get(best).delta(a, b);
        return new ConsumptionBucket(from, to, litres, bestCoverage, best);
    }
}
