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

    /**
     * The 1-sigma error (litres) of reading {@code volume} by straight lines between the table's rows: the largest
     * error of a straight line across a row's segment is about a quarter of how far the rows around it bend away
     * from the chord (exact for a locally quadratic tank), taken as uniform within that bound. Zero for a table of
     * two rows or one that is straight there (a vertical cylinder); larger where the rows are far apart on a
     * curved wall (a horizontal cylinder near its bottom and top).
     */
    public double interpolationSigma(double volume) {
        int seg = segment(volume);
        double bend = Math.max(bend(seg - 1), bend(seg));
        return bend / 4 / Math.sqrt(3);
    }

    /**
     * The 1-sigma error (litres) of the difference {@code to - from} read through the table. Within one segment the
     * straight line's error is a bump that is zero at both rows and peaks mid-segment, so the errors at two levels
     * in the same segment largely cancel: their difference is at most the bump's peak, and at most its steepest slope
     * (four times the peak over the segment's width) times the litres between them. Levels in different segments are
     * taken as independent.
     */
    public double differenceSigma(double from, double to) {
        int a = segment(from);
        int b = segment(to);
        if (a != b) {
            return Math.hypot(interpolationSigma(from), interpolationSigma(to));
        }
        double width = litres[a] - litres[a - 1];
        double slope = 4 * interpolationSigma(from) / width;
        return Math.min(interpolationSigma(from), slope * Math.abs(to - from));
    }

    /** The segment (index of its upper row) that {@code volume} lies in. */
    private int segment(double volume) {
        int seg = 1;
        while (seg < litres.length - 1 && volume > litres[seg]) {
            seg++;
        }
        return seg;
    }

    /** How far row {@code i} lies from the chord of its neighbours, litres (0 at the ends). */
    private double bend(int i) {
        if (i <= 0 || i >= litres.length - 1) {
            return 0;
        }
        double f = (levelsMm[i] - levelsMm[i - 1]) / (levelsMm[i + 1] - levelsMm[i - 1]);
        return Math.abs(litres[i] - (litres[i - 1] + f * (litres[i + 1] - litres[i - 1])));
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
