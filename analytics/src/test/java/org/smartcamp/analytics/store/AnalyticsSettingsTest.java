package org.smartcamp.analytics.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnalyticsSettingsTest {

    @Test
    void anAssetsOverrideWinsOverItsCampsWhichWinsOverTheDefault() {
        AnalyticsSettings camp = AnalyticsSettings.of(Map.of("fuel.theftMinLitres", "30", "quality.staleAfter", "45m"));
        AnalyticsSettings asset = camp.with(Map.of("fuel.theftMinLitres", "20"));

        assertThat(asset.number("fuel.theftMinLitres", 50)).isEqualTo(20);
        assertThat(camp.number("fuel.theftMinLitres", 50)).isEqualTo(30);
        assertThat(asset.duration("quality.staleAfter", Duration.ofMinutes(30))).isEqualTo(Duration.ofMinutes(45));
        assertThat(asset.number("power.lowLoadFraction", 0.4)).isEqualTo(0.4);
        assertThat(asset.asMap()).containsOnly(Map.entry("fuel.theftMinLitres", "20"),
            Map.entry("quality.staleAfter", "45m"));
    }

    @Test
    void durationsNumbersAndFlagsParseAndABadValueFallsBackToTheDefault() {
        AnalyticsSettings s = AnalyticsSettings.of(Map.of("a", "1.5h", "b", "PT90S", "c", "2d", "d", "soon",
            "e", "-3m", "n", "abc", "f", "TRUE", "g", "maybe"));

        assertThat(s.duration("a", null)).isEqualTo(Duration.ofMinutes(90));
        assertThat(s.duration("b", null)).isEqualTo(Duration.ofSeconds(90));
        assertThat(s.duration("c", null)).isEqualTo(Duration.ofDays(2));
        assertThat(s.duration("d", Duration.ofMinutes(7))).isEqualTo(Duration.ofMinutes(7));
        assertThat(s.duration("e", Duration.ofMinutes(7))).isEqualTo(Duration.ofMinutes(7));
        assertThat(s.number("n", 4)).isEqualTo(4);
        assertThat(s.flag("f", false)).isTrue();
        assertThat(s.flag("g", false)).isFalse();
        assertThat(s.text("x", "default")).isEqualTo("default");
    }
}
