package org.smartcamp.analytics.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsReaderTest {
    private static final Map<String, String> DEFAULTS = Map.of("x.window", "15m", "x.names", "a, b,,c",
        "x.limit.*", "", "x.ratio", "0.5");

    @Test
    void durationsInShortAndIsoForms() {
        SettingsReader r = new SettingsReader("x.", DEFAULTS, Map.of("x.window", "1d6h30m"));

        assertThat(r.duration("window")).isEqualTo(Duration.ofHours(30).plusMinutes(30));
        assertThat(new SettingsReader("x.", DEFAULTS, Map.of("x.window", "PT90S")).duration("window"))
            .isEqualTo(Duration.ofSeconds(90));
        assertThat(new SettingsReader("x.", DEFAULTS, Map.of("x.window", "1.5h")).duration("window"))
            .isEqualTo(Duration.ofMinutes(90));
        assertThatThrownBy(() -> new SettingsReader("x.", DEFAULTS, Map.of("x.window", "0s")).duration("window"))
            .hasMessage("x.window: '0s' must be a positive duration");
    }

    @Test
    void namesAndOpenFamilies() {
        SettingsReader r = new SettingsReader("x.", DEFAULTS, Map.of("x.limit.fuel.level", "5m"));

        assertThat(r.names("names")).isEqualTo(List.of("a", "b", "c"));
        assertThat(r.family("limit")).isEqualTo(Map.of("fuel.level", "5m"));
        assertThat(r.familyDuration("limit", "fuel.level")).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void rangesAreChecked() {
        SettingsReader r = new SettingsReader("x.", DEFAULTS, Map.of("x.ratio", "1.5"));

        assertThatThrownBy(() -> r.number("ratio", 0, 1)).isInstanceOf(SettingsException.class)
            .hasMessage("x.ratio: '1.5' must be between 0.0 and 1.0");
        assertThatThrownBy(() -> new SettingsReader("x.", DEFAULTS, Map.of("x.ratio", "NaN")).number("ratio"))
            .hasMessage("x.ratio: 'NaN' is not a finite number");
    }

    @Test
    void aBadDurationIsRefusedNamingTheKeyAndAnEmptyOptionalOneIsNone() {
        assertThatThrownBy(() -> new SettingsReader("x.", DEFAULTS, Map.of("x.window", "soon")).duration("window"))
            .isInstanceOf(SettingsException.class).hasMessageStartingWith("x.window: 'soon' is not a duration");
        assertThatThrownBy(() -> new SettingsReader("x.", DEFAULTS, Map.of("x.limit.fuel.level", "-5m"))
            .familyDuration("limit", "fuel.level"))
            .isInstanceOf(SettingsException.class).hasMessageStartingWith("x.limit.fuel.level: '-5m' is not");
        assertThat(new SettingsReader("x.", Map.of("x.every", ""), Map.of()).optionalDuration("every")).isNull();
        assertThat(new SettingsReader("x.", Map.of("x.every", ""), Map.of("x.every", "2m")).optionalDuration("every"))
            .isEqualTo(Duration.ofMinutes(2));
    }
}
