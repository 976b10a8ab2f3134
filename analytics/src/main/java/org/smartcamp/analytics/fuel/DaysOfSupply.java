package org.smartcamp.analytics.fuel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.smartcamp.analytics.event.DetectedEvent;
import org.smartcamp.analytics.series.Cumulative;
import org.smartcamp.analytics.series.SegmentedRegression;
import org.smartcamp.analytics.series.Series;
import org.smartcamp.analytics.series.SeriesMath;
import org.smartcamp.ingest.catalogue.EventKind;

/**
 * Days of supply and reorder date: the burn rate is minus the least-squares slope (Apache Commons Math) of the
 * cleaned volume over the last {@code dosLookbackDays}, refuels, transfers in and thefts taken out by their
 * measured litres (and the readings during them left out), so one straight line runs through consumption only;
 * {@code DoS = (V_now - V_unusable) / rate} with {@code V_now} from the latest readings, the interval
 * from the slope's standard error (widened for autocorrelated residuals), and the reorder date when the days of
 * supply reach the lead time plus the safety days. For a camp the tanks' volumes are summed first, so transfers
 * between them cancel.
 */
public final class DaysOfSupply {
    private static final double DAY_MS = 86_400_000.0;
    /** Residual autocorrelation is capped here, so that a staircase widens the interval at most ~14-fold. */
    private static final double MAX_AUTOCORRELATION = 0.99;
    private final FuelSettings settings;

    public DaysOfSupply(FuelSettings settings) {
        this.settings = settings;
    }

    /**
     * The forecast for {@code tank} from its volume {@code litres} as of {@code asOf}; {@code events} are its
     * refuels, transfers in and thefts (their windows split the segments and are left out).
     */
    public SupplyForecast forTank(TankParams tank, Series litres, List<DetectedEvent> events, Instant asOf) {
        Series clean = LevelSignal.of(litres, tank.capacityL(), Cumulative.empty(), settings).volume();
        return forecast(tank.assetId(), clean, clean, tank.unusableL(), events, asOf);
    }

    /**
     * The forecast for a bulk tank that fills day tanks: the fuel it holds ({@code litres}) over the rate the bulk
     * tank and its day tanks together lose fuel (their volumes summed as for a camp, {@code events} their refuels
     * and thefts, not the transfers between them). The bulk tank alone falls in a staircase of transfers, and a
     * straight line through a week of steps is off by up to one step (10 % on a week of 1 200 L transfers) depending
     * on where the week starts and ends; the transfers only follow what the day tanks' sets burn.
     */
    public SupplyForecast forBulkTank(TankParams bulk, Series litres, List<TankParams> dayTanks,
                                      Map<String, Series> dayLitres, List<DetectedEvent> events, Instant asOf) {
        List<TankParams> all = new ArrayList<>(List.of(bulk));
        all.addAll(dayTanks);
        Map<String, Series> volumes = new HashMap<>(dayLitres);
        volumes.put(bulk.assetId(), litres);
        Series together = summed(all, volumes);
        Series own = LevelSignal.of(litres, bulk.capacityL(), Cumulative.empty(), settings).volume();
        return forecast(bulk.assetId(), together, own, bulk.unusableL(), events, asOf);
    }

    /**
     * The forecast for a camp holding {@code tanks} (volumes in {@code litres} by asset id): their summed volume
     * at the readings of the tank read least often, where every tank has readings close by; {@code events} are
     * the refuels and thefts of all of them (not the transfers between them).
     */
    public SupplyForecast forCamp(String campId, List<TankParams> tanks, Map<String, Series> litres,
                                  List<DetectedEvent> events, Instant asOf) {
        double unusable = tanks.stream().mapToDouble(TankParams::unusableL).sum();
        Series total = summed(tanks, litres);
        return forecast(campId, total, total, unusable, events, asOf);
    }

    /** The cleaned volumes of {@code tanks} summed at the readings of the tank read least often. */
    private Series summed(List<TankParams> tanks, Map<String, Series> litres) {
        List<Series> cleaned = new ArrayList<>();
        Series grid = Series.empty();
        for (TankParams t : tanks) {
            Series clean = LevelSignal.of(litres.getOrDefault(t.assetId(), Series.empty()), t.capacityL(),
                Cumulative.empty(), settings).volume();
            cleaned.add(clean);
            if (grid.isEmpty() || SeriesMath.typicalInterval(clean) > SeriesMath.typicalInterval(grid)) {
                grid = clean;
            }
        }
        return sum(grid, cleaned);
    }

    private Series sum(Series grid, List<Series> parts) {
        Series.Builder b = Series.builder();
        for (int i = 0; i < grid.size(); i++) {
            long t = grid.time(i);
            double total = 0;
            for (Series p : parts) {
                total += near(p, t);
            }
            if (!Double.isNaN(total)) {
                b.add(t, total);
            }
        }
        return b.build();
    }

