package org.smartcamp.deploy.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.smartcamp.analytics.alarm.AlarmConfig;
import org.smartcamp.analytics.alarm.AlarmRule;
import org.smartcamp.analytics.alarm.RuleException;
import org.smartcamp.analytics.alarm.RuleParser;
import org.smartcamp.analytics.alarm.SelfAddress;

/**
 * The alarm settings: {@code api.publicUrl}, {@code alarms.eventLookback} and the rules of {@code alarms.rulesFile},
 * a YAML file {@code rules: [{name, mission, camp, condition, threshold, duration, severity, channels, quietHours,
 * ratePerHour, enabled}, ...]} read with the same checks as the API's (docs/alarms.md).
 */
public final class AlarmSettings {
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
        .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

    private AlarmSettings() {
    }

    /**
     * The alarm settings of {@code s}.
     *
     * @throws ConfigException naming the key, the rule and its field when a value is invalid
     */
    public static AlarmConfig of(Settings s) {
        String publicUrl = publicUrl(s);
        List<AlarmRule> rules = rules(s, new RuleParser(new SelfAddress(s.text(ConfigKey.API_HOST),
            s.integer(ConfigKey.API_PORT, 0, 65_535), publicUrl)));
        return new AlarmConfig(rules, publicUrl, s.duration(ConfigKey.ALARMS_EVENT_LOOKBACK));
    }

    /** {@code api.publicUrl}, checked: an absolute http(s) URL. */
    public static String publicUrl(Settings s) {
        String url = s.text(ConfigKey.API_PUBLIC_URL);
        try {
            URI u = new URI(url);
            if (u.getHost() == null || !List.of("http", "https").contains(String.valueOf(u.getScheme()))) {
                throw new URISyntaxException(url, "not an absolute http(s) URL");
            }
        } catch (URISyntaxException e) {
            throw new ConfigException("api.publicUrl (" + s.source(ConfigKey.API_PUBLIC_URL) + ") is '" + url
                + "'; expected an absolute http or https URL such as https://smartcamp.example.org");
        }
        return url;
    }

    private static List<AlarmRule> rules(Settings s, RuleParser parser) {
        String file = s.optionalText(ConfigKey.ALARMS_RULES_FILE);
        if (file == null || file.isBlank()) {
            return List.of();
        }
        String where = "alarms.rulesFile (" + file + ")";
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(Path.of(file)));
        } catch (IOException e) {
            throw new ConfigException(where + " cannot be read: " + e.getMessage());
        }
        JsonNode list = root == null ? null : root.get("rules");
        if (list == null || !list.isArray() || root.size() != 1) {
            throw new ConfigException(where + " must hold one key, rules: a list of rules");
        }
        List<AlarmRule> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode node = list.get(i);
            String label = "rule " + (i + 1) + (node.hasNonNull("name") ? " '" + node.get("name").asText() + "'" : "");
            try {
                AlarmRule r = parser.parse(node, AlarmRule.CONFIG);
                if (!names.add(r.missionId() + "/" + r.name())) {
                    throw new RuleException("name", "mission '" + r.missionId() + "' has two rules named '" + r.name()
                        + "'");
                }
                out.add(r);
            } catch (RuleException e) {
                throw new ConfigException(where + ", " + label + ": " + e.getMessage());
            }
        }
        return out;
    }
}
