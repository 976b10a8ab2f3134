package org.smartcamp.analytics.fuel;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.smartcamp.analytics.event.DetectedEvent;

/**
 * The fuel analytics of one camp.
 *
 * @param campId         the camp id
 * @param fuelUse        fuel burned per generator and vehicle (ask it for hour, day or month buckets)
 * @param events         refuels (tanks and vehicles), thefts, leaks and short fills, with their evidence
 * @param transfers      per day tank, the transfers into it (rises that are not refuels)
 * @param reconciliation refuels against delivery records
 * @param leaks          per tank, the daily unexplained losses behind the leak detection
 * @param tankSupply     per tank, days of supply
 * @param campSupply     the camp's days of supply (all tanks together)
 * @param ledgers        per tank, its daily account (ask it for the days: {@link TankLedger#days})
 */
public record CampFuelReport(String campId, Map<String, FuelUse> fuelUse, List<DetectedEvent> events,
                             Map<String, List<DetectedEvent>> transfers, Reconciliation reconciliation,
                             Map<String, LeakReport> leaks, Map<String, SupplyForecast> tankSupply,
                             SupplyForecast campSupply, Map<String, TankLedger> ledgers) {

    public CampFuelReport {
        fuelUse = Map.copyOf(fuelUse);
        events = List.copyOf(events);
        transfers = Map.copyOf(transfers);
        leaks = Map.copyOf(leaks);
        tankSupply = Map.copyOf(tankSupply);
        ledgers = Map.copyOf(ledgers);
    }

    /** The camp's litres per bucket: all its generators and vehicles together. */
    public List<ConsumptionBucket> campConsumption(Instant from, Instant to, BucketSize size) {
        return CampConsumption.buckets(List.copyOf(fuelUse.values()), from, to, size);
    }
}
