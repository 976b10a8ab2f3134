package org.smartcamp.analytics.power;

import java.util.List;
import java.util.Objects;

/**
 * A camp's power plant as the analytics see it. All generators are taken to feed one camp grid (consolidation
 * assumes they can share load; a camp with one set per building has to connect them first).
 *
 * @param campId     the camp id (also the asset id of the camp's OUTAGE events)
 * @param generators the generator sets
 * @param pv         the PV arrays
 * @param battery    the battery bank, or {@code null}
 */
public record CampPlant(String campId, List<GeneratorRating> generators, List<Pv> pv, Battery battery) {

    public CampPlant {
        Objects.requireNonNull(campId, "campId");
        generators = List.copyOf(generators);
        pv = List.copyOf(pv);
    }

    /** A PV array and its peak rating (kWp). */
    public record Pv(String assetId, double ratedKwp) {
    }

    /**
     * A battery bank: usable capacity (kWh) for equivalent full cycles and the state-of-charge fallback, and the
     * nominal voltage used when a current reading has no voltage beside it.
     */
    public record Battery(String assetId, double capacityKwh, double nominalVoltage) {
    }
}
