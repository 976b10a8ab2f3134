package org.smartcamp.analytics.fuel;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.smartcamp.analytics.power.SampledPower;
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
        // the curve over sampled power and the running state, read as the catalogue declares them
        return SampledPower.curveLitres(g.f0(), g.f1(), g.ratedKw(), r.power(), r.running(),
            gapMs(r.power(), settings));
    }
}
