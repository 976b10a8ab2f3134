package org.smartcamp.analytics.fuel;

import java.util.List;
import java.util.Locale;
import org.smartcamp.analytics.event.DetectedEvent;
import org.smartcamp.analytics.series.Cumulative;
import org.smartcamp.analytics.series.SegmentedRegression;
import org.smartcamp.analytics.series.Series;
import org.smartcamp.analytics.series.SeriesMath;

/**
 * The uncertainty of a tank's level and of litres read from its fall, estimated from the tank's own readings:
 * <ul>
 *   <li>the level at a moment is a straight line through the cleaned readings within the smoothing window around
 *       it: its 1 sigma is the gauge's noise there ({@link NoiseProfile}: spread of first differences) through the
 *       line's standard error at that moment, with the gauge's resolution (its smallest step, uniform) added in
 *       quadrature;</li>
 *   <li>litres read through a strapping table add the table's interpolation error between the two levels
 *       ({@link StrappingTable#differenceSigma}: small within one segment, where the errors mostly cancel);</li>
 *   <li>a refuel's, transfer's or theft's measured litres add their own standard deviation (the {@code sd_l} of
 *       their evidence), a leak taken out adds the standard error of its rate.</li>
 * </ul>
 * The gauge's errors at the two ends of a range are taken as independent.
 */
final class TankLevelError implements SourceError {
    private static final double MEDIAN_EFFICIENCY = 1.2533;
    private final Series clean;
    private final NoiseProfile noise;
    private final long halfWindowMs;
    private final double resolution;
    private final StrappingTable strapping;
    private final List<DetectedEvent> events;
    private final List<LeakLoss> leaks;
    private final double leakRateSd;

    private TankLevelError(Series clean, NoiseProfile noise, long halfWindowMs, StrappingTable strapping,
                           List<DetectedEvent> events, List<LeakLoss> leaks, double leakRateSd) {
        this.clean = clean;
        this.noise = noise;
        this.halfWindowMs = halfWindowMs;
        this.resolution = SourceError.resolution(clean);
        this.strapping = strapping;
        this.events = List.copyOf(events);
        this.leaks = List.copyOf(leaks);
        this.leakRateSd = leakRateSd;
    }

    /**
     * The error model of {@code tank}'s volume {@code litres}; {@code events} its refuels, transfers and thefts,
     * {@code leaks} the leaks taken out with the daily losses of {@code leakReport} (may be null).
     */
    static TankLevelError of(TankParams tank, Series litres, List<DetectedEvent> events, List<LeakLoss> leaks,
                             LeakReport leakReport, FuelSettings settings) {
        LevelSignal signal = LevelSignal.of(litres, tank.capacityL(), Cumulative.empty(),
            settings);
        return new TankLevelError(signal.volume(), signal.noise(), settings.millis(FuelSetting.SMOOTHING_MINUTES),
            tank.strapping(), events, leaks, leakRateSd(leakReport, leaks));
    }

    /** The standard error of a leak's rate: the days' own spread over the square root of the leak's days. */
    private static double leakRateSd(LeakReport report, List<LeakLoss> leaks) {
        if (report == null || leaks.isEmpty()) {
            return 0;
        }
        double[] sd = report.days().stream().filter(d -> Double.isFinite(d.sd())
            && leaks.stream().anyMatch(l -> !d.day().isBefore(l.start()) && d.day().isBefore(l.end())))
            .mapToDouble(DailyLoss::sd).toArray();
        return sd.length == 0 ? 0 : SeriesMath.median(sd) / Math.sqrt(sd.length);
    }

    /** The cleaned volume. */
    Series clean() {
        return clean;
    }

    /**
     * The level at {@code t}: a straight line through the cleaned readings within the smoothing window, at
     * {@code t} (the median of a window that the data's start or end cuts in half would sit half a window of burn
     * away from {@code t}); the median with fewer than three readings; NaN with none.
     */
    double levelAt(long t) {
        Series w = window(t);
        if (w.size() < 3) {
            return SeriesMath.median(w.values());
        }
        return SegmentedRegression.line(w).valueAt(0, t);
    }

