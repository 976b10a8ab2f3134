package org.smartcamp.analytics.fuel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.smartcamp.analytics.series.Cumulative;

/**
 * One asset's fuel burned over time from each source its data allows, best source first. Buckets take, for each
 * bucket, the source that covers most of it (the better source on a tie), so a flow meter's dropout falls back
 * to the fuel curve for the hours it misses.
 */
public final class FuelUse {
    /** Two sources disagree when they differ by more than this many combined standard deviations (95 %). */
    static final double DISAGREEMENT_Z = 1.96;
    /** A source covers a bucket for comparison when it covers at least this share of it. */
    private static final double COMPARE_COVERAGE = 0.9;
    private final String assetId;
    private final Map<ConsumptionSource, Cumulative> sources;
    private final Map<ConsumptionSource, SourceError> errors;
    private final String calibration;

    /** Fuel use of {@code assetId}; sources in any order, empty ones ignored. */
    public FuelUse(String assetId, Map<ConsumptionSource, Cumulative> sources) {
        this(assetId, sources, Map.of(), null);
    }

    private FuelUse(String assetId, Map<ConsumptionSource, Cumulative> sources,
                    Map<ConsumptionSource, SourceError> errors, String calibration) {
        this.assetId = assetId;
        Map<ConsumptionSource, Cumulative> ordered = new LinkedHashMap<>();
        for (ConsumptionSource s : ConsumptionSource.values()) {
            Cumulative c = sources.get(s);
            if (c != null && !c.isEmpty()) {
                ordered.put(s, c);
            }
        }
        this.sources = Map.copyOf(ordered);
        this.errors = Map.copyOf(errors);
        this.calibration = calibration;
    }

    /** This fuel use with the uncertainty model of {@code source}. */
    FuelUse withError(ConsumptionSource source, SourceError error) {
        Map<ConsumptionSource, SourceError> m = new LinkedHashMap<>(errors);
        m.put(source, error);
        return new FuelUse(assetId, sources, m, calibration);
    }

    /** This fuel use with the calibrated curve's description (its factor and what it rests on). */
    FuelUse withCalibration(String text) {
        return new FuelUse(assetId, sources, errors, text);
    }

    public String assetId() {
        return assetId;
    }

    /** This fuel use with one more source (replacing one of the same kind). */
    public FuelUse with(ConsumptionSource source, Cumulative litres) {
        Map<ConsumptionSource, Cumulative> m = new LinkedHashMap<>(sources);
        m.put(source, litres);
        return new FuelUse(assetId, m, errors, calibration);
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
        return explained(from, to, size).stream().map(FuelDay::bucket).toList();
    }

    /** The litres burned in {@code [from, to)} from the source that covers it best ({@link #explain}). */
    public ConsumptionBucket bucket(Instant from, Instant to) {
        return explain(from, to).bucket();
    }

    /**
     * {@link #explain} over the sources that do not rest on a tank's level (flow meter, fuel curve): what a tank's
     * account takes as this set's consumption.
     */
    public FuelDay explainIndependent(Instant from, Instant to) {
        Map<ConsumptionSource, Cumulative> own = new LinkedHashMap<>();
        for (ConsumptionSource s : List.of(ConsumptionSource.FLOW_METER, ConsumptionSource.FUEL_CURVE)) {
            if (sources.containsKey(s)) {
                own.put(s, sources.get(s));
            }
        }
        return new FuelUse(assetId, own, errors, calibration).explain(from, to);
    }

    /** {@link #explain} for each bucket of {@code size} that overlaps {@code [from, to)}. */
    public List<FuelDay> explained(Instant from, Instant to, BucketSize size) {
        List<FuelDay> out = new ArrayList<>();
        for (Instant b = size.floor(from); b.isBefore(to); b = size.next(b)) {
            out.add(explain(b, size.next(b)));
        }
        return out;
    }

