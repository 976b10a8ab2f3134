package org.smartcamp.analytics.fuel;

import java.util.List;
import java.util.Objects;

/**
 * What the fuel analytics need to know about a fuel tank and what it feeds.
 *
 * @param assetId    the asset id
 * @param capacityL  capacity, litres
 * @param unusableL  litres below the outlet that can never be drawn (0 when unknown)
 * @param strapping  level (mm) to litres, for tanks that report {@code fuel.level} only; may be {@code null}
 * @param generators ids of the generators that draw from this tank
 * @param fillsFrom  id of the tank that tops this one up through a transfer pump (a day tank), or {@code null};
 *                   rises in a day tank are transfers, not refuels
 * @param vehicles   ids of the vehicles that are fuelled from this tank (its dispensing)
 */
public record TankParams(String assetId, double capacityL, double unusableL, StrappingTable strapping,
                         List<String> generators, String fillsFrom, List<String> vehicles) {

    public TankParams {
        Objects.requireNonNull(assetId, "assetId");
        generators = List.copyOf(generators);
        vehicles = List.copyOf(vehicles);
        if (!(capacityL > 0) || unusableL < 0 || unusableL >= capacityL) {
            throw new IllegalArgumentException(assetId + ": capacity must be positive and unusable litres in [0, "
                + "capacity)");
        }
    }

    /** A stand-alone tank feeding {@code generators}, with no day tank and no dispensing. */
    public static TankParams feeding(String assetId, double capacityL, List<String> generators) {
        return new TankParams(assetId, capacityL, 0, null, generators, null, List.of());
    }

    /** Whether this is a day tank filled by transfers from another tank. */
    public boolean isDayTank() {
        return fillsFrom != null;
    }
}
