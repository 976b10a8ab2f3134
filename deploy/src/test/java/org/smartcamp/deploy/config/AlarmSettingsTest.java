package org.smartcamp.deploy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartcamp.analytics.alarm.AlarmConfig;
import org.smartcamp.analytics.alarm.AlarmCondition;

/** The rules file is read with the API's checks; a bad rule is one line naming the key, the rule and the field. */
class AlarmSettingsTest {
    @TempDir
    Path dir;

    private Settings settings(String rules, Map<String, String> env) throws IOException {
        Path file = dir.resolve("rules.yaml");
        Files.writeString(file, rules);
        Path config = dir.resolve("smartcamp.yaml");
        Files.writeString(config, "alarms:\n  rulesFile: " + file + "\n");
        return ConfigLoader.load(config, env);
    }

    @Test
    void readsTheRulesOfTheFile() throws IOException {
        AlarmConfig c = AlarmSettings.of(settings("rules:\n"
            + "  - {name: theft-juba1, mission: unmiss, camp: juba1, condition: theft, threshold: 150,\n"
            + "     severity: critical, channels: [{type: webhook, url: 'https://hooks.example.org/sc',\n"
            + "     secret: 'env:HOOK_SECRET'}, {type: email, to: [ops@example.org], language: fr}, {type: mqtt}]}\n"
            + "  - {name: gw-silent, mission: unmiss, condition: gateway_silent, duration: 30m, severity: major}\n",
            Map.of()));
        assertThat(c.rules()).hasSize(2);
        assertThat(c.rules().get(1).condition()).isEqualTo(AlarmCondition.GATEWAY_SILENT);
        assertThat(c.publicUrl()).isEqualTo("http://localhost:8080");
    }

    @Test
    void aBadRuleNamesTheKeyTheRuleAndTheField() throws IOException {
        Settings s = settings("rules:\n  - {name: a, mission: m, condition: theft, severity: major}\n"
            + "  - {name: b, mission: m, condition: theft, threshold: -3, severity: major}\n", Map.of());
        assertThatThrownBy(() -> AlarmSettings.of(s)).isInstanceOf(ConfigException.class)
            .hasMessageEndingWith(", rule 2 'b': threshold: must not be negative, got -3");
        Settings self = settings("rules:\n  - {name: a, mission: m, condition: theft, severity: major, channels: "
            + "[{type: webhook, url: 'https://sc.example.org/hook'}]}\n",
            Map.of("SMARTCAMP_API_PUBLIC_URL", "https://sc.example.org"));
        assertThatThrownBy(() -> AlarmSettings.of(self)).hasMessageEndingWith(
            "rule 1 'a': channels[0].url: 'https://sc.example.org/hook' points at this API itself");
        Settings twice = settings("rules:\n  - {name: a, mission: m, condition: leak, severity: minor}\n"
            + "  - {name: a, mission: m, condition: theft, severity: major}\n", Map.of());
        assertThatThrownBy(() -> AlarmSettings.of(twice)).hasMessageEndingWith(
            "rule 2 'a': name: mission 'm' has two rules named 'a'");
    }
}
