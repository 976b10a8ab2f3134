package org.smartcamp.analytics.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AnalyticsSettingsTest {

    @Test
    void anAssetsOverrideWinsOverItsCampsWhichWinsOverTheDefault() {
        AnalyticsSettings camp = AnalyticsSettings.of(Map.of("fuel.theftMinLitres", "30", "quality.staleAfter", "45m"));
        AnalyticsSettings asset = camp.with(Map.of("fuel.theftMinLitres", "20"));

        assertThat(camp.asMap()).containsEntry("fuel.theftMinLitres", "30");
        assertThat(asset.asMap()).containsOnly(Map.entry("fuel.theftMinLitres", "20"),
            Map.entry("quality.staleAfter", "45m"));
        assertThat(AnalyticsSettings.defaults().with(Map.of())).isSameAs(AnalyticsSettings.defaults());
    }

    @Test
    void onlyKeepsTheNamedKeysOfASharedFamily() {
        AnalyticsSettings s = AnalyticsSettings.of(Map.of("quality.staleAfter", "45m", "quality.flatlineWindow", "2h",
            "fuel.theftMinLitres", "20"));

        assertThat(s.only(Set.of("quality.staleAfter", "quality.context")))
            .containsOnly(Map.entry("quality.staleAfter", "45m"));
    }
}