    /** {@code s} interpolated at {@code t} between readings no more than a gap apart; NaN otherwise. */
    private double near(Series s, long t) {
        int i = s.indexAtOrAfter(t);
        if (i < s.size() && s.time(i) == t) {
            return s.value(i);
        }
        if (i == 0 || i == s.size() || s.time(i) - s.time(i - 1) > GeneratorConsumption.gapMs(s, settings)) {
            return Double.NaN;
        }
        double f = (double) (t - s.time(i - 1)) / (s.time(i) - s.time(i - 1));
        return s.value(i - 1) + f * (s.value(i) - s.value(i - 1));
    }

    /**
     * The forecast of {@code held} (the fuel counted) at the burn rate of {@code burning} (the volume whose fall is
     * the consumption: the same series, or a bulk tank with its day tanks).
     */
    private SupplyForecast forecast(String subject, Series burning, Series held, double unusable,
                                    List<DetectedEvent> events, Instant asOf) {
        long to = asOf.toEpochMilli();
        long from = to - settings.millis(FuelSetting.DOS_LOOKBACK_DAYS);
        Series recent = burning.slice(from, to + 1);
        Series consumption = withoutEvents(recent, events);
        SegmentedRegression fit = SegmentedRegression.fit(List.of(consumption), DAY_MS);
        double rate = -fit.slope();
        double se = fit.slopeStandardError() * Math.sqrt(inflation(consumption, fit));
        double level = currentLevel(held.slice(from, to + 1), rate, to);
        double usable = level - unusable;
        double days = rate > 0 ? Math.max(0, usable) / rate : Double.NaN;
        double z = settings.get(FuelSetting.DOS_INTERVAL_Z);
        double low = rate > 0 ? Math.max(0, usable) / (rate + z * nanToZero(se)) : Double.NaN;
        double highRate = rate - z * nanToZero(se);
        double high = rate > 0 ? highRate > 0 ? Math.max(0, usable) / highRate : Double.POSITIVE_INFINITY : Double.NaN;
        Instant reorder = Double.isNaN(days) ? null : asOf.plusMillis(Math.round(Math.max(0, days
            - settings.get(FuelSetting.LEAD_TIME_DAYS) - settings.get(FuelSetting.SAFETY_DAYS)) * DAY_MS));
        long interval = Math.max(1, SeriesMath.typicalInterval(burning));
        double coverage = Math.min(1, (double) fit.samples() * interval / (to - from));
        return new SupplyForecast(subject, asOf, level, usable, rate, se, days, low, high, reorder, coverage,
            fit.samples());
    }

    /**
     * The volume with every refuel (or transfer in) and theft taken out by its measured litres from its end on,
     * readings during them left out: what is left falls only by consumption.
     */
    private static Series withoutEvents(Series volume, List<DetectedEvent> events) {
        List<long[]> cut = TheftDetector.barriers(events);
        Series.Builder b = Series.builder();
        for (int i = 0; i < volume.size(); i++) {
            long t = volume.time(i);
            double moved = 0;
            boolean inside = false;
            for (int k = 0; k < events.size(); k++) {
                inside |= t >= cut.get(k)[0] && t <= cut.get(k)[1];
                DetectedEvent e = events.get(k);
                if (cut.get(k)[1] < t && e.quantity() != null) {
                    moved += e.kind() == EventKind.REFUEL ? e.quantity() : -e.quantity();
                }
            }
            if (!inside) {
                b.add(t, volume.value(i) - moved);
            }
        }
        return b.build();
    }

    /**
     * The level at {@code to}: a straight line through the latest readings (a transfer or refuel may be under way),
     * carried on at the burn rate when the readings end earlier.
     */
    private double currentLevel(Series recent, double rate, long to) {
        int n = Math.min(recent.size(), settings.count(FuelSetting.STABLE_MIN_READINGS));
        if (n == 0) {
            return Double.NaN;
        }
        Series last = recent.slice(recent.time(recent.size() - n), to + 1);
        long end = last.time(last.size() - 1);
        double level = n < 3 ? SeriesMath.median(last.values()) : SegmentedRegression.line(last).valueAt(0, end);
        return level - (Double.isNaN(rate) ? 0 : rate * (to - end) / DAY_MS);
    }

    /**
     * The variance inflation {@code (1 + r) / (1 - r)} of the slope for lag-one autocorrelation {@code r} of the
     * residuals: consumption comes in daily cycles and transfers in staircases, not as independent noise.
     */
    private static double inflation(Series s, SegmentedRegression fit) {
        double num = 0;
        double den = 0;
        double prev = Double.NaN;
        for (int i = 0; i < s.size(); i++) {
            double r = s.value(i) - fit.valueAt(0, s.time(i));
            num += Double.isNaN(prev) ? 0 : r * prev;
            den += r * r;
            prev = r;
        }
        double rho = den > 0 ? Math.min(MAX_AUTOCORRELATION, Math.max(0, num / den)) : 0;
        return (1 + rho) / (1 - rho);
    }

    private static double nanToZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }
}
