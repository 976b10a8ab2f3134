package org.smartcamp.analytics.power;

import java.util.Map;

/**
 * A camp's power readings by asset id: generators, PV arrays and the battery ({@code null} when none). An asset
 * of the plant missing here has no readings: its figures are unknown, never zero.
 */
public record CampSignals(Map<String, GeneratorSignals> generators, Map<String, PvSignals> pv,
                          BatterySignals battery) {

    public CampSignals {
        generators = Map.copyOf(generators);
        pv = Map.copyOf(pv);
    }

    GeneratorSignals generator(String assetId) {
        return generators.getOrDefault(assetId, new GeneratorSignals(null, null, null, null, null, null, null));
    }

    PvSignals pvArray(String assetId) {
        return pv.getOrDefault(assetId, new PvSignals(null, null));
    }

    BatterySignals batteryOrEmpty() {
        return battery == null ? new BatterySignals(null, null, null) : battery;
    }
}
