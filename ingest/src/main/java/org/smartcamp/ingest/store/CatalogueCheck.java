package org.smartcamp.ingest.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.smartcamp.ingest.catalogue.AssetKind;
import org.smartcamp.ingest.catalogue.Metric;

/**
 * Compares the database's {@code asset_kinds} and registered {@code metrics} with the catalogue in code and says
 * where they differ, one line per difference naming the row and the field ({@code metric fuel.volume: unit is 'l'
 * in the database, 'L' in the catalogue}). Empty when they are in step, as after {@link CatalogueSeeder#seed}.
 */
public final class CatalogueCheck {
    private CatalogueCheck() {
    }

    /** Every difference between the database and the catalogue; empty when none. */
    public static List<String> differences(Connection c) throws SQLException {
        return compare(c).stream().map(Difference::text).toList();
    }

    /**
     * Whether {@link CatalogueSeeder#seed} would change a row: a kind or metric of the code missing, or a label,
     * kind or description that differs. A row only the database has, or a metric whose stored unit differs (its
     * values are in that unit), stays as it is, so it does not call for seeding.
     */
    public static boolean seedingChangesRows(Connection c) throws SQLException {
        return compare(c).stream().anyMatch(Difference::seedable);
    }

    private record Difference(String text, boolean seedable) {
    }

    private static List<Difference> compare(Connection c) throws SQLException {
        List<Difference> out = new ArrayList<>();
        Map<String, List<String>> expectedKinds = new LinkedHashMap<>();
        for (AssetKind k : AssetKind.values()) {
            expectedKinds.put(k.code(), List.of(k.label("en"), k.label("fr")));
        }
        expectedKinds.put(AssetKind.UNKNOWN_CODE, List.of("Not in the inventory", "Hors inventaire"));
        compare(out, "asset kind", List.of("label_en", "label_fr"), expectedKinds, rows(c, Sql.ASSET_KINDS));
        Map<String, List<String>> expectedMetrics = new LinkedHashMap<>();
        for (Metric m : Metric.values()) {
            expectedMetrics.put(m.wireName(), List.of(m.unit().symbol(), m.kind().code(), m.description(),
                Boolean.toString(m.personal())));
        }
        compare(out, "metric", List.of("unit", "kind", "description", "personal"), expectedMetrics,
            rows(c, Sql.REGISTERED_METRICS));
        return out;
    }

    private static void compare(List<Difference> out, String what, List<String> fields,
                                Map<String, List<String>> code, Map<String, List<String>> stored) {
        code.forEach((name, values) -> {
            List<String> row = stored.get(name);
            if (row == null) {
                out.add(new Difference(what + " " + name + ": in the catalogue, not in the database", true));
                return;
            }
            for (int i = 0; i < fields.size(); i++) {
                if (!Objects.equals(values.get(i), row.get(i))) {
                    boolean keptUnit = fields.get(i).equals("unit") && row.get(i) != null;
                    out.add(new Difference(what + " " + name + ": " + fields.get(i) + " is '" + row.get(i)
                        + "' in the database, '" + values.get(i) + "' in the catalogue", !keptUnit));
                }
            }
        });
        stored.keySet().stream().filter(name -> !code.containsKey(name)).forEach(name -> out.add(
            new Difference(what + " " + name + ": in the database, not in the catalogue", false)));
    }

    private static Map<String, List<String>> rows(Connection c, String sql) throws SQLException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 2; i <= n; i++) {
                    values.add(rs.getString(i));
                }
                out.put(rs.getString(1), values);
            }
        }
        return out;
    }
}
