package org.smartcamp.analytics.assets;

import org.smartcamp.analytics.power.CounterCells;
import org.smartcamp.analytics.power.CoveredValue;
import org.smartcamp.analytics.series.CellGrid;
import org.smartcamp.analytics.series.CellResampler;
import org.smartcamp.analytics.series.CellSeries;
import org.smartcamp.analytics.series.GapPolicy;
import org.smartcamp.analytics.series.ValueBounds;

/**
 * An asset's usage readings on a grid: engine hours, idle hours, distance and fuel from their counters when present,
 * else from the ignition state, the speed and the fuel level.
 */
final class UsageCells {
    private static final double MAX_KMH = 250;
    private static final double MAX_LITRES_PER_HOUR = 250;

    final CellGrid grid;
    final CellSeries ignition;
    final CellSeries speed;
    final CellSeries level;
    final CounterCells engineHours;
    private final CounterCells idleHours;
    private final CounterCells odometer;
    private final CounterCells fuelUsed;
    private final AssetRating rating;
    private final double idleSpeedKmh;

    UsageCells(AssetRating rating, UsageSignals s, CellGrid grid, AssetSettings settings) {
        GapPolicy gaps = new GapPolicy(settings.maxGap().toMillis(), settings.maxBridge().toMillis());
        this.rating = rating;
        this.grid = grid;
        this.idleSpeedKmh = settings.idleSpeedKmh();
        this.ignition = CellResampler.resample(ValueBounds.within(s.ignition(), 0, 1), grid, gaps);
        this.speed = CellResampler.resample(ValueBounds.within(s.speed(), 0, MAX_KMH), grid, gaps);
        this.level = CellResampler.resample(ValueBounds.within(s.fuelLevelPct(), 0, 100), grid, gaps);
        this.engineHours = CounterCells.of(s.engineHours(), 1, 0.01, grid, gaps);
        this.idleHours = CounterCells.of(s.idleHours(), 1, 0.01, grid, gaps);
        this.odometer = CounterCells.of(s.odometer(), MAX_KMH, 1, grid, gaps);
        this.fuelUsed = CounterCells.of(s.fuelUsed(), MAX_LITRES_PER_HOUR, 1, grid, gaps);
    }

    /** Engine hours: the counter, else the time the ignition was on. */
    CoveredValue engineHours(int a, int b) {
        return engineHours.present() ? engineHours.increase(a, b) : CounterCells.integral(ignition, a, b);
    }

    /** Idle hours: the counter, else the time with the ignition on and the speed at most the idle speed. */
    CoveredValue idleHours(int a, int b) {
        if (idleHours.present()) {
            return idleHours.increase(a, b);
        }
        if (ignition.knownShare(a, b) == 0 || speed.knownShare(a, b) == 0) {
            return CoveredValue.unknown();
        }
        double hours = 0;
        for (int c = a; c < b; c++) {
            if (ignition.known(c) && speed.known(c) && speed.mean(c) <= idleSpeedKmh) {
                hours += ignition.mean(c) * ignition.knownShare(c) * grid.hours(c);
            }
        }
        return new CoveredValue(hours, Math.min(ignition.measuredShare(a, b), speed.measuredShare(a, b)));
    }

    /** Distance: the odometer, else the integral of the speed. */
    CoveredValue km(int a, int b) {
        return odometer.present() ? odometer.increase(a, b) : CounterCells.integral(speed, a, b);
    }

    /**
     * Fuel: the {@code fuel.used} counter, else the falls of the fuel level (hourly means, rises are refuels) times
     * the tank capacity; a drain or theft then counts as consumption.
     */
    CoveredValue fuel(int a, int b) {
        if (fuelUsed.present()) {
            return fuelUsed.increase(a, b);
        }
        if (rating.fuelCapacityL() == null || level.knownShare(a, b) == 0) {
            return CoveredValue.unknown();
        }
        int perHour = (int) Math.max(1, 3_600_000L / grid.cellMs());
        double litres = 0;
        double previous = Double.NaN;
        for (int h = a; h < b; h += perHour) {
            double mean = mean(h, Math.min(b, h + perHour));
            if (!Double.isNaN(previous) && !Double.isNaN(mean) && mean < previous) {
                litres += (previous - mean) / 100 * rating.fuelCapacityL();
            }
            previous = Double.isNaN(mean) ? previous : mean;
        }
        return new CoveredValue(litres, level.measuredShare(a, b));
    }

    private double mean(int a, int b) {
        double sum = 0;
        double weight = 0;
        for (int c = a; c < b; c++) {
            if (level.known(c)) {
                sum += level.mean(c) * level.knownShare(c);
                weight += level.knownShare(c);
            }
        }
        return weight == 0 ? Double.NaN : sum / weight;
    }
}
