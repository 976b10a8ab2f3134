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
        Inventory.FuelCurve c = asset.fuelCurve();
        return of(asset.id(), asset.ratedKw(), c == null ? null : c.f0(), c == null ? null : c.f1(), settings);
    }

    /**
     * The rating from registry fields: the fuel curve {@code f0, f1} when both are given, else the settings'.
     *
     * @throws IllegalArgumentException when {@code ratedKw} is null
     */
    public static GeneratorRating of(String id, Double ratedKw, Double f0, Double f1, PowerSettings settings) {
        if (ratedKw == null) {
            throw new IllegalArgumentException(id + " has no rated_kw");
        }
        return f0 == null || f1 == null ? new GeneratorRating(id, ratedKw, settings.fuel().defaultF0(),
            settings.fuel().defaultF1()) : new GeneratorRating(id, ratedKw, f0, f1);
    }

    public double expectedFuel(double hours, double kwh) {
        return f0 * ratedKw * hours + f1 * kwh;
    }

    /** Specific fuel consumption at load factor {@code lf}: {@code f1 + f0 / lf}, L/kWh. */
    public double sfc(double lf) {
        return f1 + f0 / lf;
    }
}