    /**
     * 1 sigma of {@link #levelAt}: the gauge's noise through the line's standard error at {@code t}
     * ({@code sd * sqrt(1/n + (t - mean)^2 / Sxx)}: {@code sd / sqrt(n)} mid-window, twice that at a window's
     * end) and the resolution; the strapping table's error is {@link #strappingSigma}'s.
     */
    double levelSigma(long t) {
        Series w = window(t);
        int n = Math.max(1, w.size());
        double spread = 1 / Math.sqrt(n);
        if (w.size() >= 3) {
            double mean = 0;
            for (int i = 0; i < w.size(); i++) {
                mean += w.time(i) / (double) n;
            }
            double sxx = 0;
            for (int i = 0; i < w.size(); i++) {
                sxx += Math.pow(w.time(i) - mean, 2);
            }
            spread = Math.sqrt(1.0 / n + (sxx > 0 ? Math.pow(t - mean, 2) / sxx : 0));
        } else {
            spread *= MEDIAN_EFFICIENCY;
        }
        double gauge = noise.at(t) * spread;
        double step = Double.isFinite(resolution) ? resolution / Math.sqrt(12) : 0;
        return Math.hypot(gauge, step);
    }

    /** 1 sigma of the litres between the levels at {@code from} and {@code to} read through the strapping table. */
    double strappingSigma(long from, long to) {
        if (strapping == null) {
            return 0;
        }
        double s = strapping.differenceSigma(levelAt(from), levelAt(to));
        return Double.isFinite(s) ? s : 0;
    }

    private Series window(long t) {
        return clean.slice(t - halfWindowMs, t + halfWindowMs + 1);
    }

    /** 1 sigma of the measured litres of the events that overlap {@code [from, to)}, in proportion. */
    double eventSigma(long from, long to) {
        double var = 0;
        for (DetectedEvent e : events) {
            double share = overlap(e, from, to);
            Double sd = e.evidence().figures().get("sd_l");
            if (share > 0 && sd != null && Double.isFinite(sd)) {
                var += Math.pow(share * sd, 2);
            }
        }
        return Math.sqrt(var);
    }

    /** 1 sigma of the leaked litres taken out over {@code [from, to)}. */
    double leakSigma(long from, long to) {
        double days = 0;
        for (LeakLoss l : leaks) {
            long a = Math.max(from, l.start().toEpochMilli());
            long b = Math.min(to, l.end().toEpochMilli());
            days += Math.max(0, b - a) / 86_400_000.0;
        }
        return leakRateSd * days;
    }

    /** The share of event {@code e}'s time that lies in {@code [from, to)} (1 for an instant event inside). */
    static double overlap(DetectedEvent e, long from, long to) {
        long a = e.start().toEpochMilli();
        long b = e.end().toEpochMilli();
        if (b <= a) {
            return a >= from && a < to ? 1 : 0;
        }
        return Math.max(0, Math.min(b, to) - Math.max(a, from)) / (double) (b - a);
    }

    @Override
    public double sigma(long from, long to, double litres) {
        double a = levelSigma(from);
        double b = levelSigma(to);
        double e = eventSigma(from, to);
        double l = leakSigma(from, to);
        double t = strappingSigma(from, to);
        return Math.sqrt(a * a + b * b + e * e + l * l + t * t);
    }

    @Override
    public String basis() {
        return String.format(Locale.ROOT, "tank level: gauge noise %.2f L a reading over the readings in %d min "
            + "at each end, resolution %.3g L%s, refuel/theft measurement and leak rate errors",
            noise.at(clean.isEmpty() ? 0 : clean.time(clean.size() - 1)), 2 * halfWindowMs / 60_000,
            Double.isFinite(resolution) ? resolution : 0, strapping == null ? "" : ", strapping interpolation");
    }
}
