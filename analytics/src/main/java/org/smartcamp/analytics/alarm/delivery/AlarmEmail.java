package org.smartcamp.analytics.alarm.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.smartcamp.analytics.alarm.AlarmCondition;

/**
 * The e-mail of one notification, in English or French (any other language gets English): what happened, where
 * (mission, camp, asset), how much, when, and links to the evidence and the alarm in the dashboard, as a subject, a
 * plain-text body and an HTML body built from the same lines.
 *
 * @param subject one line
 * @param text    the plain-text body
 * @param html    the HTML body (every value escaped)
 */
public record AlarmEmail(String subject, String text, String html) {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
        .withZone(ZoneOffset.UTC);

    /** The words of one language. */
    private record Words(String alarm, Map<String, String> actions, Map<String, String> severities, String where,
                         String mission, String camp, String asset, String howMuch, String when, String rule,
                         String by, String comment, String evidence, String open, String footer) {
    }

    private static final Words EN = new Words("Alarm", Map.of("raised", "raised", "acknowledged", "acknowledged",
        "cleared", "cleared", "reopened", "reopened", "updated", "updated"), Map.of("critical", "critical", "major",
        "major", "minor", "minor", "warning", "warning"), "Where", "mission", "camp", "asset", "How much", "When",
        "Rule", "By", "Comment", "Evidence", "Alarm in the dashboard",
        "Sent by SmartCamp. Every attempt of this notification carries the key %s.");
    private static final Words FR = new Words("Alarme", Map.of("raised", "déclenchée", "acknowledged", "acquittée",
        "cleared", "levée", "reopened", "rouverte", "updated", "mise à jour"), Map.of("critical", "critique", "major",
        "majeure", "minor", "mineure", "warning", "avertissement"), "Où", "mission", "camp", "équipement",
        "Quantité", "Quand", "Règle", "Par", "Commentaire", "Preuves", "Alarme dans le tableau de bord",
        "Envoyé par SmartCamp. Chaque tentative de cette notification porte la clé %s.");

