package org.smartcamp.analytics.job;

import java.util.Map;
import org.smartcamp.analytics.store.AnalyticsSettings;
import org.smartcamp.analytics.store.AssetInfo;
import org.smartcamp.analytics.store.CampInfo;

/** Assets and camps for analyzer tests. */
public final class Fixtures {
    private Fixtures() {
    }

    /** A camp with these settings overrides. */
    public static CampInfo camp(String id, Map<String, String> settings) {
        return new CampInfo(id, "m", id, null, null, AnalyticsSettings.of(settings));
    }

    /** A generator of {@code ratedKw} with these settings. */
    public static AssetInfo generator(int ref, String id, String campId, double ratedKw, Map<String, String> settings) {
        return new AssetInfo(ref, id, campId, "generator", id, ratedKw, null, null, null, null, null, null, null, null,
            null, null, null, Map.of(), AnalyticsSettings.of(settings));
    }

    /** An asset of {@code kind} without typed properties. */
    public static AssetInfo asset(int ref, String id, String campId, String kind) {
        return new AssetInfo(ref, id, campId, kind, id, null, null, null, null, null, null, null, null, null, null,
            null, null, Map.of(), AnalyticsSettings.defaults());
    }
}
