package org.smartcamp.ingest.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Fits the linear fuel curve {@code F = f0 * rated + f1 * P} to datasheet points (load %, litres per hour) by
 * ordinary least squares: f1 is the slope in L/kWh, f0 the intercept per rated kW.
 */
final class FuelCurveFit {
    private FuelCurveFit() {
    }

    static Inventory.FuelCurve fit(InventoryNode curve, double ratedKw) {
        List<InventoryNode> rows = curve.list("datasheet");
        if (rows.size() < 2) {
            throw curve.error("datasheet", "needs at least two rows [load_percent, litres_per_hour]");
        }
        double n = rows.size();
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i).json();
            if (!row.isArray() || row.size() != 2 || !row.get(0).isNumber() || !row.get(1).isNumber()
                    || row.get(0).asDouble() <= 0 || row.get(0).asDouble() > 110 || row.get(1).asDouble() <= 0) {
                throw curve.error("datasheet[" + i + "]",
                    "must be [load_percent in (0, 110], litres_per_hour > 0]");
            }
            double x = row.get(0).asDouble() / 100 * ratedKw;
            double y = row.get(1).asDouble();
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        double denominator = n * sxx - sx * sx;
        if (denominator == 0) {
            throw curve.error("datasheet", "needs at least two different loads");
        }
        double slope = (n * sxy - sx * sy) / denominator;
        double intercept = (sy - slope * sx) / n;
        if (slope <= 0 || intercept < 0) {
            throw curve.error("datasheet", "does not give a fuel curve with positive slope and intercept");
        }
        return new Inventory.FuelCurve(intercept / ratedKw, slope);
    }
}
