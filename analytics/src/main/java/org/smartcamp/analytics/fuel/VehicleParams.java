package org.smartcamp.analytics.fuel;

import java.util.Objects;

/**
 * What the fuel analytics need to know about a vehicle.
 *
 * @param assetId       the asset id
 * @param fuelCapacityL capacity of its fuel tank, litres ({@code fuel.level_pct} is a share of it)
 */
public record VehicleParams(String assetId, double fuelCapacityL) {

    public VehicleParams {
        Objects.requireNonNull(assetId, "assetId");
        if (!(fuelCapacityL > 0)) {
            throw new IllegalArgumentException(assetId + ": fuel capacity must be positive");
        }
    }
}
