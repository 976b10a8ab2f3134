package org.smartcamp.analytics.alarm.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class QuietHoursTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static QuietHours parse(String json) throws Exception {
        return QuietHours.parse(JSON.readTree(json)).orElseThrow();
    }

    @Test
    void aWindowAcrossMidnightDefersToItsEndInTheRulesTimeZone() throws Exception {
        // Bamako is UTC+0, Juba UTC+2.
        QuietHours q = parse("{\"from\":\"22:00\",\"to\":\"06:00\",\"timezone\":\"Africa/Juba\","
            + "\"except\":[\"critical\"]}");
        assertThat(q.deferUntil(Instant.parse("2026-12-07T21:30:00Z"), "major"))
            .contains(Instant.parse("2026-12-08T04:00:00Z"));
        assertThat(q.deferUntil(Instant.parse("2026-12-08T01:00:00Z"), "warning"))
            .contains(Instant.parse("2026-12-08T04:00:00Z"));
        assertThat(q.deferUntil(Instant.parse("2026-12-08T04:00:00Z"), "major")).isEmpty();
        assertThat(q.deferUntil(Instant.parse("2026-12-07T19:59:00Z"), "major")).isEmpty();
        assertThat(q.deferUntil(Instant.parse("2026-12-07T21:30:00Z"), "critical")).isEmpty();
    }

    @Test
    void aWindowWithinOneDayAndAnEmptyOne() throws Exception {
        QuietHours q = parse("{\"from\":\"12:00\",\"to\":\"14:00\",\"timezone\":\"UTC\"}");
        assertThat(q.deferUntil(Instant.parse("2026-12-07T13:00:00Z"), "critical"))
            .contains(Instant.parse("2026-12-07T14:00:00Z"));
        assertThat(q.deferUntil(Instant.parse("2026-12-07T14:00:00Z"), "critical")).isEmpty();
        assertThat(parse("{\"from\":\"08:00\",\"to\":\"08:00\"}").deferUntil(Instant.now(), "minor")).isEmpty();
        assertThat(QuietHours.parse(null)).isEmpty();
        assertThat(QuietHours.parse(JSON.nullNode())).isEmpty();
    }

    @Test
    void aWindowEndingInADaylightSavingGapStillEnds() throws Exception {
        // Paris skips 02:00-03:00 on 2026-03-29: a window to 02:30 ends at 03:00 local (01:00 UTC).
        QuietHours q = parse("{\"from\":\"23:00\",\"to\":\"02:30\",\"timezone\":\"Europe/Paris\"}");
        assertThat(q.deferUntil(Instant.parse("2026-03-28T23:30:00Z"), "minor"))
            .contains(Instant.parse("2026-03-29T01:30:00Z"));
    }

    @Test
    void badValuesNameTheirField() {
        assertThatThrownBy(() -> parse("{\"from\":\"25:00\",\"to\":\"06:00\"}"))
            .hasMessage("quiet_hours.from: '25:00' is not a time of day (HH:MM)");
        assertThatThrownBy(() -> parse("{\"from\":\"22:00\",\"to\":\"06:00\",\"timezone\":\"Mars/Olympus\"}"))
            .hasMessage("quiet_hours.timezone: 'Mars/Olympus' is not a time zone (e.g. Africa/Juba, UTC)");
        assertThatThrownBy(() -> parse("{\"from\":\"22:00\",\"to\":\"06:00\",\"except\":[\"urgent\"]}"))
            .hasMessage("quiet_hours.except: 'urgent' is not a severity (critical, major, minor, warning)");
    }
}