    /** Renders the payload of one outbox row in {@code language}. */
    public static AlarmEmail render(JsonNode payload, String language, String idempotencyKey) {
        Words w = "fr".equalsIgnoreCase(language) ? FR : EN;
        JsonNode alarm = payload.path("alarm");
        String action = payload.path("transition").path("action").asText("updated");
        String severity = alarm.path("severity").asText("");
        String headline = w.alarm() + " " + w.actions().getOrDefault(action, action) + ": "
            + condition(text(alarm, "condition"), language) + " (" + w.severities().getOrDefault(severity, severity)
            + ")";
        String where = String.join(", ", parts(w.mission(), text(alarm, "mission"), w.camp(), text(alarm, "camp"),
            w.asset(), text(alarm, "asset")));
        String subject = "[SmartCamp] " + headline + " - " + where(alarm);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {w.where(), where});
        if (alarm.path("quantity").isNumber()) {
            rows.add(new String[] {w.howMuch(), quantity(alarm, language)});
        }
        rows.add(new String[] {w.when(), when(payload.path("occurredAt").asText(null))});
        rows.add(new String[] {w.rule(), text(alarm, "rule")});
        JsonNode transition = payload.path("transition");
        if (transition.hasNonNull("actor")) {
            rows.add(new String[] {w.by(), transition.get("actor").asText()});
        }
        if (transition.hasNonNull("comment")) {
            rows.add(new String[] {w.comment(), transition.get("comment").asText()});
        }
        List<String[]> links = new ArrayList<>();
        JsonNode l = payload.path("links");
        if (isWebLink(l.path("evidence"))) {
            links.add(new String[] {w.evidence(), l.get("evidence").asText()});
        }
        if (isWebLink(l.path("dashboard"))) {
            links.add(new String[] {w.open(), l.get("dashboard").asText()});
        }
        String footer = String.format(w.footer(), idempotencyKey);
        String summary = "fr".equalsIgnoreCase(language) ? frenchSummary(alarm) : text(alarm, "summary");
        return new AlarmEmail(subject, plain(headline, summary, rows, links, footer),
            html(language, headline, summary, rows, links, footer));
    }

    /**
     * The summary in French, made from the alarm's fields (the stored one is English): the condition's label, the
     * quantity and the asset or camp, e.g. {@code Vol présumé : 312 L sur juba1-bulk-tank}.
     */
    private static String frenchSummary(JsonNode alarm) {
        String where = alarm.hasNonNull("asset") ? text(alarm, "asset") : text(alarm, "camp");
        return condition(text(alarm, "condition"), "fr") + (alarm.path("quantity").isNumber() ? " : "
            + quantity(alarm, "fr") : "") + " sur " + where;
    }

    /** The condition's label in {@code language} (the catalogue's event kind label), or its id when unknown. */
    private static String condition(String id, String language) {
        AlarmCondition c = AlarmCondition.ofId(id);
        return c == null ? id : c.label(language);
    }

    /** Only http(s) links are shown: a payload link is never a script or a file. */
    private static boolean isWebLink(JsonNode link) {
        return link.isTextual() && link.asText().matches("(?i)https?://\\S+");
    }

    private static String where(JsonNode alarm) {
        String camp = text(alarm, "mission") + "/" + text(alarm, "camp");
        return alarm.hasNonNull("asset") ? text(alarm, "asset") + " (" + camp + ")" : camp;
    }

    private static List<String> parts(String... labelValue) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < labelValue.length; i += 2) {
            if (!labelValue[i + 1].isEmpty()) {
                parts.add(labelValue[i] + " " + labelValue[i + 1]);
            }
        }
        return parts;
    }

    /** The quantity with its unit, a decimal comma in French. */
    private static String quantity(JsonNode alarm, String language) {
        double q = alarm.get("quantity").asDouble();
        String number = q == Math.rint(q) && Math.abs(q) < 1e15 ? Long.toString((long) q)
            : String.format("fr".equalsIgnoreCase(language) ? Locale.FRENCH : Locale.ROOT, "%.1f", q);
        return alarm.hasNonNull("unit") ? number + " " + alarm.get("unit").asText() : number;
    }

    private static String when(String iso) {
        if (iso == null) {
            return "";
        }
        try {
            return WHEN.format(Instant.parse(iso));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : "";
    }

    private static String plain(String headline, String summary, List<String[]> rows, List<String[]> links,
                                String footer) {
        StringBuilder b = new StringBuilder(headline).append("\n");
        if (!summary.isEmpty()) {
            b.append(summary).append("\n");
        }
        b.append("\n");
        rows.forEach(r -> b.append(r[0]).append(": ").append(r[1]).append("\n"));
        if (!links.isEmpty()) {
            b.append("\n");
            links.forEach(r -> b.append(r[0]).append(": ").append(r[1]).append("\n"));
        }
        return b.append("\n-- \n").append(footer).append("\n").toString();
    }

    private static String html(String language, String headline, String summary, List<String[]> rows,
                               List<String[]> links, String footer) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html lang=\"")
            .append("fr".equalsIgnoreCase(language) ? "fr" : "en").append("\"><head><meta charset=\"utf-8\"><title>")
            .append(escape(headline)).append("</title></head>\n<body style=\"font-family:sans-serif\">\n<h2>")
            .append(escape(headline)).append("</h2>\n");
        if (!summary.isEmpty()) {
            b.append("<p>").append(escape(summary)).append("</p>\n");
        }
        b.append("<table>\n");
        rows.forEach(r -> b.append("<tr><th align=\"left\">").append(escape(r[0])).append("</th><td>")
            .append(escape(r[1])).append("</td></tr>\n"));
        b.append("</table>\n");
        if (!links.isEmpty()) {
            b.append("<p>");
            links.forEach(r -> b.append("<a href=\"").append(escape(r[1])).append("\">").append(escape(r[0]))
                .append("</a><br>\n"));
            b.append("</p>\n");
        }
        return b.append("<p style=\"color:#666;font-size:small\">").append(escape(footer))
            .append("</p>\n</body></html>\n").toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
            .replace("'", "&#39;");
    }
}
