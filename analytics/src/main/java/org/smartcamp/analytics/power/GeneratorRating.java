package org.smartcamp.analytics.power;

import java.util.Objects;
import org.smartcamp.ingest.inventory.Inventory;

/**
 * What the analytics need to know about a generator set: its rating and linear fuel curve
 * {@code F [L/h] = f0 * ratedKw + f1 * P}.
 *
 * @param assetId the asset id
 * @param ratedKw rated electrical output, kW
 * @param f0      no-load fuel per rated kW, L/h per kW
 * @param f1      marginal fuel, L/kWh
 */
public record GeneratorRating(String assetId, double ratedKw, double f0, double f1) {

    public GeneratorRating {
        Objects.requireNonNull(assetId, "assetId");
        if (!(ratedKw > 0) || !(f0 >= 0) || !(f1 >= 0)) {
            throw new IllegalArgumentException(assetId + ": rated kW must be positive and the fuel curve not negative");
        }
    }

    /**
     * The rating of an inventory generator; its fuel curve, or the settings' default curve when it has none.
     *
     * @throws IllegalArgumentException when the asset has no rated kW
     */
    public static GeneratorRating of(Inventory.Asset asset, PowerSettings settings) {
        if (asset.ratedKw() == null) {
            throw new IllegalArgumentException(asset.id() + " has no rated_kw");
        }
        Inventory.FuelCurve c = asset.fuelCurve();
        return c == null ? new GeneratorRating(asset.id(), asset.ratedKw(), settings.fuel().defaultF0(),
            settings.fuel().defaultF1()) : new GeneratorRating(asset.id(), asset.ratedKw(), c.f0(), c.f1());
    }

    /** Fuel the curve expects for {@code hours} of running that delivered {@code kwh}, litres. */
    public double expectedFuel(double hours, double kwh) {
        return f0 * ratedKw * hours + f1 * kwh;
    }

    /** Specific fuel consumption at load factor {@code lf}: {@code f1 + f0 / lf}, L/kWh. */
    public double sfc(double lf) {
        return f1 + f0 / lf;
    }
}
