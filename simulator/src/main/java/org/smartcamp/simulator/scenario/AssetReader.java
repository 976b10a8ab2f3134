package org.smartcamp.simulator.scenario;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads the asset sections of a scenario file: power plant, vehicles and water tanks. */
final class AssetReader {
    private final String defaultGateway;

    AssetReader(String defaultGateway) {
        this.defaultGateway = defaultGateway;
    }

    static Reporting reporting(ScenarioNode n, String defaultGateway, Duration interval) {
        Duration d = n.positiveDuration("report_interval", interval);
        if (d.toMillis() % 1000 != 0) {
            throw n.error("report_interval", "must be a whole number of seconds");
        }
        return new Reporting(n.has("gateway") ? n.id("gateway") : defaultGateway, d);
    }

    PowerPlantSpec plant(ScenarioNode root) {
        List<GeneratorSpec> gens = root.list("generators").stream().map(this::generator).toList();
        List<TankSpec> tanks = root.list("tanks").stream().map(this::tank).toList();
        List<PvSpec> pv = root.list("pv").stream().map(this::pv).toList();
        ScenarioNode bat = root.optionalObject("battery");
        return new PowerPlantSpec(dispatch(root.optionalObject("dispatch")), gens, tanks, pv,
            bat == null ? null : battery(bat));
    }

    List<VehicleSpec> vehicles(ScenarioNode root) {
        return root.list("vehicles").stream().map(this::vehicle).toList();
    }

    List<WaterTankSpec> water(ScenarioNode root) {
        return root.list("water_tanks").stream().map(this::waterTank).toList();
    }

