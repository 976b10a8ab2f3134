package org.smartcamp.deploy.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.smartcamp.ingest.inventory.InventoryImporter;
import org.smartcamp.ingest.inventory.InventoryLoader;
import org.smartcamp.simulator.inventory.InventoryWriter;
import org.smartcamp.simulator.scenario.CampSpec;
import org.smartcamp.simulator.scenario.GatewaySpec;
import org.smartcamp.simulator.scenario.MissionSpec;
import org.smartcamp.simulator.scenario.Scenario;
import org.smartcamp.simulator.scenario.ScenarioLoader;

/**
 * Registers the API bench's camps: copies of the bundled scenarios' camps (small outpost, battalion camp,
 * logistics hub in turn) with their generators, tanks, PV, batteries, vehicles and water tanks, spread over up to
 * three missions, written by the simulator's inventory writer and imported by the store's inventory importer.
 */
final class BenchInventory {
    private static final List<MissionSpec> MISSIONS = List.of(new MissionSpec("unmiss", "UN Mission in South Sudan"),
        new MissionSpec("minusca", "UN Mission in the Central African Republic"),
        new MissionSpec("monusco", "UN Mission in the Democratic Republic of the Congo"));
    private static final int CAMPS_PER_MISSION = 4;

    /** An asset as stored: its ref (the readings key), id and kind. */
    record Asset(int ref, String id, String kind) {
    }

    /** A registered camp with its assets and its scenario's gateway ids. */
    record Camp(String id, String mission, List<Asset> assets, List<String> gateways) {
        List<Asset> ofKind(String kind) {
            return assets.stream().filter(a -> a.kind().equals(kind)).toList();
        }
    }

    private BenchInventory() {
    }

    /** Registers {@code camps} camps and returns them as stored. */
    static List<Camp> register(DataSource dataSource, int camps) throws SQLException {
        int missions = Math.min(MISSIONS.size(), (camps + CAMPS_PER_MISSION - 1) / CAMPS_PER_MISSION);
        InventoryImporter importer = new InventoryImporter(dataSource);
        Map<String, Camp> byId = new LinkedHashMap<>();
        for (int i = 0; i < camps; i++) {
            Scenario s = scenario(i, MISSIONS.get(i % missions));
            importer.importInventory(InventoryLoader.parse(s.camp().id(), InventoryWriter.yaml(s)));
            byId.put(s.camp().id(), new Camp(s.camp().id(), s.mission().id(), new ArrayList<>(),
                s.gateways().stream().map(GatewaySpec::id).toList()));
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT ref, id, camp_id, kind FROM assets ORDER BY ref");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                byId.get(rs.getString(3)).assets().add(new Asset(rs.getInt(1), rs.getString(2), rs.getString(4)));
            }
        }
        return List.copyOf(byId.values());
    }

    /** Camp {@code i}: a copy of a bundled scenario's camp under its own id, a little apart from the others. */
    private static Scenario scenario(int i, MissionSpec mission) {
        Scenario base = ScenarioLoader.load(ScenarioLoader.BUNDLED.get(i % ScenarioLoader.BUNDLED.size()));
        CampSpec c = base.camp();
        CampSpec camp = new CampSpec(String.format("%s-%02d", c.id(), i + 1), c.name() + " " + (i + 1),
            c.latitude() + 0.01 * i, c.longitude() + 0.01 * i, c.population());
        return new Scenario(base.header(), mission, camp, base.environment(), base.plant(), base.vehicles(),
            base.water(), base.gateways(), base.events());
    }
}
