package org.smartcamp.deploy.accuracy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.smartcamp.ingest.store.StoreException;

/**
 * What a run's fuel accounts say (the figures issue 16 asks to be reported beside the daily fuel): per tank-day the
 * stored {@code fuel_residual_l} and whether it lies within its 95 % uncertainty, and per generator-day the source
 * its {@code fuel_consumed_l} rests on and whether the tank level and the curve disagreed.
 *
 * @param tankDays       tank-days with an account
 * @param within         of them, those whose residual lies within 1.96 sigma
 * @param worstResidualL the largest residual, litres
 * @param meanSigmaL     the mean 1-sigma uncertainty of the residuals, litres
 * @param sources        generator-days per source
 * @param disagreements  generator-days whose tank level and curve disagreed beyond their uncertainty
 * @param meanFuelSigma  the mean 1-sigma uncertainty of a generator-day's fuel as a share of its litres
 */
public record ReconciliationSummary(int tankDays, int within, double worstResidualL, double meanSigmaL,
                                    Map<String, Integer> sources, int disagreements, double meanFuelSigma) {

    /** The summary of the accounts and fuel figures stored in {@code ds}. */
    public static ReconciliationSummary of(DataSource ds) {
        try (Connection c = ds.getConnection()) {
            int days = 0;
            int within = 0;
            double worst = 0;
            double sigma = 0;
            try (PreparedStatement s = c.prepareStatement("SELECT value, (detail->>'within')::boolean, "
                    + "(detail->>'uncertainty_l')::float8 FROM analytics_daily WHERE figure = 'fuel_residual_l' "
                    + "AND value IS NOT NULL"); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    days++;
                    within += rs.getBoolean(2) ? 1 : 0;
                    worst = Math.max(worst, Math.abs(rs.getDouble(1)));
                    sigma += rs.getDouble(3);
                }
            }
            Map<String, Integer> sources = new TreeMap<>();
            int disagree = 0;
            double share = 0;
            int fuelDays = 0;
            try (PreparedStatement s = c.prepareStatement("SELECT detail->>'source', "
                    + "(detail->>'disagreement')::boolean, (detail->>'uncertainty_l')::float8 / nullif(value, 0) "
                    + "FROM analytics_daily WHERE figure = 'fuel_consumed_l' AND subject_kind = 'asset' "
                    + "AND detail IS NOT NULL"); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    sources.merge(rs.getString(1), 1, Integer::sum);
                    disagree += rs.getBoolean(2) ? 1 : 0;
                    double f = rs.getDouble(3);
                    if (!rs.wasNull() && Double.isFinite(f)) {
                        share += f;
                        fuelDays++;
                    }
                }
            }
            return new ReconciliationSummary(days, within, worst, days == 0 ? 0 : sigma / days, sources, disagree,
                fuelDays == 0 ? 0 : share / fuelDays);
        } catch (SQLException e) {
            throw new StoreException("accuracy: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d tank-days, %d within their 95 %% uncertainty, worst residual %.1f L, "
            + "mean sigma %.1f L; generator-days by source %s, %d with tank and curve disagreeing, mean fuel sigma "
            + "%.2f %%", tankDays, within, worstResidualL, meanSigmaL, sources, disagreements, 100 * meanFuelSigma);
    }
}
