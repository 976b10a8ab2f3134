package org.smartcamp.analytics.fuel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.smartcamp.analytics.event.DetectedEvent;
import org.smartcamp.analytics.series.Cumulative;
import org.smartcamp.analytics.series.Series;
import org.smartcamp.ingest.catalogue.EventKind;

/**
 * The fuel analytics of one camp, in the order the data depend on each other: generators' and vehicles' fuel use
 * and the vehicles' refuels (the dispensing of their tank) first, then day tanks (their rises are transfers out
 * of the bulk tank), then the other tanks with everything they feed as expected outflow; refuels are reconciled
 * with the delivery records; days of supply per tank and for the camp. Pure: no database.
 */
public final class CampFuelAnalysis {

    /** The analytics of {@code input}. */
    public CampFuelReport analyse(CampFuelInput input) {
        Run run = new Run(input);
        input.generators().forEach(run::generator);
        input.vehicles().forEach(run::vehicle);
        input.tanks().stream().filter(t -> t.params().isDayTank()).forEach(run::tank);
        input.tanks().stream().filter(t -> !t.params().isDayTank()).forEach(run::tank);
        return run.report();
    }

    /** The state of one analysis. */
    private static final class Run {
        private final CampFuelInput input;
        private final Map<String, FuelUse> fuelUse = new LinkedHashMap<>();
        private final List<DetectedEvent> events = new ArrayList<>();
        private final List<DetectedEvent> external = new ArrayList<>();
        private final List<DetectedEvent> tankRefuels = new ArrayList<>();
        private final Map<String, List<DetectedEvent>> vehicleRefuels = new HashMap<>();
        private final Map<String, List<DetectedEvent>> transfers = new LinkedHashMap<>();
        private final Map<String, LeakReport> leaks = new LinkedHashMap<>();
        private final Map<String, SupplyForecast> supply = new LinkedHashMap<>();
        private final Map<String, Series> litres = new LinkedHashMap<>();
        private final Map<String, TankLedger> ledgers = new LinkedHashMap<>();

        Run(CampFuelInput input) {
            this.input = input;
        }

        void generator(CampFuelInput.Generator g) {
            FuelSettings s = input.settings().with(g.overrides());
            FuelUse use = new GeneratorConsumption(s).fuelUse(g.params(), g.readings())
                .withError(ConsumptionSource.FUEL_CURVE, SourceError.proportional(SourceError.CURVE_PRIOR_SIGMA,
                    "fuel curve checked against nothing: 5 % (1 sigma), the ISO 3046 tolerance of a declared fuel "
                    + "consumption (prior)"));
            if (!g.readings().fuelUsed().isEmpty()) {
                use = use.withError(ConsumptionSource.FLOW_METER, SourceError.meter(g.readings().fuelUsed()));
            }
            fuelUse.put(g.params().assetId(), use);
        }

        void vehicle(CampFuelInput.Vehicle v) {
            FuelSettings s = input.settings().with(v.overrides());
            List<DetectedEvent> refuels = new RefuelDetector(s).detect(v.params(), v.readings());
            List<DetectedEvent> thefts = new TheftDetector(s).detect(v.params(), v.readings(), refuels);
            List<DetectedEvent> own = new ArrayList<>(refuels);
            own.addAll(thefts);
            events.addAll(own);
            vehicleRefuels.put(v.params().assetId(), refuels);
            fuelUse.put(v.params().assetId(), new VehicleConsumption(s).fuelUse(v.params(), v.readings(), own));
        }

        void tank(CampFuelInput.Tank t) {
            FuelSettings s = input.settings().with(t.overrides());
            TankParams p = t.params();
            Series volume = t.readings().litres(p);
            litres.put(p.assetId(), volume);
            List<Cumulative> burned = new ArrayList<>();
            boolean known = true;
            for (String g : p.generators()) {
                Cumulative c = fuelUse.containsKey(g) ? fuelUse.get(g).independentOfTanks() : Cumulative.empty();
                known &= !c.isEmpty();
                burned.add(c);
            }
            burned.removeIf(Cumulative::isEmpty);
            Cumulative expected = ExpectedOutflow.of(burned, movedOut(p));
            List<DetectedEvent> rises = new RefuelDetector(s).detect(p, volume, expected);
            List<DetectedEvent> thefts = known
                ? new TheftDetector(s).detect(p, volume, t.readings().temperature(), expected, rises) : List.of();
            List<DetectedEvent> own = new ArrayList<>(rises);
            own.addAll(thefts);
            List<LeakLoss> leaked = List.of();
            LeakReport leak = null;
            if (known) {
                leak = new LeakDetector(s).detect(p, volume, expected, own);
                leaks.put(p.assetId(), leak);
                events.addAll(leak.leaks());
                leaked = LeakLoss.of(leak);
            }
            record(p, rises, thefts);
            supply.put(p.assetId(), supply(p, volume, own, s));
            TankLevelError error = TankLevelError.of(p, volume, own, leaked, leak, s);
            tankLevelSource(p, volume, own, leaked, error, s);
            Map<String, FuelUse> consumers = new LinkedHashMap<>();
            p.generators().stream().filter(fuelUse::containsKey).forEach(id -> consumers.put(id, fuelUse.get(id)));
            ledgers.put(p.assetId(), new TankLedger(p.assetId(), error, rises, thefts, leaked, consumers,
                movedOut(p)));
        }

