package org.smartcamp.analytics.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Coverage-guided fuzzing of the alarm rule parser (Jazzer), which reads what an admin posts to
 * {@code /api/v1/alarm-rules} and what the rules file holds. Whatever JSON arrives, the parser either refuses it with
 * a {@link RuleException} whose message is one short line naming a field, or returns a rule that keeps every promise
 * the delivery relies on: ids are ids, a threshold is a finite number not below zero, a webhook is an absolute http(s)
 * URL with a host, no credentials and not this API, an e-mail recipient is one plain address (nothing that could
 * smuggle a header), quiet hours hold only their four fields. An accepted rule reads back to itself from its JSON.
 */
class RuleParserFuzzTest {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();
    private static final RuleParser PARSER = new RuleParser(new SelfAddress("0.0.0.0", 8080,
        "https://smartcamp.example.org"));
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern FIELD = Pattern.compile(".{1,300}?: .+");
    private static final Set<String> QUIET_FIELDS = Set.of("from", "to", "timezone", "except");

    /** Any bytes as the JSON body of a rule (the corpus holds rules of every condition and channel). */
    @FuzzTest(maxDuration = "10s")
    void rule(byte[] input) {
        JsonNode node;
        try {
            node = JSON.readTree(input);
        } catch (IOException e) {
            return;
        }
        AlarmRule rule;
        try {
            rule = PARSER.parse(node, AlarmRule.API);
        } catch (RuleException e) {
            assertThat(e.getMessage()).as("one line naming the field").matches(FIELD).doesNotContain("\n", "\r")
                .hasSizeLessThan(600);
            return;
        }
        assertThat(rule.name()).matches(ID);
        assertThat(rule.missionId()).matches(ID);
        if (rule.campId() != null) {
            assertThat(rule.campId()).matches(ID);
        }
        if (rule.threshold() != null) {
            assertThat(rule.threshold()).isFinite().isNotNegative();
        }
        if (rule.ratePerHour() != null) {
            assertThat(rule.ratePerHour()).isPositive();
        }
        for (AlarmRule.Channel c : rule.channels()) {
            switch (c.type()) {
                case AlarmRule.Channel.WEBHOOK -> webhook(c.url());
                case AlarmRule.Channel.EMAIL -> c.to().forEach(a -> assertThat(a).hasSizeLessThanOrEqualTo(254)
                    .containsOnlyOnce("@").doesNotContain("\r", "\n", ",", ";", "<", ">", " ", "\""));
                default -> assertThat(c.type()).isEqualTo(AlarmRule.Channel.MQTT);
            }
        }
        if (rule.quietHours() != null) {
            for (Iterator<String> it = rule.quietHours().fieldNames(); it.hasNext();) {
                assertThat(it.next()).as("quiet hours keep only their own fields").isIn(QUIET_FIELDS);
            }
        }
        com.fasterxml.jackson.databind.node.ObjectNode back = rule.json();
        back.remove(List.of("id", "source"));
        assertThat(PARSER.parse(back, AlarmRule.API)).as("the rule as served reads back to itself").isEqualTo(rule);
    }

    private static void webhook(String url) {
        URI uri = URI.create(url);
        assertThat(uri.getScheme().toLowerCase(java.util.Locale.ROOT)).isIn("http", "https");
        assertThat(uri.getHost()).isNotNull();
        assertThat(uri.getUserInfo()).isNull();
        assertThat(url).doesNotContain("\r", "\n").hasSizeLessThanOrEqualTo(2000);
    }
}
