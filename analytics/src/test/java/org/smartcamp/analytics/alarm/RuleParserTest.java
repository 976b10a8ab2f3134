package org.smartcamp.analytics.alarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad rules are refused with one line naming the field; good ones are read whole. */
class RuleParserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RuleParser PARSER = new RuleParser(new SelfAddress("0.0.0.0", 8080,
        "https://smartcamp.example.org"));

    private static JsonNode rule(String extra) throws IOException {
        return JSON.readTree("{\"name\":\"r1\",\"mission\":\"m1\",\"condition\":\"theft\",\"severity\":\"major\""
            + extra + "}");
    }

    @Test
    void readsAWholeRule() throws IOException {
        AlarmRule r = PARSER.parse(rule(",\"camp\":\"c1\",\"threshold\":150.5,\"duration\":\"30m\",\"channels\":["
            + "{\"type\":\"webhook\",\"url\":\"https://hooks.example.org/a\",\"secret\":\"env:HOOK\"},"
            + "{\"type\":\"email\",\"to\":[\"ops@example.org\"],\"language\":\"fr\"},{\"type\":\"mqtt\"}],"
            + "\"quietHours\":{\"from\":\"22:00\",\"to\":\"06:00\",\"timezone\":\"Africa/Juba\",\"except\":"
            + "[\"critical\"]},\"ratePerHour\":6,\"enabled\":false"), AlarmRule.API);
        assertThat(r.condition()).isEqualTo(AlarmCondition.THEFT);
        assertThat(r.threshold()).isEqualTo(150.5);
        assertThat(r.duration()).isEqualTo(Duration.ofMinutes(30));
        assertThat(r.channels()).hasSize(3);
        assertThat(r.channels().get(1).language()).isEqualTo("fr");
        assertThat(r.ratePerHour()).isEqualTo(6);
        assertThat(r.enabled()).isFalse();
        assertThat(r.json().path("duration").asText()).isEqualTo("30m");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown condition|,\"condition\":\"fire\"|condition: unknown condition 'fire'",
        "negative threshold|,\"threshold\":-1|threshold: must not be negative, got -1",
        "unknown severity|,\"severity\":\"urgent\"|severity: unknown severity 'urgent'",
        "malformed url|,\"channels\":[{\"type\":\"webhook\",\"url\":\"http://exa mple\"}]|channels[0].url: ",
        "relative url|,\"channels\":[{\"type\":\"webhook\",\"url\":\"/hook\"}]|channels[0].url: '/hook' is not an",
        "ftp scheme|,\"channels\":[{\"type\":\"webhook\",\"url\":\"ftp://example.org/x\"}]"
            + "|channels[0].url: scheme 'ftp'",
        "file scheme|,\"channels\":[{\"type\":\"webhook\",\"url\":\"file:///etc/passwd\"}]|channels[0].url: scheme",
        "self listen|,\"channels\":[{\"type\":\"webhook\",\"url\":\"http://127.0.0.1:8080/api/v1/alarms\"}]"
            + "|channels[0].url: 'http://127.0.0.1:8080/api/v1/alarms' points at this API itself",
        "self public|,\"channels\":[{\"type\":\"webhook\",\"url\":\"https://SMARTCAMP.example.org/x\"}]"
            + "|channels[0].url: 'https://SMARTCAMP.example.org/x' points at this API itself",
        "bad email|,\"channels\":[{\"type\":\"email\",\"to\":[\"ops@example.org\",\"not-an-address\"]}]"
            + "|channels[0].to[1]: 'not-an-address' is not an e-mail address",
        "email header|,\"channels\":[{\"type\":\"email\",\"to\":[\"a@b.org\\nBcc: x@y.org\"]}]|channels[0].to[0]:",
        "secret inline|,\"channels\":[{\"type\":\"webhook\",\"url\":\"https://h.example.org\",\"secret\":\"s3cr3t!\"}]"
            + "|channels[0].secret: must name a secret",
        "unknown field|,\"colour\":\"red\"|colour: is not a rule field",
        "bad duration|,\"duration\":\"soon\"|duration: 'soon' is not a duration",
        "bad rate|,\"ratePerHour\":0|ratePerHour: must be a whole number above 0",
        "bad quiet|,\"quietHours\":{\"from\":\"25:00\",\"to\":\"06:00\"}|quietHours.from:",
    })
    void refusesNamingTheField(String what, String extra, String message) {
        assertThatThrownBy(() -> PARSER.parse(rule(extra), AlarmRule.API)).isInstanceOf(RuleException.class)
            .hasMessageStartingWith(message).hasMessageNotContaining("\n");
    }

    @Test
    void aStateConditionNeedsItsThresholdOrDuration() throws IOException {
        assertThatThrownBy(() -> PARSER.parse(JSON.readTree("{\"name\":\"g\",\"mission\":\"m1\",\"condition\":"
            + "\"gateway_silent\",\"severity\":\"minor\"}"), AlarmRule.API)).hasMessage(
            "duration: is required for condition gateway_silent");
        assertThatThrownBy(() -> PARSER.parse(JSON.readTree("{\"name\":\"d\",\"mission\":\"m1\",\"condition\":"
            + "\"days_of_supply_below\",\"severity\":\"minor\"}"), AlarmRule.API)).hasMessage(
            "threshold: is required for condition days_of_supply_below");
    }

    @Test
    void aWebhookOnAnotherPortOfTheSameHostIsFine() throws IOException {
        AlarmRule r = PARSER.parse(rule(",\"channels\":[{\"type\":\"webhook\",\"url\":\"http://localhost:9000/h\"}]"),
            AlarmRule.API);
        assertThat(r.channels().get(0).url()).isEqualTo("http://localhost:9000/h");
    }
}