        /**
         * Days of supply of a tank; a bulk tank that fills day tanks at the rate it and its day tanks lose fuel
         * together (its thefts and refuels and theirs, not the transfers between them).
         */
        private SupplyForecast supply(TankParams p, Series volume, List<DetectedEvent> own, FuelSettings s) {
            List<TankParams> days = input.tanks().stream().map(CampFuelInput.Tank::params)
                .filter(o -> p.assetId().equals(o.fillsFrom()) && litres.containsKey(o.assetId())).toList();
            if (days.isEmpty()) {
                return new DaysOfSupply(s).forTank(p, volume, own, input.asOf());
            }
            Set<String> ids = new HashSet<>(days.stream().map(TankParams::assetId).toList());
            List<DetectedEvent> moved = new ArrayList<>(own);
            external.stream().filter(e -> ids.contains(e.assetId()) && e.kind() == EventKind.THEFT)
                .forEach(moved::add);
            return new DaysOfSupply(s).forBulkTank(p, volume, days, litres, moved, input.asOf());
        }

        private void record(TankParams p, List<DetectedEvent> rises, List<DetectedEvent> thefts) {
            if (p.isDayTank()) {
                transfers.put(p.assetId(), rises);
            } else {
                tankRefuels.addAll(rises);
                events.addAll(rises);
                external.addAll(rises);
            }
            events.addAll(thefts);
            external.addAll(thefts);
        }

        /** Transfers into the day tanks this tank fills and refuels of the vehicles it fuels. */
        private List<DetectedEvent> movedOut(TankParams p) {
            List<DetectedEvent> out = new ArrayList<>();
            for (CampFuelInput.Tank other : input.tanks()) {
                if (p.assetId().equals(other.params().fillsFrom())) {
                    out.addAll(transfers.getOrDefault(other.params().assetId(), List.of()));
                }
            }
            for (String v : p.vehicles()) {
                out.addAll(vehicleRefuels.getOrDefault(v, List.of()));
            }
            return out;
        }

        /**
         * A generator that is its tank's only outlet also gets the tank's level as a source, with the tank's
         * detected leaks taken out.
         */
        private void tankLevelSource(TankParams p, Series volume, List<DetectedEvent> own, List<LeakLoss> leaked,
                                     TankLevelError error, FuelSettings s) {
            boolean feedsDayTank = input.tanks().stream().anyMatch(o -> p.assetId().equals(o.params().fillsFrom()));
            if (p.generators().size() != 1 || !p.vehicles().isEmpty() || feedsDayTank
                    || !fuelUse.containsKey(p.generators().get(0))) {
                return;
            }
            String g = p.generators().get(0);
            Cumulative level = LevelConsumption.of(volume, p.capacityL(), own, leaked, s);
            FuelUse use = fuelUse.get(g).with(ConsumptionSource.TANK_LEVEL, level)
                .withError(ConsumptionSource.TANK_LEVEL, error);
            Cumulative curve = use.source(ConsumptionSource.FUEL_CURVE);
            Optional<CurveCalibration.Fit> fit = CurveCalibration.fit(curve, level,
                CurveCalibration.Gauge.of(volume, p.capacityL(), s), leaked);
            if (fit.isPresent()) {
                CurveCalibration.Fit f = fit.get();
                String text = String.format(Locale.ROOT, "factor %.4f +- %.4f through %d readings of %d quiet "
                    + "stretches, %d h", f.factor(), f.se(), f.readings(), f.stretches(), f.hours())
                    + leakRates(f);
                use = use.with(ConsumptionSource.CALIBRATED_CURVE, CurveCalibration.scaled(curve, f.factor()))
                    .withError(ConsumptionSource.CALIBRATED_CURVE, SourceError.proportional(f.se(),
                        "calibrated curve: the standard error of its " + text))
                    .withError(ConsumptionSource.FUEL_CURVE, SourceError.proportional(f.se(), "fuel curve: its "
                        + "scatter about the tank's fall (" + text + "); its bias is what the calibration removes"))
                    .withCalibration(text);
            }
            fuelUse.put(g, use);
        }

        /** The leak rates fitted beside the factor, as text ("" without a leak). */
        private static String leakRates(CurveCalibration.Fit f) {
            StringBuilder b = new StringBuilder();
            for (double r : f.leakRates()) {
                if (!Double.isNaN(r)) {
                    b.append(b.length() == 0 ? ", with a leak of " : " and ").append(String.format(Locale.ROOT,
                        "%.1f L/day", r));
                }
            }
            return b.toString();
        }

        CampFuelReport report() {
            Reconciliation reconciliation = new DeliveryReconciliation(input.settings())
                .reconcile(tankRefuels, input.deliveries());
            events.addAll(reconciliation.shortFills());
            List<TankParams> tanks = input.tanks().stream().map(CampFuelInput.Tank::params).toList();
            SupplyForecast camp = new DaysOfSupply(input.settings()).forCamp(input.campId(), tanks, litres,
                external.stream().filter(e -> e.kind() != EventKind.LEAK).toList(), input.asOf());
            return new CampFuelReport(input.campId(), fuelUse, events, transfers, reconciliation, leaks, supply,
                camp, ledgers);
        }
    }
}
