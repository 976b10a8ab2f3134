package org.smartcamp.api.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.smartcamp.ingest.catalogue.EventKind;

/** Events' explanations written again from their figures, in English and in French with French numbers. */
class EventExplanationTest {
    private static final String START = "2026-03-04T10:00:00Z";
    private static final String END = "2026-03-04T10:20:00Z";
    /** Every figure some detector writes, so that each kind finds what its sentence needs. */
    private static final JsonObject ALL = new JsonObject().put("litres", 1234.5).put("level_before_l", 8993.0)
        .put("level_after_l", 10227.5).put("expected_outflow_l", 12.0).put("threshold_l", 150.0)
        .put("delivered_l", 5000.0).put("measured_l", 4600.0).put("shortfall_l", 400.0).put("tolerance", 0.02)
        .put("litres_per_day", 14.3).put("loss_l_per_day_2026-03-04", 14.0).put("loss_l_per_day_2026-03-05", 14.5)
        .put("cusum", 6.2).put("cusum_k_l_per_day", 5.0).put("running_h", 3.25).put("load_factor_mean", 0.25)
        .put("load_factor_max", 0.4).put("threshold", 0.3).put("fuel_lost_l", 2.5).put("wet_stacking_risk", 1.0)
        .put("fuel_l", 1500.0).put("expected_fuel_l", 1300.0).put("excess_ratio", 0.1538).put("threshold_ratio", 0.1)
        .put("duration_h", 1.5).put("hours", 26.0).put("expected_interval_s", 60.0).put("camp_coverage", 0.97)
        .put("value", 42.0);

    private final EventExplanation explain = EventExplanation.load();

    private String say(String lang, String kind, JsonObject figures) {
        return explain.text(lang, kind, START, END, new JsonObject().put("metric", "fuel.volume")
            .put("figures", figures));
    }

    @Test
    void everyKindIsExplainedInBothLanguages() {
        for (EventKind kind : EventKind.values()) {
            String en = say("en", kind.id(), ALL);
            String fr = say("fr", kind.id(), ALL);
            assertThat(en).as("English of %s", kind.id()).isNotBlank().doesNotContain("{");
            assertThat(fr).as("French of %s", kind.id()).isNotBlank().doesNotContain("{").isNotEqualTo(en);
        }
        assertThat(Arrays.stream(EventKind.values()).count()).isEqualTo(10);
    }

    @Test
    void aTheftSaysItsLitresAndTimesForTheLanguage() {
        JsonObject theft = ALL.copy().put("litres", 1234.5).put("threshold_l", 150.0);
        assertThat(say("en", "theft", theft)).isEqualTo(("1,235 L went missing between 10:00 and 10:20 UTC: the level"
            + " fell from 8,993 L to 10,228 L while only 12 L were expected to flow out; a loss counts from 150 L"
            + " (noise, consumption model and temperature allowed for).").replace(" L", "\u00a0L"));
        assertThat(say("fr", "theft", theft)).startsWith("1\u00a0235\u00a0L ont disparu entre 10:00 et 10:20 UTC")
            .contains("de 8\u00a0993\u00a0L à 10\u00a0228\u00a0L");
    }

    @Test
    void decimalsTakeACommaInFrench() {
        assertThat(say("fr", "leak", ALL)).startsWith("Environ 14,3\u00a0L/j ont disparu")
            .contains("sur 2 jour(s) à partir du 4 mars 2026").contains("atteint 6,2 écarts-types");
        assertThat(say("en", "leak", ALL)).startsWith("About 14.3\u00a0L/day went missing")
            .contains("2 day(s) from Mar 4, 2026");
        assertThat(say("fr", "low_load", ALL)).contains("3,3\u00a0h").contains("0,25").contains("encrassement")
            .contains("environ 2,5\u00a0L");
        assertThat(say("fr", "short_fill", ALL)).contains("5\u00a0000\u00a0L").contains("8,0\u00a0%")
            .contains("tolérance 2,0\u00a0%");
    }

    @Test
    void anEventWithoutTheFiguresItsSentenceNeedsGetsNull() {
        assertThat(say("fr", "theft", new JsonObject().put("loss_l", 120))).isNull();
        assertThat(say("fr", "refuel", new JsonObject().put("litres", "many"))).isNull();
        assertThat(explain.text("fr", "theft", START, END, new JsonObject().put("explanation", "x"))).isNull();
        assertThat(explain.text("fr", "theft", START, END, null)).isNull();
        assertThat(say("fr", "new_kind", ALL)).isNull();
        assertThat(say("de", "outage", ALL)).as("another language: English").startsWith("No generator");
    }
}
