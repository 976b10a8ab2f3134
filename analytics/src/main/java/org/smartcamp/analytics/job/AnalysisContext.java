package org.smartcamp.analytics.job;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.smartcamp.analytics.series.Series;
import org.smartcamp.analytics.store.AnalyticsSettings;
import org.smartcamp.analytics.store.AssetInfo;
import org.smartcamp.analytics.store.Rollup;

/**
 * What an {@link AssetAnalyzer} sees in one run: the asset, its camp (with the camp's other assets and their
 * data), the window, the asset's merged settings, and the asset's stored data over
 * {@code [window.loadFrom, window.until)}. Data is loaded on first use and shared by the analyzers of the asset.
 */
public final class AnalysisContext {
    private final AssetInfo asset;
    private final CampContext camp;

    public AnalysisContext(AssetInfo asset, CampContext camp) {
        this.asset = asset;
        this.camp = camp;
    }

    public AssetInfo asset() {
        return asset;
    }

    /** The camp, its other assets and their data over the same window. */
    public CampContext camp() {
        return camp;
    }

    public AnalysisWindow window() {
        return camp.window();
    }

    /** The asset's settings: defaults overridden by its camp, then by itself. */
    public AnalyticsSettings settings() {
        return asset.settings();
    }

    /** The pass time. */
    public Instant now() {
        return camp.now();
    }

    /** The asset's readings of {@code metric} (wire name, e.g. {@code fuel.volume}) over the window. */
    public Series series(String metric) {
        return camp.series(asset, metric);
    }

    /** The asset's hourly rollups of {@code metric} over the window. */
    public List<Rollup> hourly(String metric) {
        return camp.hourly(asset, metric);
    }

    /** The asset's daily rollups of {@code metric} over the window. */
    public List<Rollup> daily(String metric) {
        return camp.daily(asset, metric);
    }

    /** The metrics the asset reported in the window's days. */
    public List<String> metrics() {
        return camp.metrics(asset);
    }

    /** The fuel tank the asset draws from (a generator) or is filled from (a day tank), if the inventory names it. */
    public Optional<AssetInfo> supplyTank() {
        return asset.supplyTankId() == null ? Optional.empty() : camp.asset(asset.supplyTankId());
    }
}
