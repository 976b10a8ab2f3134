package org.smartcamp.analytics.job;

import java.util.List;
import org.smartcamp.analytics.power.SettingsException;
import org.smartcamp.analytics.store.AnalyticsSettings;
import org.smartcamp.analytics.store.AssetInfo;
import org.smartcamp.analytics.store.Catalog;
import org.smartcamp.analytics.store.CampInfo;

/**
 * Checks the analytics settings of every camp and asset against every analyzer before the job starts: the one
 * behaviour on a bad value, or on a key no analyzer reads, is to refuse it, naming the camp or asset and the key, at
 * startup. (An inventory imported
 * while the job runs is checked by its analyzers at their next pass: a bad value fails that analyzer for that camp
 * or asset, logged and counted.)
 */
public final class SettingsCheck {
    private final List<AssetAnalyzer> assetAnalyzers;
    private final List<CampAnalyzer> campAnalyzers;

    public SettingsCheck(List<AssetAnalyzer> assetAnalyzers, List<CampAnalyzer> campAnalyzers) {
        this.assetAnalyzers = List.copyOf(assetAnalyzers);
        this.campAnalyzers = List.copyOf(campAnalyzers);
    }

    /**
     * Checks every camp's settings and every asset's (merged with its camp's; camp analyzers read asset overrides
     * too, e.g. a generator's fuel curve).
     *
     * @throws SettingsException {@code "camp juba1: power.overloadThreshold: 'high' is not a number"} for the first
     *                           bad value found
     */
    public void check(Catalog catalog) {
        for (CampInfo camp : catalog.camps()) {
            check("camp " + camp.id(), camp.settings());
        }
        for (AssetInfo asset : catalog.assets()) {
            check("asset " + asset.id() + " (camp " + asset.campId() + ")", asset.settings());
        }
    }

    /**
     * Checks one camp's or asset's settings.
     *
     * @throws SettingsException naming {@code subject} and the key
     */
    public void check(String subject, AnalyticsSettings settings) {
        try {
            assetAnalyzers.forEach(a -> a.checkSettings(settings));
            campAnalyzers.forEach(a -> a.checkSettings(settings));
        } catch (SettingsException e) {
            throw new SettingsException(subject + ": " + e.getMessage());
        }
        for (String key : settings.asMap().keySet()) {
            if (assetAnalyzers.stream().noneMatch(a -> a.readsSetting(key))
                && campAnalyzers.stream().noneMatch(a -> a.readsSetting(key))) {
                throw new SettingsException(subject + ": unknown setting " + key + "; no analyzer reads it");
            }
        }
    }
}
