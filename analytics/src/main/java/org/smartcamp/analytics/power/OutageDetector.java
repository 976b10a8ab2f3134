package org.smartcamp.analytics.power;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.smartcamp.analytics.event.DetectedEvent;
import org.smartcamp.analytics.event.Evidence;
import org.smartcamp.analytics.series.CellGrid;
import org.smartcamp.analytics.series.CellResampler;
import org.smartcamp.analytics.series.CellSeries;
import org.smartcamp.analytics.series.GapPolicy;
import org.smartcamp.analytics.series.Series;
import org.smartcamp.analytics.series.SeriesSpacing;
import org.smartcamp.ingest.catalogue.EventKind;
import org.smartcamp.ingest.catalogue.Sampling;

/**
 * Decides per cell whether the camp had power: up when any source supplied in it, down when every source is known
 * and none supplied, unknown otherwise (a gap in the readings is not an outage). A set supplies while its running
 * state says it runs or its power is above its threshold; a PV array or a battery while its power, read as the
 * catalogue says it stands (an interval mean covers the interval before it), is above its threshold. Each source's
 * threshold is the larger of {@code power.supplyThresholdKw} and its own noise floor ({@link SupplyThreshold}), so
 * the idle current noise of an empty battery does not count as supply. A set's running state, an instant sample,
 * stands for the cells up to its next sample. Down periods of at least {@code power.outageMinDuration} are OUTAGE
 * events; shorter ones count as up.
 */
final class OutageDetector {
    static final byte UP = 1;
    static final byte DOWN = 0;
    static final byte UNKNOWN = -1;

    private final PowerSettings settings;

    OutageDetector(PowerSettings settings) {
        this.settings = settings;
    }

    /** The per-cell states and the OUTAGE events. */
    Result detect(String campId, CellGrid grid, List<GeneratorCells> generators, List<SourceCells> others) {
        PowerSettings.SignalRules rules = settings.signal();
        GapPolicy gaps = new GapPolicy(rules.maxGap().toMillis(), rules.maxBridge().toMillis());
        List<Supply> sources = new ArrayList<>();
        generators.forEach(g -> sources.add(Supply.of(g, rules)));
        others.forEach(s -> sources.add(Supply.of(s, rules, gaps)));
        byte[] state = new byte[grid.size()];
        for (int c = 0; c < state.length; c++) {
            state[c] = state(sources, c);
        }
        List<DetectedEvent> events = new ArrayList<>();
        long minMs = settings.signal().outageMin().toMillis();
        int c = 0;
        while (c < state.length) {
            int start = c;
            while (c < state.length && state[c] == DOWN) {
                c++;
            }
            if (c == start) {
                c++;
            } else if (grid.end(c - 1) - grid.start(start) < minMs) {
                Arrays.fill(state, start, c, UP);
            } else {
                events.add(event(campId, grid, sources, start, c));
            }
        }
        return new Result(state, events);
    }

    private static byte state(List<Supply> sources, int c) {
        if (sources.isEmpty()) {
            return UNKNOWN;
        }
        boolean allKnown = true;
        for (Supply s : sources) {
            if (s.suppliedNear(c)) {
                return UP;
            }
            allKnown &= s.known(c);
        }
        return allKnown ? DOWN : UNKNOWN;
    }

    private DetectedEvent event(String campId, CellGrid grid, List<Supply> sources, int a, int b) {
        Instant start = Instant.ofEpochMilli(grid.start(a));
        Instant end = Instant.ofEpochMilli(grid.end(b - 1));
        double hours = Duration.between(start, end).toMillis() / 3_600_000.0;
        int margin = Math.min(60, Math.max(1, b - a));
        Series.Builder supply = Series.builder();
        for (int c = Math.max(0, a - margin); c < Math.min(grid.size(), b + margin); c++) {
            double kw = 0;
            for (Supply s : sources) {
                kw += s.kw(c);
            }
            supply.add(grid.start(c), kw);
        }
        String text = String.format(Locale.ROOT, "No generator, PV or battery supplied power for %.2f h (%s to %s) "
            + "while every source was reporting", hours, start, end);
        Evidence evidence = new Evidence(start, end, "camp.supply_kw",
            EvidenceReadings.of(supply.build(), start.minusMillis(margin * grid.cellMs()),
                end.plusMillis(margin * grid.cellMs())),
            Map.of("duration_h", hours, "sources", (double) sources.size()), text);
        return new DetectedEvent(EventKind.OUTAGE, campId, start, end, hours, "h", evidence);
    }