    private static DispatchSpec dispatch(ScenarioNode n) {
        if (n == null) {
            return new DispatchSpec(DispatchRule.LOAD_FOLLOWING, 0.85, 0.6, Duration.ofMinutes(30), 0.3);
        }
        n.allow("rule", "start_load_factor", "stop_load_factor", "min_run", "min_load_factor");
        String rule = n.text("rule", "load_following");
        DispatchRule r;
        try {
            r = DispatchRule.valueOf(rule.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw n.error("rule", "'" + rule + "' is not load_following or all_running");
        }
        double start = n.range("start_load_factor", 0.85, 0.1, 1.0);
        double stop = n.range("stop_load_factor", 0.6, 0.05, 1.0);
        if (stop >= start) {
            throw n.error("stop_load_factor", "must be below start_load_factor (" + start + ")");
        }
        return new DispatchSpec(r, start, stop, n.duration("min_run", Duration.ofMinutes(30)),
            n.range("min_load_factor", 0.3, 0, 0.9));
    }

    private GeneratorSpec generator(ScenarioNode n) {
        n.allow("id", "name", "rated_kw", "fuel_curve", "tank", "flow_meter", "counters", "fuel_rate",
            "report_interval", "gateway");
        FuelCurve curve = FuelCurve.DEFAULT;
        ScenarioNode c = n.optionalObject("fuel_curve");
        if (c != null) {
            c.allow("f0", "f1");
            curve = new FuelCurve(c.range("f0", FuelCurve.DEFAULT.f0(), 0, 1), c.range("f1", FuelCurve.DEFAULT.f1(),
                0.05, 1));
        }
        return new GeneratorSpec(n.id("id"), n.text("name", n.text("id")), n.positive("rated_kw"), curve,
            n.has("tank") ? n.id("tank") : null, n.flag("flow_meter", false), n.flag("counters", true),
            n.flag("fuel_rate", true), reporting(n, defaultGateway, Duration.ofMinutes(1)));
    }

    private TankSpec tank(ScenarioNode n) {
        n.allow("id", "name", "capacity_l", "initial_l", "strapping", "level_noise_mm", "fill", "report_interval",
            "gateway");
        double capacity = n.positive("capacity_l");
        StrappingTable table = strapping(n, capacity);
        TransferSpec fill = null;
        ScenarioNode f = n.optionalObject("fill");
        if (f != null) {
            f.allow("from", "rate_lph", "start_below", "stop_above");
            double startBelow = f.range("start_below", 0.4, 0, 1);
            double stopAbove = f.range("stop_above", 0.9, 0, 1);
            if (stopAbove <= startBelow) {
                throw f.error("stop_above", "must be above start_below (" + startBelow + ")");
            }
            fill = new TransferSpec(f.id("from"), f.positive("rate_lph"), startBelow, stopAbove);
        }
        return new TankSpec(n.id("id"), n.text("name", n.text("id")), capacity,
            n.range("initial_l", capacity * 0.8, 0, capacity), table, n.range("level_noise_mm", 2, 0, 100), fill,
            reporting(n, defaultGateway, Duration.ofMinutes(5)));
    }

    private static StrappingTable strapping(ScenarioNode n, double capacity) {
        StrappingTable table;
        try {
            table = n.has("strapping") ? new StrappingTable(n.pairs("strapping"))
                : StrappingTable.linear(2000, capacity);
        } catch (IllegalArgumentException e) {
            throw n.error("strapping", e.getMessage());
        }
        if (Math.abs(table.maxLitres() - capacity) > capacity * 1e-6) {
            throw n.error("strapping", "its last row holds " + table.maxLitres() + " L, not the capacity "
                + capacity + " L");
        }
        return table;
    }

    private PvSpec pv(ScenarioNode n) {
        n.allow("id", "name", "rated_kwp", "derate", "report_interval", "gateway");
        return new PvSpec(n.id("id"), n.text("name", n.text("id")), n.positive("rated_kwp"),
            n.range("derate", 0.8, 0.1, 1), reporting(n, defaultGateway, Duration.ofMinutes(5)));
    }

    private BatterySpec battery(ScenarioNode n) {
        n.allow("id", "name", "capacity_kwh", "max_power_kw", "initial_soc", "min_soc", "stop_soc",
            "nominal_voltage", "efficiency", "report_interval", "gateway");
        double min = n.range("min_soc", 0.3, 0, 0.9);
        double stop = n.range("stop_soc", 0.9, 0.1, 1);
        if (stop <= min) {
            throw n.error("stop_soc", "must be above min_soc (" + min + ")");
        }
        BatterySpec.SocBand soc = new BatterySpec.SocBand(n.range("initial_soc", 0.8, 0, 1), min, stop);
        return new BatterySpec(n.id("id"), n.text("name", n.text("id")), n.positive("capacity_kwh"),
            n.positive("max_power_kw"), soc, n.positive("nominal_voltage", 48), n.range("efficiency", 0.95, 0.5, 1),
            reporting(n, defaultGateway, Duration.ofMinutes(5)));
    }

    private VehicleSpec vehicle(ScenarioNode n) {
        n.allow("id", "name", "fuel_capacity_l", "initial_fuel_l", "service_interval_h", "idle_lph",
            "litres_per_100km", "speed_kmh", "duty", "refuel", "report_interval", "gateway");
        double capacity = n.positive("fuel_capacity_l");
        VehicleSpec.Consumption consumption = new VehicleSpec.Consumption(n.range("idle_lph", 3, 0, 50),
            n.range("litres_per_100km", 35, 1, 300), n.range("speed_kmh", 35, 1, 150));
        VehicleSpec.RefuelSpec refuel = null;
        ScenarioNode r = n.optionalObject("refuel");
        if (r != null) {
            r.allow("tank", "below");
            refuel = new VehicleSpec.RefuelSpec(r.id("tank"), r.range("below", 0.25, 0.01, 0.9));
        }
        return new VehicleSpec(n.id("id"), n.text("name", n.text("id")), capacity,
            n.range("initial_fuel_l", capacity * 0.8, 0, capacity), n.positive("service_interval_h", 250),
            consumption, duty(n.object("duty")), refuel, reporting(n, defaultGateway, Duration.ofMinutes(1)));
    }

    private static DutyCycleSpec duty(ScenarioNode n) {
        n.allow("start_hour", "end_hour", "days", "mean_drive", "mean_idle", "mean_off");
        double start = n.range("start_hour", 7, 0, 24);
        double end = n.range("end_hour", 18, 0, 24);
        if (end <= start) {
            throw n.error("end_hour", "must be later than start_hour");
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        String text = n.text("days", "mon,tue,wed,thu,fri,sat");
        for (String d : text.split(",")) {
            days.add(day(n, d.trim()));
        }
        return new DutyCycleSpec(start, end, days, n.positiveDuration("mean_drive", Duration.ofMinutes(40)),
            n.positiveDuration("mean_idle", Duration.ofMinutes(15)),
            n.positiveDuration("mean_off", Duration.ofMinutes(60)));
    }

    private static DayOfWeek day(ScenarioNode n, String text) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().substring(0, 3).equalsIgnoreCase(text)) {
                return d;
            }
        }
        throw n.error("days", "'" + text + "' is not a day (mon, tue, wed, thu, fri, sat, sun)");
    }

    private WaterTankSpec waterTank(ScenarioNode n) {
        n.allow("id", "name", "capacity_l", "initial_l", "strapping", "litres_per_person_day", "pump",
            "level_noise_mm", "report_interval", "gateway");
        double capacity = n.positive("capacity_l");
        ScenarioNode p = n.object("pump");
        p.allow("id", "rate_lph", "kw", "start_below", "stop_above", "head_m");
        double startBelow = p.range("start_below", 0.3, 0, 1);
        double stopAbove = p.range("stop_above", 0.95, 0, 1);
        if (stopAbove <= startBelow) {
            throw p.error("stop_above", "must be above start_below (" + startBelow + ")");
        }
        WaterTankSpec.PumpSpec pump = new WaterTankSpec.PumpSpec(p.has("id") ? p.id("id") : null,
            p.positive("rate_lph"), p.range("kw", 2, 0, 500), startBelow, stopAbove, p.range("head_m", 40, 1, 500));
        return new WaterTankSpec(n.id("id"), n.text("name", n.text("id")), capacity,
            n.range("initial_l", capacity * 0.7, 0, capacity), strapping(n, capacity),
            n.range("litres_per_person_day", 84, 0, 1000), pump, n.range("level_noise_mm", 3, 0, 100),
            reporting(n, defaultGateway, Duration.ofMinutes(10)));
    }
}
