package org.smartcamp.analytics.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.smartcamp.ingest.inventory.Inventory;
import org.smartcamp.ingest.store.StoreException;

/**
 * Reads the registry for the analytics: camps and assets with their typed properties, supply tanks and analytics
 * settings overrides (kept by the inventory importer in {@code attributes.analytics}; an asset's win over its
 * camp's), and the metric names.
 */
public final class AssetCatalog {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OVERRIDES = "analytics";
    private static final TypeReference<Map<String, Object>> ATTRIBUTES = new TypeReference<>() {
    };

    private final DataSource dataSource;

    public AssetCatalog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The registry as it is now.
     *
     * @throws StoreException when the database refuses
     */
    public Catalog load() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            Map<String, CampInfo> camps = new HashMap<>();
            try (ResultSet rs = s.executeQuery(Sql.CAMPS)) {
                while (rs.next()) {
                    CampInfo camp = camp(rs);
                    camps.put(camp.id(), camp);
                }
            }
            List<AssetInfo> assets = new ArrayList<>();
            try (ResultSet rs = s.executeQuery(Sql.ASSETS)) {
                while (rs.next()) {
                    CampInfo camp = camps.get(rs.getString(3));
                    assets.add(asset(rs, camp == null ? AnalyticsSettings.defaults() : camp.settings()));
                }
            }
            Map<Integer, String> metrics = new HashMap<>();
            try (ResultSet rs = s.executeQuery(Sql.METRIC_NAMES)) {
                while (rs.next()) {
                    metrics.put(rs.getInt(1), rs.getString(2));
                }
            }
            return new Catalog(camps.values(), assets, metrics);
        } catch (SQLException e) {
            throw new StoreException("cannot read the asset registry: " + e.getMessage(), e);
        }
    }

    private static CampInfo camp(ResultSet rs) throws SQLException {
        Integer population = (Integer) rs.getObject(4);
        return new CampInfo(rs.getString(1), rs.getString(2), rs.getString(3), population, rs.getString(5),
            AnalyticsSettings.of(overrides(json(rs.getString(6)))));
    }

    private static AssetInfo asset(ResultSet rs, AnalyticsSettings campSettings) throws SQLException {
        JsonNode attributes = json(rs.getString(18));
        Map<String, Object> free = new TreeMap<>(JSON.convertValue(attributes, ATTRIBUTES));
        free.remove(OVERRIDES);
        return new AssetInfo(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            number(rs, 6), number(rs, 7), number(rs, 8), number(rs, 9), number(rs, 10), number(rs, 11),
            strapping(json(rs.getString(12))), number(rs, 13), number(rs, 14), number(rs, 15), number(rs, 16),
            rs.getString(17), free, campSettings.with(overrides(attributes)));
    }

    private static Double number(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static List<Inventory.StrappingPoint> strapping(JsonNode rows) {
        if (!rows.isArray()) {
            return null;
        }
        List<Inventory.StrappingPoint> points = new ArrayList<>();
        rows.forEach(r -> points.add(new Inventory.StrappingPoint(r.get(0).asDouble(), r.get(1).asDouble())));
        return points;
    }

    private static Map<String, String> overrides(JsonNode attributes) {
        Map<String, String> out = new TreeMap<>();
        JsonNode node = attributes.path(OVERRIDES);
        node.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    private static JsonNode json(String text) {
        if (text == null) {
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new StoreException("the registry holds JSON that does not parse: " + e.getOriginalMessage(), e);
        }
    }
}
