package org.smartcamp.analytics.job.standard;

import java.util.List;
import org.smartcamp.analytics.job.AssetAnalyzer;
import org.smartcamp.analytics.job.CampAnalyzer;
import org.smartcamp.analytics.job.basic.DataQualityAnalyzer;
import org.smartcamp.analytics.store.DeliverySource;

/**
 * The analyzers the analytics job runs: data quality (completeness, stale and flat-lined sensors), asset
 * utilization, camp power and camp fuel. The launcher's {@code analytics} and {@code demo} commands take them
 * from here, so an analyzer added here runs everywhere.
 */
public final class StandardAnalyzers {
    private StandardAnalyzers() {
    }

    /** The per-asset analyzers. */
    public static List<AssetAnalyzer> assets() {
        return List.of(new DataQualityAnalyzer(), new FlatlineAnalyzer(), new UsageAnalyzer());
    }

    /** The per-camp analyzers; the fuel analyzer reconciles refuels with {@code deliveries}. */
    public static List<CampAnalyzer> camps(DeliverySource deliveries) {
        return List.of(new PowerAnalyzer(), new FuelAnalyzer(deliveries));
    }
}
