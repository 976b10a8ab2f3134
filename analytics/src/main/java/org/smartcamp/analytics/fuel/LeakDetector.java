package org.smartcamp.analytics.fuel;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.smartcamp.analytics.event.DetectedEvent;
import org.smartcamp.analytics.event.Evidence;
import org.smartcamp.analytics.series.Cumulative;
import org.smartcamp.analytics.series.SegmentedRegression;
import org.smartcamp.analytics.series.Series;
import org.smartcamp.analytics.series.SeriesMath;
import org.smartcamp.ingest.catalogue.EventKind;

/**
 * Finds slow leaks and pilferage that no step shows: for each UTC day the unexplained loss rate is the slope of
 * the tank's balance (level plus expected outflow) over the day's readings, refuels, transfers and thefts cut
 * out; a one-sided CUSUM {@code S = max(0, S + (loss - k) / sd)} with reference {@code k} half the smallest leak
 * to catch alarms when {@code S} reaches {@code h}. The start is the day of the excursion from which the
 * standardised excess loss sums highest, the rate the mean loss since then. A day with too little data leaves
 * {@code S} as it was: a gap is not a zero.
 */
public final class LeakDetector {
    private static final long DAY_MS = 86_400_000L;
    private final FuelSettings settings;

    public LeakDetector(FuelSettings settings) {
        this.settings = settings;
    }

    /**
     * The daily losses and leaks of {@code tank} from its volume {@code litres}, the outflow it is expected to give
     * and its detected {@code events} (refuels, transfers in, thefts), whose windows are left out.
     */
    public LeakReport detect(TankParams tank, Series litres, Cumulative expectedOutflow, List<DetectedEvent> events) {
        LevelSignal signal = LevelSignal.of(litres, tank.capacityL(), expectedOutflow, settings);
        Series u = signal.balance();
        if (u.isEmpty()) {
            return new LeakReport(List.of(), List.of());
        }
        List<long[]> cut = TheftDetector.barriers(events);
        List<DailyLoss> days = new ArrayList<>();
        List<DetectedEvent> leaks = new ArrayList<>();
        Cusum cusum = new Cusum();
        long first = Instant.ofEpochMilli(u.time(0)).truncatedTo(ChronoUnit.DAYS).toEpochMilli();
        for (long day = first; day <= u.time(u.size() - 1); day += DAY_MS) {
            DailyLoss loss = dailyLoss(u, day, cut, expectedOutflow);
            loss = cusum.add(loss);
            days.add(loss);
            if (cusum.alarm()) {
                leaks.add(leak(tank.assetId(), days, cusum, litres));
            }
        }
        return new LeakReport(days, leaks);
    }

    private DailyLoss dailyLoss(Series u, long day, List<long[]> cut, Cumulative expected) {
        List<Series> segments = SeriesMath.split(u.slice(day, day + DAY_MS), cut);
        SegmentedRegression fit = SegmentedRegression.fit(segments, DAY_MS);
        long used = fit.samples();
        long interval = Math.max(1, SeriesMath.typicalInterval(u));
        double coverage = Math.min(1, (double) used * interval / DAY_MS);
        double throughput = expected.isEmpty() ? 0 : Math.max(0, nanToZero(expected.delta(day, day + DAY_MS)));
        double se = fit.slopeStandardError();
        double tolerance = settings.get(FuelSetting.LEAK_MODEL_TOLERANCE) * throughput;
        double sd = Math.max(Math.hypot(Double.isNaN(se) ? 0 : se, tolerance), 1e-6);
        double rate = coverage < settings.get(FuelSetting.LEAK_MIN_COVERAGE) || Double.isNaN(se) ? Double.NaN
            : -fit.slope();
        return new DailyLoss(Instant.ofEpochMilli(day), rate, sd, throughput, coverage, 0);
    }

    private static double nanToZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    private DetectedEvent leak(String assetId, List<DailyLoss> days, Cusum cusum, Series litres) {
        List<DailyLoss> episode = days.subList(changeDay(days, cusum.startIndex()), days.size());
        double sum = 0;
        int n = 0;
        Map<String, Double> figures = new LinkedHashMap<>();
        for (DailyLoss d : episode) {
            if (!Double.isNaN(d.litresPerDay())) {
                sum += d.litresPerDay();
                n++;
                figures.put("loss_l_per_day_" + d.day().toString().substring(0, 10), d.litresPerDay());
            }
        }
        double rate = sum / Math.max(1, n);
        Instant start = episode.get(0).day();
        Instant end = days.get(days.size() - 1).day().plusMillis(DAY_MS);
        figures.put("litres_per_day", rate);
        figures.put("cusum", cusum.value());
        figures.put("cusum_k_l_per_day", reference());
        figures.put("cusum_h", settings.get(FuelSetting.LEAK_CUSUM_H));
        String text = String.format(Locale.ROOT, "About %.1f L/day went missing that consumption does not explain"
            + " over %d day(s) from %s; the CUSUM of the daily loss above %.1f L/day reached %.1f standard"
            + " deviations.", rate, episode.size(), start.toString().substring(0, 10), reference(), cusum.value());
        Evidence evidence = new Evidence(start, end, "fuel.volume",
            StepEvents.thinned(litres, start.toEpochMilli(), end.toEpochMilli()), figures, text);
        return new DetectedEvent(EventKind.LEAK, assetId, start, end, rate, "L/day", evidence);
    }

    /**
     * The most likely first day of the leak within the CUSUM's excursion from {@code from}: the day from which the
     * sum of the standardised excess losses to now is largest.
     */
    private int changeDay(List<DailyLoss> days, int from) {
        double sum = 0;
        double best = Double.NEGATIVE_INFINITY;
        int bestIndex = days.size() - 1;
        for (int i = days.size() - 1; i >= from; i--) {
            DailyLoss d = days.get(i);
            if (Double.isNaN(d.litresPerDay())) {
                continue;
            }
            sum += (d.litresPerDay() - reference()) / d.sd();
            if (sum > best) {
                best = sum;
                bestIndex = i;
            }
        }
        return bestIndex;
    }

    private double reference() {
        return settings.get(FuelSetting.LEAK_MIN_LITRES_PER_DAY) / 2;
    }

    /** The one-sided CUSUM over days, with the index of the day its current excursion began. */
    private final class Cusum {
        private double s;
        private int index = -1;
        private int startIndex;
        private boolean alarmed;
        private boolean alarmNow;

        DailyLoss add(DailyLoss d) {
            index++;
            alarmNow = false;
            if (!Double.isNaN(d.litresPerDay())) {
                double before = s;
                s = Math.max(0, s + (d.litresPerDay() - reference()) / d.sd());
                if (before == 0 && s > 0) {
                    startIndex = index;
                }
                if (s == 0) {
                    alarmed = false;
                } else if (!alarmed && s >= settings.get(FuelSetting.LEAK_CUSUM_H)) {
                    alarmed = true;
                    alarmNow = true;
                }
            }
            return new DailyLoss(d.day(), d.litresPerDay(), d.sd(), d.throughputL(), d.coverage(), s);
        }

        boolean alarm() {
            return alarmNow;
        }

        int startIndex() {
            return startIndex;
        }

        double value() {
            return s;
        }
    }
}
