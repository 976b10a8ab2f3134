package org.smartcamp.analytics.alarm;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.smartcamp.platform.Durations;
import org.smartcamp.platform.InvalidDurationException;

/**
 * Reads a rule from JSON (an API request body, or one entry of the rules file read as YAML) and checks every field.
 * Each refusal is a {@link RuleException} naming the field: an unknown condition or severity, a negative threshold,
 * a malformed or non-http(s) webhook URL, a webhook aimed at the API itself, a malformed e-mail address.
 */
public final class RuleParser {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    // one address, no display name: local@domain.tld, nothing that could smuggle a second header or recipient
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
    private static final Pattern SECRET_NAME =
        Pattern.compile("env:[A-Za-z_][A-Za-z0-9_]{0,127}|[a-z0-9][a-z0-9._-]{0,63}");
    private static final Set<String> FIELDS = Set.of("name", "mission", "camp", "condition", "threshold", "duration",
        "severity", "channels", "quietHours", "ratePerHour", "enabled");
    private static final Set<String> LANGUAGES = Set.of("en", "fr");
    private static final int MAX_CHANNELS = 20;
    private static final int MAX_RECIPIENTS = 50;
    private static final int MAX_URL = 2000;

    private final SelfAddress self;

    public RuleParser(SelfAddress self) {
        this.self = self;
    }

