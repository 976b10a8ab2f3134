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
import org.smartcamp.analytics.series.Series;
import org.smartcamp.analytics.series.SeriesSpacing;
import org.smartcamp.ingest.catalogue.EventKind;

/**
 * Decides per cell whether the camp had power: up when any source (a running generator, PV or battery output above
 * {@code power.supplyThresholdKw}) supplied in it or in its next reading (a reading may stand for the interval before
 * it, so a source reporting every five minutes does not open a false gap beside one reporting every minute), down
 * when every source is known and none supplied, unknown otherwise (a gap in the readings is not an outage). Down
 * periods of at least {@code power.outageMinDuration} are OUTAGE events; shorter ones count as up.
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
        List<Supply> sources = new ArrayList<>();
        generators.forEach(g -> sources.add(Supply.of(g, settings.signal().supplyThresholdKw())));
        others.forEach(s -> sources.add(Supply.of(s, settings.signal().supplyThresholdKw())));
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

    /** One source's supply per cell: known or not, supplying or not (dilated by its reporting interval). */
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

        static Supply of(GeneratorCells g, double thresholdKw) {
            int n = g.grid.size();
            boolean[] known = new boolean[n];
            boolean[] supplied = new boolean[n];
            double[] kw = new double[n];
            for (int c = 0; c < n; c++) {
                boolean powered = g.power.known(c) && g.power.mean(c) > thresholdKw;
                known[c] = g.running.known(c) || g.power.known(c);
                supplied[c] = powered || g.running.known(c) && g.running.mean(c) > 0;
                kw[c] = g.power.known(c) ? Math.max(0, g.power.mean(c)) : 0;
            }
            long spacing = SeriesSpacing.median(g.runningSamples, g.grid.cellMs());
            return new Supply(known, supplied, kw, reach(spacing, g.grid.cellMs()));
        }

        static Supply of(SourceCells s, double thresholdKw) {
            int n = s.power.size();
            boolean[] known = new boolean[n];
            boolean[] supplied = new boolean[n];
            double[] kw = new double[n];
            for (int c = 0; c < n; c++) {
                known[c] = s.power.known(c);
                supplied[c] = known[c] && s.power.mean(c) > thresholdKw;
                kw[c] = known[c] ? Math.max(0, s.power.mean(c)) : 0;
            }
            return new Supply(known, supplied, kw, reach(s.spacingMs, s.power.grid().cellMs()));
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
