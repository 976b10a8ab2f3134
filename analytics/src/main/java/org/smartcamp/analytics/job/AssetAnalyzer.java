package org.smartcamp.analytics.job;

import java.time.Duration;
import java.util.Set;
import org.smartcamp.analytics.store.AnalyticsSettings;
import org.smartcamp.analytics.store.AssetInfo;
import org.smartcamp.ingest.catalogue.EventKind;

/**
 * A computation the analytics job runs over one asset's stored data whenever new readings of that asset arrive
 * (a detector, a daily figure, a forecast). Implementations are stateless and thread-safe; everything they need
 * comes from the {@link AnalysisContext}, and everything they find goes into the {@link AnalysisOutput}, which
 * the job stores:
 * <ul>
 *   <li>events: those of {@link #eventKinds()} of this asset starting in {@code [window.decideFrom(), window.until)}
 *       replace the ones stored there before, in one transaction (so a run over more data, e.g. a backlog,
 *       corrects rather than duplicates). An event outside that range or of an undeclared kind is dropped with a
 *       warning. No two analyzers may declare the same kind for the same asset. An event whose start lies before
 *       the data the analyzer saw cannot be decided by it: report only events whose start it saw.</li>
 *   <li>daily figures: upserted for UTC days from {@link AnalysisWindow#firstDay()} on (earlier days are only
 *       partly loaded and are dropped).</li>
 *   <li>current figures: upserted.</li>
 * </ul>
 * Constants come from {@link AnalysisContext#settings()} with documented defaults, so a camp or an asset can
 * override them in the inventory. A runtime exception fails this analyzer for this asset only (logged, counted);
 * a database error fails the pass, which is retried.
 */
public interface AssetAnalyzer {

    /** A stable name for logs, e.g. {@code quality.basic}. */
    String name();

    /** Whether it analyzes {@code asset} (by kind, by properties present ...). */
    boolean appliesTo(AssetInfo asset);

    /** How much data before the start of the changed UTC day it needs to see (none by default). */
    default Duration context(AnalyticsSettings settings) {
        return Duration.ZERO;
    }

    /**
     * Reads every setting it uses from {@code settings} (a camp's overrides, or an asset's merged with its camp's),
     * so that the analytics service refuses a bad value when it starts ({@link SettingsCheck}) rather than this
     * analyzer failing at every pass. By default it reads its {@link #context}.
     *
     * @throws org.smartcamp.analytics.power.SettingsException naming the key of an unknown key of its families or a
     *                                                         bad value
     */
    default void checkSettings(AnalyticsSettings settings) {
        context(settings);
    }

    /**
     * Whether it reads the setting {@code key}: a key that no analyzer reads is refused like a bad value (a typo
     * must not look like success). None by default: an analyzer with settings says which.
     */
    default boolean readsSetting(String key) {
        return false;
    }

    /** The kinds of event it decides about (none by default). */
    default Set<EventKind> eventKinds() {
        return Set.of();
    }

    /** Analyzes the window of {@code ctx}. */
    AnalysisOutput analyze(AnalysisContext ctx);
}
