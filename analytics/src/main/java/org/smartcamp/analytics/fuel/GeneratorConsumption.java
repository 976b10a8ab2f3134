package org.smartcamp.analytics.fuel;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.smartcamp.analytics.series.Cumulative;
import org.smartcamp.analytics.series.Series;
import org.smartcamp.analytics.series.SeriesMath;

/**
 * A generator's fuel burned from its readings: the flow meter's {@code fuel.used} counter where it has one, and
 * the fuel curve {@code F = f0 * rated + f1 * P}: exactly over the {@code engine.hours} and {@code energy.active}
 * counters ({@code f0 * rated * hours + f1 * kWh}), else integrated over the sampled {@code power.active} while
 * {@code engine.running}. Counter resets and gaps are handled by {@link Cumulative}. The tank-level source is
 * added by the caller for a set that is its tank's only consumer ({@link FuelUse#with}).
 */
public final class GeneratorConsumption {
    /** A counter falling by more than this (litres, kWh or hours) was reset. */
    static final double RESET_TOLERANCE = 0.5;
    private final FuelSettings settings;

    public GeneratorConsumption(FuelSettings settings) {
        this.settings = settings;
    }

    /** The fuel use of {@code generator} from {@code readings}. */
    public FuelUse fuelUse(GeneratorParams generator, GeneratorReadings readings) {
        Map<ConsumptionSource, Cumulative> sources = new EnumMap<>(ConsumptionSource.class);
        if (!readings.fuelUsed().isEmpty()) {
            sources.put(ConsumptionSource.FLOW_METER, counter(readings.fuelUsed(), settings));
        }
        sources.put(ConsumptionSource.FUEL_CURVE, curve(generator, readings));
        return new FuelUse(generator.assetId(), sources);
    }

    /** A counter series as a cumulative, with gaps beyond the settings' gap factor. */
    static Cumulative counter(Series counter, FuelSettings settings) {
        return Cumulative.ofCounter(counter, gapMs(counter, settings), RESET_TOLERANCE);
    }

    /** The longest interval between readings of {@code s} that is not a gap. */
    static long gapMs(Series s, FuelSettings settings) {
        return Math.round(Math.max(1, SeriesMath.typicalInterval(s)) * settings.get(FuelSetting.GAP_FACTOR));
    }

    private Cumulative curve(GeneratorParams g, GeneratorReadings r) {
        if (!r.engineHours().isEmpty() && !r.energy().isEmpty()) {
            return Cumulative.weightedSum(List.of(counter(r.engineHours(), settings), counter(r.energy(), settings)),
                new double[] {g.f0() * g.ratedKw(), g.f1()});
        }
        if (r.power().isEmpty()) {
            return Cumulative.empty();
        }
        // a median of three removes isolated spikes but keeps the edges of starts, stops and load steps; a lone
        // reading the running state confirms (a one-minute run between stops, a one-minute stop) is real
        long interval = SeriesMath.typicalInterval(r.power());
        double[] power = SeriesMath.runningMedian(r.power(), interval + interval / 2);
        double runningKw = 0.005 * g.ratedKw();
        Series.Builder rate = Series.builder();
        for (int i = 0; i < power.length; i++) {
            long t = r.power().time(i);
            boolean running = r.running().isEmpty() ? power[i] > runningKw : runningAt(r.running(), t);
            double raw = r.power().value(i);
            boolean confirmed = !r.running().isEmpty() && running == raw > runningKw && running != power[i] > runningKw;
            double kw = confirmed ? raw : power[i];
            rate.add(t, running ? g.litresPerHour(kw) : 0);
        }
        return Cumulative.ofRatePerHour(rate.build(), gapMs(r.power(), settings));
    }

    /** The running flag last reported at or before {@code t} (the first one before any). */
    private static boolean runningAt(Series running, long t) {
        int i = running.indexAtOrAfter(t + 1) - 1;
        return running.value(Math.max(0, i)) >= 0.5;
    }
}
