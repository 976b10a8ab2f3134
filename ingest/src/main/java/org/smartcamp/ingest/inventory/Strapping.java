package org.smartcamp.ingest.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reads and checks a strapping table: rows {@code [level_mm, litres]}, both strictly increasing from level 0. */
final class Strapping {
    private Strapping() {
    }

    static List<Inventory.StrappingPoint> read(InventoryNode asset) {
        if (!asset.has("strapping")) {
            return null;
        }
        List<InventoryNode> rows = asset.list("strapping");
        if (rows.size() < 2) {
            throw asset.error("strapping", "needs at least two rows [level_mm, litres]");
        }
        List<Inventory.StrappingPoint> points = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i).json();
            if (!row.isArray() || row.size() != 2 || !row.get(0).isNumber() || !row.get(1).isNumber()) {
                throw asset.error("strapping[" + i + "]", "must be a pair of numbers [level_mm, litres]");
            }
            Inventory.StrappingPoint p = new Inventory.StrappingPoint(row.get(0).asDouble(), row.get(1).asDouble());
            if (p.levelMm() < 0 || p.litres() < 0) {
                throw asset.error("strapping[" + i + "]", "level and litres must not be negative");
            }
            if (!points.isEmpty() && (p.levelMm() <= last(points).levelMm() || p.litres() <= last(points).litres())) {
                throw asset.error("strapping[" + i + "]", "level and litres must both increase from row to row");
            }
            points.add(p);
        }
        return points;
    }

    private static Inventory.StrappingPoint last(List<Inventory.StrappingPoint> points) {
        return points.get(points.size() - 1);
    }
}
