package org.smartcamp.analytics.fuel;

import java.util.Objects;

/**
 * What the fuel analytics need to know about a generator set.
 *
 * @param assetId   the asset id
 * @param ratedKw   rated electrical output, kW
 * @param f0        fuel curve: no-load litres per hour per rated kW
 * @param f1        fuel curve: litres per kWh of output
 * @param flowMeter whether a flow meter reports the {@code fuel.used} counter
 */
public record GeneratorParams(String assetId, double ratedKw, double f0, double f1, boolean flowMeter) {

    public GeneratorParams {
        Objects.requireNonNull(assetId, "assetId");
        if (!(ratedKw > 0) || f0 < 0 || f1 < 0) {
            throw new IllegalArgumentException(assetId + ": rated kW must be positive and the fuel curve not negative");
        }
    }

    /** A generator with the fuel curve of {@code settings} (for a set without a datasheet fit). */
    public static GeneratorParams withDefaultCurve(String assetId, double ratedKw, boolean flowMeter,
                                                   FuelSettings settings) {
        return new GeneratorParams(assetId, ratedKw, settings.get(FuelSetting.FUEL_CURVE_F0),
            settings.get(FuelSetting.FUEL_CURVE_F1), flowMeter);
    }

    /** Litres per hour at {@code outputKw} while running: {@code f0 * rated + f1 * output}. */
    public double litresPerHour(double outputKw) {
        return f0 * ratedKw + f1 * Math.max(0, outputKw);
    }
}