    /**
     * The litres burned in {@code [from, to)}, the source chosen and why, with the uncertainty of each source. The
     * rule: the sources that cover most of the bucket compete (a source that misses hours loses to one that has
     * them); among them a flow meter wins (it measures the fuel itself), then the curve calibrated to the tank (the
     * tank's long-run level with the curve's hour-by-hour shape), then the one with the smallest 1-sigma
     * uncertainty (tank level or fuel curve; the better ranked one on a tie or without models).
     */
    public FuelDay explain(Instant from, Instant to) {
        long a = from.toEpochMilli();
        long b = to.toEpochMilli();
        Map<ConsumptionSource, FuelDay.SourceFigure> by = new EnumMap<>(ConsumptionSource.class);
        double best = 0;
        for (ConsumptionSource s : sources.keySet()) {
            double cov = sources.get(s).coverage(a, b);
            if (cov > 0) {
                double litres = sources.get(s).delta(a, b);
                SourceError e = errors.get(s);
                by.put(s, new FuelDay.SourceFigure(litres, e == null ? Double.NaN : e.sigma(a, b, litres), cov));
                best = Math.max(best, cov);
            }
        }
        if (by.isEmpty()) {
            return new FuelDay(new ConsumptionBucket(from, to, Double.NaN, 0, ConsumptionSource.NONE), "no_data",
                "no source covers this time", Double.NaN, "", by, null);
        }
        double top = best;
        List<ConsumptionSource> tied = by.keySet().stream().filter(s -> by.get(s).coverage() >= top - 1e-9)
            .toList();
        ConsumptionSource chosen;
        String reason;
        if (tied.contains(ConsumptionSource.FLOW_METER)) {
            chosen = ConsumptionSource.FLOW_METER;
            reason = "flow_meter";
        } else if (tied.contains(ConsumptionSource.CALIBRATED_CURVE)) {
            chosen = ConsumptionSource.CALIBRATED_CURVE;
            reason = "calibrated_to_tank";
        } else {
            chosen = tied.get(0);
            for (ConsumptionSource s : tied) {
                if (by.get(s).sigmaL() < by.get(chosen).sigmaL()) {
                    chosen = s;
                }
            }
            reason = "lower_uncertainty";
        }
        if (by.size() == 1) {
            reason = "only_source";
        } else if (tied.size() == 1) {
            reason = "best_coverage";
        }
        FuelDay.SourceFigure f = by.get(chosen);
        Double disagreement = disagreement(by);
        SourceError e = errors.get(chosen);
        return new FuelDay(new ConsumptionBucket(from, to, f.litres(), f.coverage(), chosen), reason,
            reasonText(reason, chosen, by, disagreement), f.sigmaL(), e == null ? "" : e.basis(), by, disagreement);
    }

    /**
     * Tank level minus fuel curve (as checked against nothing, not the calibrated one, which rests on the tank) when
     * both cover the bucket and differ beyond 1.96 times their combined sigma; else null.
     */
    private static Double disagreement(Map<ConsumptionSource, FuelDay.SourceFigure> by) {
        FuelDay.SourceFigure tank = by.get(ConsumptionSource.TANK_LEVEL);
        FuelDay.SourceFigure curve = by.get(ConsumptionSource.FUEL_CURVE);
        if (tank == null || curve == null || tank.coverage() < COMPARE_COVERAGE
                || curve.coverage() < COMPARE_COVERAGE) {
            return null;
        }
        double diff = tank.litres() - curve.litres();
        double sigma = Math.hypot(nanToZero(tank.sigmaL()), nanToZero(curve.sigmaL()));
        return Math.abs(diff) > DISAGREEMENT_Z * sigma ? diff : null;
    }

    private String reasonText(String reason, ConsumptionSource chosen,
                              Map<ConsumptionSource, FuelDay.SourceFigure> by, Double disagreement) {
        String name = chosen.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        String text = switch (reason) {
            case "only_source" -> "the " + name + " is the only source with data";
            case "flow_meter" -> "a flow meter measures the fuel itself";
            case "calibrated_to_tank" -> "the fuel curve follows every hour of running and is scaled to the tank's "
                + "fall" + (calibration == null ? "" : " (" + calibration + ")");
            case "lower_uncertainty" -> String.format(Locale.ROOT, "the %s has the smaller uncertainty (%.1f L "
                + "against %s)", name, by.get(chosen).sigmaL(), others(chosen, by));
            default -> String.format(Locale.ROOT, "the %s covers the most of the time (%.0f %%)", name,
                100 * by.get(chosen).coverage());
        };
        if (disagreement != null) {
            text += String.format(Locale.ROOT, "; the tank level and the curve disagree by %.1f L, beyond their "
                + "combined uncertainty", disagreement);
        }
        return text;
    }

    private static String others(ConsumptionSource chosen, Map<ConsumptionSource, FuelDay.SourceFigure> by) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<ConsumptionSource, FuelDay.SourceFigure> e : by.entrySet()) {
            if (e.getKey() != chosen) {
                b.append(b.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.1f L for the %s",
                    e.getValue().sigmaL(), e.getKey().name().toLowerCase(Locale.ROOT).replace('_', ' ')));
            }
        }
        return b.toString();
    }

    private static double nanToZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }
}
