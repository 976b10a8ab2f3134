package org.smartcamp.analytics.alarm.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A rule's quiet hours: from {@code from} to {@code to} local time in {@code timezone} (the window may cross
 * midnight: 22:00 to 06:00), notifications wait until the window ends, except those whose severity is listed in
 * {@code except}. JSON: {@code {"from":"22:00","to":"06:00","timezone":"Africa/Bamako","except":["critical"]}}.
 * A window whose start equals its end is empty.
 */
public record QuietHours(LocalTime from, LocalTime to, ZoneId zone, Set<String> except) {

    /** The severities a rule may list in {@code except}. */
    public static final Set<String> SEVERITIES = Set.of("critical", "major", "minor", "warning");

    public QuietHours {
        except = Set.copyOf(except);
    }

    /**
     * Reads the rule's {@code quiet_hours}.
     *
     * @return empty for null or JSON null
     * @throws DeliveryConfigException naming the field ({@code quiet_hours.from}, ...) when a value is wrong
     */
    public static Optional<QuietHours> parse(JsonNode json) {
        if (json == null || json.isNull() || json.isMissingNode()) {
            return Optional.empty();
        }
        if (!json.isObject()) {
            throw new DeliveryConfigException("quiet_hours: expected an object with from, to and timezone");
        }
        LocalTime from = time(json, "from");
        LocalTime to = time(json, "to");
        ZoneId zone;
        String tz = json.path("timezone").asText("UTC");
        try {
            zone = ZoneId.of(tz);
        } catch (DateTimeException e) {
            throw new DeliveryConfigException("quiet_hours.timezone: '" + tz + "' is not a time zone (e.g. "
                + "Africa/Juba, UTC)");
        }
        Set<String> except = new TreeSet<>();
        JsonNode list = json.path("except");
        if (!list.isMissingNode() && !list.isNull() && !list.isArray()) {
            throw new DeliveryConfigException("quiet_hours.except: expected a list of severities");
        }
        for (JsonNode s : list) {
            String severity = s.asText().toLowerCase(Locale.ROOT);
            if (!SEVERITIES.contains(severity)) {
                throw new DeliveryConfigException("quiet_hours.except: '" + s.asText() + "' is not a severity "
                    + "(critical, major, minor, warning)");
            }
            except.add(severity);
        }
        return Optional.of(new QuietHours(from, to, zone, except));
    }

    private static LocalTime time(JsonNode json, String field) {
        String text = json.path(field).asText("");
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new DeliveryConfigException("quiet_hours." + field + ": '" + text + "' is not a time of day "
                + "(HH:MM)");
        }
    }

    /**
     * When a notification of {@code severity} due at {@code now} may go: empty when now, else the end of the
     * window.
     */
    public Optional<Instant> deferUntil(Instant now, String severity) {
        if (severity != null && except.contains(severity.toLowerCase(Locale.ROOT)) || from.equals(to)) {
            return Optional.empty();
        }
        ZonedDateTime local = now.atZone(zone);
        LocalTime t = local.toLocalTime();
        boolean crossesMidnight = from.isAfter(to);
        boolean inside = crossesMidnight ? !t.isBefore(from) || t.isBefore(to) : !t.isBefore(from) && t.isBefore(to);
        if (!inside) {
            return Optional.empty();
        }
        LocalDate endDay = crossesMidnight && !t.isBefore(from) ? local.toLocalDate().plusDays(1)
            : local.toLocalDate();
        // ZonedDateTime.of moves a local time in a DST gap forward, so the window always ends.
        return Optional.of(ZonedDateTime.of(endDay, to, zone).toInstant());
    }
}
