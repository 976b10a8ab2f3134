package org.smartcamp.analytics.job;

import java.time.Duration;
import java.util.Set;
import org.smartcamp.analytics.store.AnalyticsSettings;
import org.smartcamp.analytics.store.CampInfo;
import org.smartcamp.ingest.catalogue.EventKind;

/**
 * A computation over a whole camp (camp totals, outages, renewable fraction), run after the asset analyzers
 * whenever new readings of any of the camp's assets arrive. The contract is that of {@link AssetAnalyzer}, with
 * events replaced for every asset of the camp, and the window spanning the camp's changes.
 */
public interface CampAnalyzer {

    /** A stable name for logs, e.g. {@code camp.energy}. */
    String name();

    /** Whether it analyzes {@code camp}. */
    default boolean appliesTo(CampInfo camp) {
        return true;
    }

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
    AnalysisOutput analyze(CampContext ctx);
}
