package org.smartcamp.analytics.fuel;

import java.util.List;
import org.smartcamp.ingest.inventory.Inventory;

/**
 * A tank's strapping table: level in mm to litres, piecewise linear between rows whose level and litres both
 * increase; beyond the table the end rows apply. Immutable.
 */
public final class StrappingTable {
    private final double[] levelsMm;
    private final double[] litres;

    /**
     * @throws IllegalArgumentException with fewer than two rows or rows that do not both increase
     */
    public StrappingTable(List<Inventory.StrappingPoint> rows) {
        if (rows.size() < 2) {
            throw new IllegalArgumentException("a strapping table needs at least two rows");
        }
        levelsMm = new double[rows.size()];
        litres = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            levelsMm[i] = rows.get(i).levelMm();
            litres[i] = rows.get(i).litres();
            if (i > 0 && (levelsMm[i] <= levelsMm[i - 1] || litres[i] <= litres[i - 1])) {
                throw new IllegalArgumentException("strapping row " + i + " must have a higher level and volume");
            }
        }
    }

    /** Litres at {@code levelMm}. */
    public double litres(double levelMm) {
        if (levelMm <= levelsMm[0]) {
            return litres[0];
        }
        for (int i = 1; i < levelsMm.length; i++) {
            if (levelMm <= levelsMm[i]) {
                double f = (levelMm - levelsMm[i - 1]) / (levelsMm[i] - levelsMm[i - 1]);
                return litres[i - 1] + f * (litres[i] - litres[i - 1]);
            }
        }
        return litres[litres.length - 1];
    }
}
