package org.smartcamp.analytics.alarm.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AlarmEmailTest {

    @Test
    void valuesAreEscapedInHtmlAndOnlyWebLinksAreLinked() {
        ObjectNode p = OutboxRows.payload("k", 1, 2, "acknowledged", "minor", Instant.parse("2026-12-07T14:00:00Z"));
        ((ObjectNode) p.get("alarm")).put("summary", "<script>alert(1)</script>");
        ((ObjectNode) p.get("transition")).put("actor", "alice").put("comment", "on my way & \"checking\"");
        ((ObjectNode) p.get("links")).put("evidence", "javascript:alert(1)");

        AlarmEmail mail = AlarmEmail.render(p, "en", "k");

        assertThat(mail.subject()).isEqualTo("[SmartCamp] Alarm acknowledged: Suspected theft (minor) - "
            + "juba1-bulk-tank (unmiss/juba1)");
        assertThat(mail.html())
            .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "on my way &amp; &quot;checking&quot;")
            .doesNotContain("<script>", "javascript:");
        assertThat(mail.text()).contains("By: alice", "Comment: on my way & \"checking\"",
            "Alarm in the dashboard: http://localhost:8080/#/alarms/1").doesNotContain("Evidence:");
    }

    @Test
    void anotherLanguageGetsEnglishAndAFrenchClearIsLevee() {
        ObjectNode p = OutboxRows.payload("k", 1, 3, "cleared", "warning", Instant.parse("2026-12-07T14:00:00Z"));
        assertThat(AlarmEmail.render(p, "de", "k").subject())
            .startsWith("[SmartCamp] Alarm cleared: Suspected theft (warning)");
        assertThat(AlarmEmail.render(p, "fr", "k").subject())
            .startsWith("[SmartCamp] Alarme levée: Vol présumé (avertissement)");
        assertThat(AlarmEmail.render(p, "fr", "k").text()).contains("Quand: 2026-12-07 14:00 UTC",
            "Chaque tentative de cette notification porte la clé k.", "Vol présumé : 312 L sur juba1-bulk-tank")
            .doesNotContain("312 L left");
        ((ObjectNode) p.get("alarm")).put("quantity", 12.5);
        assertThat(AlarmEmail.render(p, "fr", "k").text()).contains("Quantité: 12,5 L");
    }
}
