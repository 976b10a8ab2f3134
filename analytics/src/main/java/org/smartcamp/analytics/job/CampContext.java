package org.smartcamp.analytics.job;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.smartcamp.analytics.series.Series;
import org.smartcamp.analytics.store.AnalyticsSettings;
import org.smartcamp.analytics.store.AssetInfo;
import org.smartcamp.analytics.store.CampInfo;
import org.smartcamp.analytics.store.Rollup;
import org.smartcamp.analytics.store.SeriesSource;

/**
 * What an analyzer sees of a camp in one run: the camp, its assets, the window, the camp's settings, and the stored
 * data of any of its assets over {@code [window.loadFrom, window.until)}.
 */
public final class CampContext {
    private final CampInfo camp;
    private final List<AssetInfo> assets;
    private final AnalysisWindow window;
    private final SeriesSource source;
    private List<Instant> activity;

    /** A context over {@code source}: the store's data in the job, in-memory data in tests. */
    public CampContext(CampInfo camp, List<AssetInfo> assets, AnalysisWindow window, SeriesSource source) {
        this.camp = camp;
        this.assets = List.copyOf(assets);
        this.window = window;
        this.source = source;
    }

    public CampInfo camp() {
        return camp;
    }

    /** Every asset of the camp. */
    public List<AssetInfo> assets() {
        return assets;
    }

    /** The camp's asset {@code id}, if it has one. */
    public Optional<AssetInfo> asset(String id) {
        return assets.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    public AnalysisWindow window() {
        return window;
    }

    /** The camp's analytics settings overrides. */
    public AnalyticsSettings settings() {
        return camp.settings();
    }

    /** The pass time. */
    public Instant now() {
        return window.now();
    }

    /** The readings of {@code metric} of {@code asset} over the window. */
    public Series series(AssetInfo asset, String metric) {
        return source.series(asset, metric, window.loadFrom(), window.until());
    }

    /** The hourly rollups of {@code metric} of {@code asset} over the window. */
    public List<Rollup> hourly(AssetInfo asset, String metric) {
        return source.rollups(asset, metric, false, window.loadFrom(), window.until());
    }

    /** The daily rollups of {@code metric} of {@code asset} over the window. */
    public List<Rollup> daily(AssetInfo asset, String metric) {
        return source.rollups(asset, metric, true, window.loadFrom(), window.until());
    }

    /** The metrics {@code asset} reported in the window's days. */
    public List<String> metrics(AssetInfo asset) {
        return source.metrics(asset, window.loadFrom(), window.until());
    }

    /** The five-minute bins of the window in which any asset of the camp reported (loaded once). */
    public List<Instant> activity() {
        if (activity == null) {
            activity = List.copyOf(source.activity(assets, window.loadFrom(), window.until()));
        }
        return activity;
    }
}