    /** Per-cell states ({@link #UP}, {@link #DOWN}, {@link #UNKNOWN}) and the outages. */
    record Result(byte[] state, List<DetectedEvent> events) {
    }

    /** One source's supply per cell: known or not, supplying or not (a set's dilated by its state's interval). */
    private static final class Supply {
        private final boolean[] known;
        private final boolean[] supplied;
        private final double[] kw;
        private final int reach;

        private Supply(boolean[] known, boolean[] supplied, double[] kw, int reach) {
            this.known = known;
            this.supplied = supplied;
            this.kw = kw;
            this.reach = reach;
        }

        /**
         * A set: supplying while it runs or its power is above its threshold, whose noise floor is measured on the
         * cells its running state (or, without one, its power) says it was stopped.
         */
        static Supply of(GeneratorCells g, PowerSettings.SignalRules rules) {
            int n = g.grid.size();
            double[] rest = new double[n];
            int k = 0;
            for (int c = 0; c < n; c++) {
                if (g.power.measured(c) >= 1 && g.running.measured(c) >= 1 && g.running.mean(c) == 0) {
                    rest[k++] = g.power.mean(c);
                }
            }
            double threshold = SupplyThreshold.of(rest, k, rules.supplyThresholdKw(),
                rules.supplyRestBand() * g.rating.ratedKw(), rules.supplyNoiseSigmas());
            boolean[] known = new boolean[n];
            boolean[] supplied = new boolean[n];
            double[] kw = new double[n];
            for (int c = 0; c < n; c++) {
                boolean powered = g.power.known(c) && g.power.mean(c) > threshold;
                known[c] = g.running.known(c) || g.power.known(c);
                supplied[c] = powered || g.running.known(c) && g.running.mean(c) > 0;
                kw[c] = g.power.known(c) ? Math.max(0, g.power.mean(c)) : 0;
            }
            long spacing = SeriesSpacing.median(g.runningSamples, g.grid.cellMs());
            return new Supply(known, supplied, kw, reach(spacing, g.grid.cellMs()));
        }

        /**
         * PV or a battery: its readings resampled as they stand (an interval mean over the interval before it, so a
         * five-minute reading neither opens a false gap before it nor holds past the end of the supply), supplying
         * above its threshold, whose noise floor is measured on its readings within the rest band of zero.
         */
        static Supply of(SourceCells s, PowerSettings.SignalRules rules, GapPolicy gaps) {
            double threshold = SupplyThreshold.ofBand(s.readings.values(), s.readings.size(),
                rules.supplyRestBand() * s.ratingKw, rules.supplyThresholdKw(), rules.supplyNoiseSigmas());
            CellSeries power = s.sampling == Sampling.AVERAGED
                ? CellResampler.resample(s.readings, s.power.grid(), gaps, Sampling.AVERAGED) : s.power;
            int n = power.size();
            boolean[] known = new boolean[n];
            boolean[] supplied = new boolean[n];
            double[] kw = new double[n];
            for (int c = 0; c < n; c++) {
                known[c] = power.known(c);
                supplied[c] = known[c] && power.mean(c) > threshold;
                kw[c] = known[c] ? Math.max(0, power.mean(c)) : 0;
            }
            // an instant reading holds until the next, so it already stands for the cells it covers
            return new Supply(known, supplied, kw, 0);
        }

        /** Cells after a cell in which a supplying sample may still stand for it: its spacing less one cell. */
        private static int reach(long spacingMs, long cellMs) {
            return (int) Math.max(0, (spacingMs + cellMs - 1) / cellMs - 1);
        }

        boolean known(int c) {
            return known[c];
        }

        boolean suppliedNear(int c) {
            for (int i = c; i <= Math.min(supplied.length - 1, c + reach); i++) {
                if (supplied[i]) {
                    return true;
                }
            }
            return false;
        }

        double kw(int c) {
            return kw[c];
        }
    }
}
