package org.smartcamp.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DurationsTest {

    /** Every form the configuration, the inventories, the scenarios and the command line used before. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "250ms | 250",
        "200ms | 200",
        "30s | 30000",
        "5m | 300000",
        "2h | 7200000",
        "1d | 86400000",
        "7d | 604800000",
        "2d6h30m | 196200000",
        "1d6h | 108000000",
        "1m30s | 90000",
        "1.5h | 5400000",
        "0.5s | 500",
        "30 s | 30000",
        "' 12h ' | 43200000",
        "90S | 90000",
        "2H | 7200000",
        "PT5M | 300000",
        "PT10S | 10000",
        "pt15m | 900000",
        "P1DT6H | 108000000",
        "P2D | 172800000",
        "PT0.25S | 250",
        "0s | 0",
        "PT0S | 0",
    })
    void readsEveryDocumentedForm(String text, long millis) {
        assertThat(Durations.parse("k", text)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "soon", "a week", "5", "m", "5 minutes", "5min", "1w", "-5m", "5m-", "PT-5M",
        "-PT5M", "P", "1.h", ".5h", "1,5h", "5m 30s", "9999999999999999999d", "P1Y", "NaNs"})
    void refusesEverythingElseNamingTheKey(String text) {
        assertThatThrownBy(() -> Durations.parse("analytics.interval", text))
            .isInstanceOf(InvalidDurationException.class)
            .hasMessage("analytics.interval: '" + text + "' is not a duration (e.g. " + Durations.EXAMPLES + ")")
            .satisfies(e -> assertThat(((InvalidDurationException) e).key()).isEqualTo("analytics.interval"));
    }

    @Test
    void refusesNullAndAbsurdlyLongText() {
        assertThatThrownBy(() -> Durations.parse("--live", null)).hasMessageStartingWith("--live: 'null' is not");
        assertThatThrownBy(() -> Durations.parse("k", "1s".repeat(40))).isInstanceOf(InvalidDurationException.class);
    }

    @Test
    void aPositiveDurationRefusesZeroNamingTheKey() {
        assertThat(Durations.parsePositive("k", "1ms")).isEqualTo(Duration.ofMillis(1));
        assertThatThrownBy(() -> Durations.parsePositive("job.fuelContext", "0s"))
            .isInstanceOf(InvalidDurationException.class)
            .hasMessage("job.fuelContext: '0s' must be a positive duration");
        assertThatThrownBy(() -> Durations.parsePositive("k", "PT0S")).hasMessageContaining("positive");
    }

    @Test
    void theProblemLeavesTheKeyToTheCaller() {
        assertThatThrownBy(() -> Durations.parse("events[0].at", "soon"))
            .satisfies(e -> assertThat(((InvalidDurationException) e).problem())
                .isEqualTo("'soon' is not a duration (e.g. " + Durations.EXAMPLES + ")"));
    }

    @ParameterizedTest
    @CsvSource({"0, 0s", "90000, 1m30s", "196200000, 2d6h30m", "250, 250ms", "86400001, 1d1ms"})
    void formatsTheShortestTextThatReadsBack(long millis, String text) {
        assertThat(Durations.format(Duration.ofMillis(millis))).isEqualTo(text);
        assertThat(Durations.parse("k", text)).isEqualTo(Duration.ofMillis(millis));
    }
}