    /**
     * The rule {@code node} describes.
     *
     * @param source {@link AlarmRule#CONFIG} or {@link AlarmRule#API}
     * @throws RuleException naming the first bad field
     */
    public AlarmRule parse(JsonNode node, String source) {
        if (node == null || !node.isObject()) {
            throw new RuleException("rule", "must be an object");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw new RuleException(fieldName(f), "is not a rule field; the fields are " + String.join(", ",
                    FIELDS.stream().sorted().toList()));
            }
        }
        String name = id(node, "name", true);
        String mission = id(node, "mission", true);
        String camp = id(node, "camp", false);
        AlarmCondition condition = condition(node);
        Double threshold = threshold(node, condition);
        Duration duration = duration(node, condition);
        Severity severity = severity(node);
        List<AlarmRule.Channel> channels = channels(node.get("channels"));
        JsonNode quiet = quietHours(node.get("quietHours"));
        Integer rate = rate(node.get("ratePerHour"));
        JsonNode enabled = node.get("enabled");
        if (enabled != null && !enabled.isNull() && !enabled.isBoolean()) {
            throw new RuleException("enabled", "must be true or false");
        }
        return new AlarmRule(null, name, mission, camp, condition, threshold, duration, severity, channels, quiet,
            rate, enabled == null || enabled.isNull() || enabled.asBoolean(), source);
    }

    private static String text(JsonNode node, String field, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new RuleException(field, "is required");
            }
            return null;
        }
        if (!v.isTextual()) {
            throw new RuleException(field, "must be a string");
        }
        return v.asText();
    }

    private static String id(JsonNode node, String field, boolean required) {
        String v = text(node, field, required);
        if (v != null && !ID.matcher(v).matches()) {
            throw new RuleException(field, "'" + shorten(v) + "' is not an id (lower-case letters, digits, '.', '_',"
                + " '-'; at most 64)");
        }
        return v;
    }

    private static AlarmCondition condition(JsonNode node) {
        String v = text(node, "condition", true);
        AlarmCondition c = AlarmCondition.ofId(v);
        if (c == null) {
            throw new RuleException("condition", "unknown condition '" + shorten(v) + "'; one of "
                + String.join(", ", AlarmCondition.ids()));
        }
        return c;
    }

    private static Double threshold(JsonNode node, AlarmCondition condition) {
        JsonNode v = node.get("threshold");
        if (v == null || v.isNull()) {
            if (condition.needsThreshold()) {
                throw new RuleException("threshold", "is required for condition " + condition.id());
            }
            return null;
        }
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw new RuleException("threshold", "must be a number");
        }
        if (v.asDouble() < 0) {
            throw new RuleException("threshold", "must not be negative, got " + v.asText());
        }
        return v.asDouble();
    }

    private static Duration duration(JsonNode node, AlarmCondition condition) {
        JsonNode v = node.get("duration");
        if (v == null || v.isNull()) {
            if (condition.needsDuration()) {
                throw new RuleException("duration", "is required for condition " + condition.id());
            }
            return null;
        }
        if (!v.isTextual()) {
            throw new RuleException("duration", "must be a duration such as " + Durations.EXAMPLES);
        }
        try {
            return Durations.parse("duration", v.asText());
        } catch (InvalidDurationException e) {
            throw new RuleException("duration", "'" + shorten(v.asText()) + "' is not a duration (e.g. "
                + Durations.EXAMPLES + ")");
        }
    }

    private static Severity severity(JsonNode node) {
        String v = text(node, "severity", true);
        Severity s = Severity.ofId(v);
        if (s == null) {
            throw new RuleException("severity", "unknown severity '" + shorten(v) + "'; one of "
                + String.join(", ", Severity.ids()));
        }
        return s;
    }

    private List<AlarmRule.Channel> channels(JsonNode v) {
        List<AlarmRule.Channel> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray() || v.size() > MAX_CHANNELS) {
            throw new RuleException("channels", "must be a list of at most " + MAX_CHANNELS + " channels");
        }
        for (int i = 0; i < v.size(); i++) {
            out.add(channel(v.get(i), "channels[" + i + "]"));
        }
        return out;
    }

    private AlarmRule.Channel channel(JsonNode ch, String field) {
        if (!ch.isObject()) {
            throw new RuleException(field, "must be an object with a type (webhook, email or mqtt)");
        }
        String type = text(ch, "type", false);
        if (type == null) {
            throw new RuleException(field + ".type", "is required: webhook, email or mqtt");
        }
        return switch (type) {
            case AlarmRule.Channel.WEBHOOK -> {
                only(ch, field, Set.of("type", "url", "secret"));
                String secret = text(ch, "secret", false);
                if (secret != null && !SECRET_NAME.matcher(secret).matches()) {
                    throw new RuleException(field + ".secret", "must name a secret (env:NAME or a key of the secrets"
                        + " file), not hold one");
                }
                yield new AlarmRule.Channel(type, webhookUrl(text(ch, "url", false), field + ".url"), secret, null,
                    null);
            }
            case AlarmRule.Channel.EMAIL -> {
                only(ch, field, Set.of("type", "to", "language"));
                yield new AlarmRule.Channel(type, null, null, recipients(ch.get("to"), field + ".to"), language(ch,
                    field));
            }
            case AlarmRule.Channel.MQTT -> {
                only(ch, field, Set.of("type"));
                yield new AlarmRule.Channel(type, null, null, null, null);
            }
            default -> throw new RuleException(field + ".type", "unknown channel type '" + shorten(type)
                + "'; one of webhook, email, mqtt");
        };
    }

    private static void only(JsonNode ch, String field, Set<String> allowed) {
        for (Iterator<String> it = ch.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw new RuleException(field + "." + fieldName(f), "is not a field of a " + ch.get("type").asText()
                    + " channel");
            }
        }
    }

    private String webhookUrl(String url, String field) {
        if (url == null) {
            throw new RuleException(field, "is required for a webhook");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new RuleException(field, "'" + shorten(url) + "' is not a URL");
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme == null || !uri.isAbsolute()) {
            throw new RuleException(field, "'" + shorten(url) + "' is not an absolute URL");
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new RuleException(field, "scheme '" + shorten(scheme) + "' is not allowed; use http or https");
        }
        if (uri.getHost() == null || url.length() > MAX_URL) {
            throw new RuleException(field, "'" + shorten(url) + "' is not a URL with a host");
        }
        if (uri.getUserInfo() != null) {
            throw new RuleException(field, "must not carry a user name or password; name a secret instead");
        }
        if (self.matches(uri)) {
            throw new RuleException(field, "'" + shorten(url) + "' points at this API itself");
        }
        return url;
    }

    private static List<String> recipients(JsonNode to, String field) {
        if (to == null || !to.isArray() || to.isEmpty() || to.size() > MAX_RECIPIENTS) {
            throw new RuleException(field, "must list 1 to " + MAX_RECIPIENTS + " e-mail addresses");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < to.size(); i++) {
            JsonNode a = to.get(i);
            if (!a.isTextual() || !EMAIL.matcher(a.asText()).matches() || a.asText().length() > 254) {
                throw new RuleException(field + "[" + i + "]", "'" + shorten(a.asText()) + "' is not an e-mail "
                    + "address");
            }
            out.add(a.asText());
        }
        return out;
    }

    private static String language(JsonNode ch, String field) {
        String lang = text(ch, "language", false);
        if (lang != null && !LANGUAGES.contains(lang)) {
            throw new RuleException(field + ".language", "'" + shorten(lang) + "' is not a language; en or fr");
        }
        return lang;
    }

    private static JsonNode quietHours(JsonNode q) {
        if (q == null || q.isNull()) {
            return null;
        }
        if (!q.isObject()) {
            throw new RuleException("quietHours", "must be an object {from, to, timezone, except}");
        }
        for (Iterator<String> it = q.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!Set.of("from", "to", "timezone", "except").contains(f)) {
                throw new RuleException("quietHours." + fieldName(f), "is not a field of quiet hours; the fields "
                    + "are from, to, timezone, except");
            }
        }
        for (String f : List.of("from", "to")) {
            String v = text(q, f, true);
            try {
                LocalTime.parse(v);
            } catch (DateTimeParseException e) {
                throw new RuleException("quietHours." + f, "'" + shorten(v) + "' is not a time of day (HH:MM)");
            }
        }
        String zone = text(q, "timezone", false);
        if (zone != null) {
            try {
                ZoneId.of(zone);
            } catch (DateTimeException e) {
                throw new RuleException("quietHours.timezone", "'" + shorten(zone) + "' is not a time zone");
            }
        }
        JsonNode except = q.get("except");
        if (except != null && !except.isNull()) {
            if (!except.isArray()) {
                throw new RuleException("quietHours.except", "must be a list of severities");
            }
            for (JsonNode s : except) {
                if (Severity.ofId(s.asText()) == null) {
                    throw new RuleException("quietHours.except", "unknown severity '" + shorten(s.asText()) + "'");
                }
            }
        }
        return q;
    }

    private static Integer rate(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() <= 0) {
            throw new RuleException("ratePerHour", "must be a whole number above 0, got " + shorten(v.asText()));
        }
        return v.asInt();
    }

    /** An unknown field's name as a message shows it: plain when it is a word, else quoted and shortened. */
    private static String fieldName(String f) {
        return f.matches("[A-Za-z0-9_]{1,64}") ? f : "'" + shorten(f) + "'";
    }

    /** At most 80 characters of {@code v}, control characters escaped (the message stays one line). */
    private static String shorten(String v) {
        if (v == null) {
            return "null";
        }
        String cut = v.length() > 80 ? v.substring(0, 80) + "..." : v;
        return cut.replace("\r", "\\r").replace("\n", "\\n").replaceAll("\\p{Cntrl}", "?");
    }
}
