package org.smartcamp.simulator.inventory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.smartcamp.ingest.catalogue.AssetKind;
import org.smartcamp.simulator.scenario.CampSpec;
import org.smartcamp.simulator.scenario.GeneratorSpec;
import org.smartcamp.simulator.scenario.PvSpec;
import org.smartcamp.simulator.scenario.Scenario;
import org.smartcamp.simulator.scenario.StrappingTable;
import org.smartcamp.simulator.scenario.TankSpec;
import org.smartcamp.simulator.scenario.VehicleSpec;
import org.smartcamp.simulator.scenario.WaterTankSpec;

/**
 * Writes a scenario's asset inventory as the YAML the store's inventory importer reads: missions, their camps,
 * and each camp's assets with kind, name and the figures analytics need (rated kW and fuel curve, capacities,
 * strapping tables, the tank each generator draws from and the bulk tank a day tank is filled from).
 */
public final class InventoryWriter {
    private InventoryWriter() {
    }

    /** Writes the inventory of {@code scenario} to {@code file}, replacing it. */
    public static void write(Scenario scenario, Path file) throws IOException {
        Files.writeString(file, yaml(scenario), StandardCharsets.UTF_8);
    }

    /** The inventory of {@code scenario} as YAML text. */
    public static String yaml(Scenario scenario) {
        CampSpec camp = scenario.camp();
        StringBuilder sb = new StringBuilder();
        sb.append("missions:\n");
        sb.append("  - id: ").append(scenario.mission().id()).append('\n');
        sb.append("    name: ").append(text(scenario.mission().name())).append('\n');
        sb.append("    camps:\n");
        sb.append("      - id: ").append(camp.id()).append('\n');
        sb.append("        name: ").append(text(camp.name())).append('\n');
        sb.append("        latitude: ").append(num(camp.latitude())).append('\n');
        sb.append("        longitude: ").append(num(camp.longitude())).append('\n');
        sb.append("        population: ").append(camp.population()).append('\n');
        sb.append("        assets:\n");
        for (String asset : assets(scenario)) {
            sb.append("          - {").append(asset).append("}\n");
        }
        return sb.toString();
    }

    private static List<String> assets(Scenario s) {
        CampSpec camp = s.camp();
        List<String> out = new ArrayList<>();
        for (GeneratorSpec g : s.plant().generators()) {
            out.add(head(camp, g.id(), AssetKind.GENERATOR, g.name()) + ", rated_kw: " + num(g.ratedKw())
                + ", fuel_curve: {f0: " + num(g.curve().f0()) + ", f1: " + num(g.curve().f1()) + "}"
                + (g.tank() == null ? "" : ", tank: " + camp.assetId(g.tank())));
        }
        for (TankSpec t : s.plant().tanks()) {
            out.add(head(camp, t.id(), AssetKind.FUEL_TANK, t.name()) + ", capacity_l: " + num(t.capacityL())
                + ", strapping: " + strapping(t.strapping())
                + (t.fill() == null ? "" : ", supply_tank: " + camp.assetId(t.fill().from())));
        }
        for (PvSpec p : s.plant().pv()) {
            out.add(head(camp, p.id(), AssetKind.PV, p.name()) + ", rated_kwp: " + num(p.ratedKwp()));
        }
        if (s.plant().battery() != null) {
            out.add(head(camp, s.plant().battery().id(), AssetKind.BATTERY, s.plant().battery().name())
                + ", capacity_kwh: " + num(s.plant().battery().capacityKwh()));
        }
        for (VehicleSpec v : s.vehicles()) {
            out.add(head(camp, v.id(), AssetKind.VEHICLE, v.name()) + ", fuel_capacity_l: " + num(v.fuelCapacityL())
                + ", service_interval_h: " + num(v.serviceIntervalH())
                + (v.refuel() == null || v.refuel().tank() == null ? "" : ", tank: "
                    + camp.assetId(v.refuel().tank())));
        }
        for (WaterTankSpec w : s.water()) {
            out.add(head(camp, w.id(), AssetKind.WATER_TANK, w.name()) + ", capacity_l: " + num(w.capacityL())
                + ", strapping: " + strapping(w.strapping()));
            if (w.pump().id() != null) {
                out.add(head(camp, w.pump().id(), AssetKind.WATER_PUMP, w.name() + " pump")
                    + (w.pump().kw() > 0 ? ", rated_kw: " + num(w.pump().kw()) : ""));
            }
        }
        out.add(head(camp, "wx", AssetKind.WEATHER, "Weather station"));
        return out;
    }

    private static String head(CampSpec camp, String local, AssetKind kind, String name) {
        return "id: " + camp.assetId(local) + ", kind: " + kind.code() + ", name: " + text(name);
    }

    private static String strapping(StrappingTable table) {
        List<String> rows = new ArrayList<>();
        for (double[] r : table.rows()) {
            rows.add("[" + num(r[0]) + ", " + num(r[1]) + "]");
        }
        return "[" + String.join(", ", rows) + "]";
    }

    /** A YAML scalar, quoted when plain style could misread it. */
    private static String text(String s) {
        if (s.matches("[A-Za-z][A-Za-z0-9 ._()-]*") && !s.endsWith(" ")) {
            return s;
        }
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%s", v);
    }
}
