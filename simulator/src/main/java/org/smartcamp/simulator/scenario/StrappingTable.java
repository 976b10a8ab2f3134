package org.smartcamp.simulator.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * A tank's strapping table: level in mm to volume in litres, piecewise linear between rows whose levels and
 * volumes both increase. Outside the table the end rows' values apply.
 */
public final class StrappingTable {
    private final double[] levelsMm;
    private final double[] litres;

    /**
     * @param rows {@code [level_mm, litres]} pairs, at least two, both columns strictly increasing
     * @throws IllegalArgumentException otherwise
     */
    public StrappingTable(List<double[]> rows) {
        if (rows.size() < 2) {
            throw new IllegalArgumentException("needs at least two rows");
        }
        levelsMm = new double[rows.size()];
        litres = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            levelsMm[i] = rows.get(i)[0];
            litres[i] = rows.get(i)[1];
            if (i > 0 && (levelsMm[i] <= levelsMm[i - 1] || litres[i] <= litres[i - 1])) {
                throw new IllegalArgumentException("row " + i + " must have a higher level and volume than row "
                    + (i - 1));
            }
        }
    }

    /** A two-row table from 0 to {@code heightMm} and 0 to {@code capacityL} (an upright cylinder). */
    public static StrappingTable linear(double heightMm, double capacityL) {
        return new StrappingTable(List.of(new double[] {0, 0}, new double[] {heightMm, capacityL}));
    }

    /** Litres at {@code levelMm}. */
    public double litres(double levelMm) {
        return interpolate(levelsMm, litres, levelMm);
    }

    /** Level in mm at which the tank holds {@code volumeL}. */
    public double levelMm(double volumeL) {
        return interpolate(litres, levelsMm, volumeL);
    }

    /** The largest volume in the table. */
    public double maxLitres() {
        return litres[litres.length - 1];
    }

    /** The rows as {@code [level_mm, litres]} pairs. */
    public List<double[]> rows() {
        List<double[]> out = new ArrayList<>(levelsMm.length);
        for (int i = 0; i < levelsMm.length; i++) {
            out.add(new double[] {levelsMm[i], litres[i]});
        }
        return out;
    }

    private static double interpolate(double[] xs, double[] ys, double x) {
        if (x <= xs[0]) {
            return ys[0];
        }
        for (int i = 1; i < xs.length; i++) {
            if (x <= xs[i]) {
                double f = (x - xs[i - 1]) / (xs[i] - xs[i - 1]);
                return ys[i - 1] + f * (ys[i] - ys[i - 1]);
            }
        }
        return ys[ys.length - 1];
    }
}
