package org.smartcamp.ingest.inventory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.smartcamp.ingest.catalogue.AssetKind;
import org.smartcamp.ingest.wire.TopicAddress;

/**
 * Reads an inventory file (YAML, or JSON, which is YAML too) and checks it completely before anything is
 * imported: ids, required properties per asset kind, numeric ranges, strapping tables, unknown fields (a typo
 * must not silently drop a setting) and ids used twice.
 */
public final class InventoryLoader {
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
        .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
    private static final Set<String> COMMON = Set.of("id", "kind", "name", "attributes", "analytics", "sparkplug");

    private final Set<String> campIds = new HashSet<>();
    private final SparkplugNames.Builder sparkplug = new SparkplugNames.Builder();
    /** The asset ids of the camp being read: ids are unique within their camp, two camps may share one. */
    private final Set<String> assetIds = new HashSet<>();

    private InventoryLoader() {
    }

    /**
     * Loads and validates {@code file}.
     *
     * @throws InventoryException naming the file and field when it cannot be read or is invalid
     */
    public static Inventory load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new InventoryException(file + ": cannot read the inventory file: " + e.getMessage(), e);
        }
        return parse(file.toString(), text);
    }

    /** Parses inventory text; {@code name} is used in error messages. */
    public static Inventory parse(String name, String text) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InventoryException(name + ": not valid YAML or JSON: " + e.getOriginalMessage()
                + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        }
        if (root == null || !root.isObject()) {
            throw new InventoryException(name + ": the inventory must be a mapping with a 'missions' list");
        }
        return new InventoryLoader().inventory(new InventoryNode(name, "", root));
    }

    private Inventory inventory(InventoryNode root) {
        root.onlyFields(Set.of("missions", "sparkplug"));
        sparkplug.metrics(root);
        if (!root.has("missions")) {
            throw root.error("missions", "is required");
        }
        List<Inventory.Mission> missions = new ArrayList<>();
        Set<String> missionIds = new HashSet<>();
        for (InventoryNode m : root.list("missions")) {
            m.onlyFields(Set.of("id", "name", "camps"));
            String id = id(m, missionIds);
            List<Inventory.Camp> camps = new ArrayList<>();
            for (InventoryNode c : m.list("camps")) {
                camps.add(camp(c));
                sparkplug.camp(c, id, camps.get(camps.size() - 1));
            }
            missions.add(new Inventory.Mission(id, nameOr(m, id), camps));
        }
        return new Inventory(missions, sparkplug.build());
    }

    private Inventory.Camp camp(InventoryNode c) {
        c.onlyFields(Set.of("id", "name", "latitude", "longitude", "population", "timezone", "analytics",
            "assets", "auto_register", "strict_metrics", "sparkplug"));
        String id = id(c, campIds);
        assetIds.clear();
        Double lat = c.number("latitude", false, -90, false, 90);
        Double lon = c.number("longitude", false, -180, false, 180);
        if ((lat == null) != (lon == null)) {
            throw c.error(lat == null ? "latitude" : "longitude", "latitude and longitude go together");
        }
        Double population = c.number("population", false, 0, false, 1e7);
        String zone = c.text("timezone", false);
        if (zone != null) {
            try {
                java.time.ZoneId.of(zone);
            } catch (java.time.DateTimeException e) {
                throw c.error("timezone", "'" + zone + "' is not a time zone id such as Africa/Juba");
            }
        }
        List<InventoryNode> nodes = c.list("assets");
        List<Inventory.Asset> assets = new ArrayList<>();
        for (InventoryNode a : nodes) {
            assets.add(asset(a));
        }
        checkSupplyTanks(id, nodes, assets);
        return new Inventory.Camp(id, nameOr(c, id), lat, lon, population == null ? null : population.intValue(),
            zone, AnalyticsOverrides.read(c), assets, c.bool("auto_register"), c.bool("strict_metrics"));
    }

    /** A supply tank must be another fuel tank of the same camp. */
    private static void checkSupplyTanks(String campId, List<InventoryNode> nodes, List<Inventory.Asset> assets) {
        Map<String, AssetKind> kinds = new HashMap<>();
        assets.forEach(a -> kinds.put(a.id(), a.kind()));
        for (int i = 0; i < assets.size(); i++) {
            Inventory.Asset a = assets.get(i);
            String tank = a.supplyTankId();
            if (tank != null && (tank.equals(a.id()) || kinds.get(tank) != AssetKind.FUEL_TANK)) {
                throw nodes.get(i).error(a.kind().supplyField().orElseThrow(), "'" + tank + "' is not "
                    + (tank.equals(a.id()) ? "another" : "a") + " fuel_tank of camp " + campId);
            }
        }
    }

    private Inventory.Asset asset(InventoryNode a) {
        if (!a.isObject()) {
            throw a.error(null, "must be a mapping");
        }
        String id = id(a, assetIds);
        AssetKind kind;
        try {
            kind = AssetKind.fromCode(a.text("kind", true));
        } catch (IllegalArgumentException e) {
            throw a.error("kind", e.getMessage());
        }
        Set<String> allowed = new HashSet<>(COMMON);
        allowed.addAll(kind.inventoryFields());
        a.onlyFields(allowed);
        return new Inventory.Asset(id, kind, a.text("name", false),
            a.number("rated_kw", kind.requires("rated_kw"), 0, true, 1e6),
            a.number("rated_kva", false, 0, true, 1e6), fuelCurve(a),
            a.number("capacity_l", kind.requires("capacity_l"), 0, true, 1e9),
            a.number("unusable_l", false, 0, false, 1e9), Strapping.read(a),
            a.number("rated_kwp", kind.requires("rated_kwp"), 0, true, 1e6),
            a.number("capacity_kwh", kind.requires("capacity_kwh"), 0, true, 1e7),
            a.number("fuel_capacity_l", false, 0, true, 1e6),
            a.number("service_interval_h", false, 0, true, 1e6), supplyTank(a, kind), attributes(a),
            AnalyticsOverrides.read(a));
    }

    private static String supplyTank(InventoryNode a, AssetKind kind) {
        String field = kind.supplyField().orElse(null);
        if (field == null || !a.has(field)) {
            return null;
        }
        String tank = a.text(field, true);
        if (!TopicAddress.ID.matcher(tank).matches()) {
            throw a.error(field, "'" + tank + "' is not an asset id");
        }
        return tank;
    }

    private static Inventory.FuelCurve fuelCurve(InventoryNode a) {
        InventoryNode curve = a.object("fuel_curve");
        if (curve == null) {
            return null;
        }
        curve.onlyFields(Set.of("f0", "f1", "datasheet"));
        if (curve.has("datasheet")) {
            if (curve.has("f0") || curve.has("f1")) {
                throw curve.error("datasheet", "give either f0/f1 or a datasheet, not both");
            }
            return FuelCurveFit.fit(curve, a.number("rated_kw", true, 0, true, 1e6));
        }
        return new Inventory.FuelCurve(curve.number("f0", true, 0, false, 1),
            curve.number("f1", true, 0, false, 2));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> attributes(InventoryNode a) {
        InventoryNode attributes = a.object("attributes");
        if (attributes != null && attributes.has(AnalyticsOverrides.FIELD)) {
            throw attributes.error(AnalyticsOverrides.FIELD, "is reserved; give settings overrides in the asset's"
                + " own 'analytics' field");
        }
        return attributes == null ? Map.of() : YAML.convertValue(attributes.json(), Map.class);
    }

    private static String id(InventoryNode n, Set<String> seen) {
        String id = n.text("id", true);
        if (!TopicAddress.ID.matcher(id).matches()) {
            throw n.error("id", "'" + id + "' must match " + TopicAddress.ID.pattern()
                + " (lower case, digits, '.', '_', '-'; at most 64)");
        }
        if (!seen.add(id)) {
            throw n.error("id", "'" + id + "' is used twice");
        }
        return id;
    }

    private static String nameOr(InventoryNode n, String id) {
        String name = n.text("name", false);
        return name == null ? id : name;
    }
}
