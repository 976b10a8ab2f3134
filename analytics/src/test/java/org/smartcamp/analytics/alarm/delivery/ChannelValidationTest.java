package org.smartcamp.analytics.alarm.delivery;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ChannelValidationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void theContractsChannelsPass() throws Exception {
        assertThatCode(() -> ChannelValidation.validate(json("[{\"type\":\"webhook\",\"url\":\"https://ops.example"
            + ".org/hook\",\"secret\":\"env:OPS_HOOK\"},{\"type\":\"email\",\"to\":[\"ops@example.org\"],"
            + "\"language\":\"fr\"},{\"type\":\"mqtt\"}]"))).doesNotThrowAnyException();
    }

    @Test
    void eachProblemNamesItsField() {
        assertThatThrownBy(() -> ChannelValidation.validate(json("[{\"type\":\"mqtt\"},{\"type\":\"sms\"}]")))
            .hasMessage("channels[1].type: 'sms' is not webhook, email or mqtt");
        assertThatThrownBy(() -> ChannelValidation.validate(json("[{\"type\":\"webhook\",\"url\":\"file:///etc\"}]")))
            .hasMessage("channels[0].url: 'file:///etc' is not an http:// or https:// URL with a host");
        assertThatThrownBy(() -> ChannelValidation.validate(json("[{\"type\":\"webhook\",\"url\":\"https://h/x\","
            + "\"secret\":\"hunter2\"}]"))).hasMessageStartingWith("channels[0].secret: expected env:NAME");
        assertThatThrownBy(() -> ChannelValidation.validate(json("[{\"type\":\"email\",\"to\":[\"a@b.org\","
            + "\"nope\"]}]"))).hasMessage("channels[0].to[1]: 'nope' is not an e-mail address");
        assertThatThrownBy(() -> ChannelValidation.validate(json("[{\"type\":\"email\",\"to\":[]}]")))
            .hasMessage("channels[0].to: expected a list of e-mail addresses");
        assertThatThrownBy(() -> ChannelValidation.validate(json("[{\"type\":\"email\",\"to\":[\"a@b.org\"],"
            + "\"language\":\"de\"}]"))).hasMessage("channels[0].language: 'de' is not en or fr");
        assertThatThrownBy(() -> ChannelValidation.validate(json("{}"))).hasMessageStartingWith("channels: expected");
    }
}
