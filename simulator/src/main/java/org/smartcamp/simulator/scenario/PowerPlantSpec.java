package org.smartcamp.simulator.scenario;

import java.util.List;

/** The camp's power plant and fuel storage: generators with their dispatch rule, fuel tanks, solar and battery. */
public record PowerPlantSpec(DispatchSpec dispatch, List<GeneratorSpec> generators, List<TankSpec> tanks,
                             List<PvSpec> pv, BatterySpec battery) {

    public PowerPlantSpec {
        generators = List.copyOf(generators);
        tanks = List.copyOf(tanks);
        pv = List.copyOf(pv);
    }
}
