package org.smartcamp.api.i18n;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A problem document's {@code title} and {@code detail} in the caller's language, from the bundle
 * {@code i18n/problems_<lang>.properties}. The code keeps writing its problems in English; this class finds their
 * words in the bundle: a title under {@code title.<its words in snake case>}, a detail either word for word under a
 * {@code detail.*} key, or by a {@code pattern.*} key whose English text, with {0}, {1}... standing for the
 * values, matches the detail (each value is translated again when the bundle has it word for word). A text the
 * bundle does not know stays in English.
 */
public final class ProblemText {
    /** The bundle's name. */
    public static final String BUNDLE = "problems";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d)}");

    private final Messages messages;
    private final Map<String, String> english;
    private final List<Template> templates = new ArrayList<>();

    private record Template(String key, Pattern english, List<Integer> order) {
    }

    public ProblemText(Messages messages) {
        this.messages = messages;
        this.english = messages.all(Messages.DEFAULT);
        english.forEach((key, text) -> {
            if (key.startsWith("pattern.")) {
                templates.add(template(key, text));
            }
        });
        // Longer patterns first: the more specific one wins.
        templates.sort((a, b) -> b.english().pattern().length() - a.english().pattern().length());
    }

    /** The bundle loaded from the class path. */
    public static ProblemText load() {
        return new ProblemText(Messages.load(BUNDLE));
    }

    private static Template template(String key, String text) {
        StringBuilder regex = new StringBuilder("^");
        List<Integer> order = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        int at = 0;
        while (m.find()) {
            regex.append(Pattern.quote(text.substring(at, m.start()))).append("(.+?)");
            order.add(Integer.parseInt(m.group(1)));
            at = m.end();
        }
        regex.append(Pattern.quote(text.substring(at))).append('$');
        return new Template(key, Pattern.compile(regex.toString(), Pattern.DOTALL), order);
    }

    /** The title in {@code lang}. */
    public String title(String lang, String title) {
        String text = messages.text(lang, "title." + slug(title));
        return text == null ? title : text;
    }

    /** The detail in {@code lang}. */
    public String detail(String lang, String detail) {
        if (detail == null || Messages.DEFAULT.equals(lang)) {
            return detail;
        }
        String exact = exact(lang, detail);
        if (exact != null) {
            return exact;
        }
        for (Template t : templates) {
            Matcher m = t.english().matcher(detail);
            if (m.matches()) {
                String out = messages.text(lang, t.key());
                for (int i = 0; i < t.order().size(); i++) {
                    String value = m.group(i + 1);
                    out = out.replace("{" + t.order().get(i) + "}", detail(lang, value));
                }
                return out;
            }
        }
        return detail;
    }

    private String exact(String lang, String text) {
        for (Map.Entry<String, String> e : english.entrySet()) {
            if (e.getKey().startsWith("detail.") && e.getValue().equals(text)) {
                return messages.text(lang, e.getKey());
            }
        }
        return null;
    }

    /** "Invalid parameter" to "invalid_parameter". */
    static String slug(String title) {
        return title == null ? "" : title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_")
            .replaceAll("^_|_$", "");
    }
}
