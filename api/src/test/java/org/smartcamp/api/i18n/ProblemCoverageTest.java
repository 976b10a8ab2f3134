package org.smartcamp.api.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every problem detail the API's code writes has its French: the test finds each {@code ApiException.xxx(...)} call
 * in the main sources, rebuilds its detail from the string literals with a stand-in ({@code x1}, {@code x2}...) for
 * each value, and asks {@link ProblemText} for its French. A detail counts as translated when the bundle knows it
 * word for word, or a pattern matches it and every text the pattern's placeholders took is itself a single word
 * (a value) or translated the same way, so a pattern cannot carry an English remainder through. Details made
 * elsewhere ({@code e.getMessage()}) and choices between texts ({@code a ? "..." : "..."}) are not rebuilt: each
 * text of a choice is a {@code detail.*} of the bundle.
 */
class ProblemCoverageTest {
    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final Pattern CALL = Pattern.compile("ApiException\\.(\\w+)\\(");
    private static final Path ALARM_SOURCES = Path.of("..", "analytics", "src", "main", "java", "org", "smartcamp",
        "analytics", "alarm");
    private static final Pattern RULE_EXCEPTION = Pattern.compile("new RuleException\\(");
    private static final Pattern LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");

    private final ProblemText text = ProblemText.load();
    private final Map<String, String> english = Messages.load(ProblemText.BUNDLE).all(Messages.DEFAULT);

    @Test
    void everyDetailTheCodeWritesIsInFrench() throws IOException {
        List<String> details = details();
        assertThat(details).as("details found in the sources").hasSizeGreaterThan(50)
            .contains("parameter 'month' must be a month YYYY-MM between 1970 and 2199, such as 2026-11; got 'x1'");
        List<String> english = details.stream().filter(d -> !translated(d)).toList();
        assertThat(english).as("problem details without French (add them to i18n/problems_*.properties)").isEmpty();
        assertThat(text.title("fr", "Conflict")).isEqualTo("Conflit");
    }

    /**
     * The alarm rules' checks (analytics' RuleParser and RuleStore) write "field: problem", which
     * /api/v1/alarm-rules serves as a 400 detail: each {@code new RuleException(field, problem)} has its French.
     */
    @Test
    void everyAlarmRuleCheckIsInFrench() throws IOException {
        List<String> details = new ArrayList<>();
        for (String file : List.of("RuleParser.java", "RuleStore.java")) {
            String src = Files.readString(ALARM_SOURCES.resolve(file));
            Matcher m = RULE_EXCEPTION.matcher(src);
            while (m.find()) {
                List<String> args = arguments(src, m.end());
                String field = args.get(0).strip();
                String problem = rebuild(args.get(1));
                if (problem != null) {
                    details.add((LITERAL.matcher(field).matches() ? rebuild(field) : "field") + ": " + problem);
                }
            }
        }
        assertThat(details).as("rule checks found in the sources").hasSizeGreaterThan(30)
            .contains("threshold: must not be negative, got x1", "duration: 'x1' is not a duration (e.g. x3)");
        List<String> english = details.stream().filter(d -> !translated(d)).toList();
        assertThat(english).as("alarm rule checks without French (add them to i18n/problems_*.properties)").isEmpty();
        assertThat(text.detail("fr", "duration: '5 minutes' is not a duration (e.g. 250ms, 30s, 5m, 2h, 1d, 2d6h or"
            + " PT5M)")).isEqualTo("duration : « 5 minutes » n’est pas une durée (p. ex. 250ms, 30s, 5m, 2h, 1d, 2d6h"
            + " ou PT5M)");
        assertThat(text.detail("fr", "channels[0].type: unknown channel type 'sms'; one of webhook, email, mqtt"))
            .isEqualTo("channels[0].type : type de canal inconnu « sms » ; l’un de webhook, email, mqtt");
        assertThat(text.detail("fr", "enabled: must be true or false"))
            .isEqualTo("enabled : doit valoir true ou false");
    }

    @Test
    void theCheckCatchesADetailWithAnEnglishRemainder() {
        assertThat(translated("parameter 'month' must be a month YYYY-MM between 1970 and 2199, such as 2026-11; "
            + "got 'x1'")).isTrue();
        assertThat(translated("parameter 'month' is a brand new complaint")).as("pattern.parameter alone").isFalse();
        assertThat(translated("something new went wrong")).isFalse();
    }

    /** Whether {@code detail} is translated word for word or by patterns down to single-word values. */
    private boolean translated(String detail) {
        if (!detail.contains(" ")) {
            return true;
        }
        if (english.entrySet().stream().anyMatch(e -> e.getKey().startsWith("detail.") && e.getValue()
            .equals(detail))) {
            return true;
        }
        List<Map.Entry<String, String>> patterns = english.entrySet().stream()
            .filter(e -> e.getKey().startsWith("pattern.")).sorted((a, b) -> b.getValue().length()
                - a.getValue().length()).toList();
        for (Map.Entry<String, String> p : patterns) {
            Matcher m = regex(p.getValue()).matcher(detail);
            if (m.matches()) {
                for (int i = 1; i <= m.groupCount(); i++) {
                    if (!translated(m.group(i))) {
                        return false;
                    }
                }
                return !text.detail("fr", detail).equals(detail);
            }
        }
        return false;
    }

    private static Pattern regex(String template) {
        StringBuilder out = new StringBuilder();
        Matcher m = Pattern.compile("\\{\\d}").matcher(template);
        int at = 0;
        while (m.find()) {
            out.append(Pattern.quote(template.substring(at, m.start()))).append("(.+?)");
            at = m.end();
        }
        return Pattern.compile(out.append(Pattern.quote(template.substring(at))).toString(), Pattern.DOTALL);
    }

    /** The details of every {@code ApiException} call of the main sources that can be rebuilt from literals. */
    private static List<String> details() throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")
                && !p.getFileName().toString().equals("ApiException.java")).toList()) {
                String src = Files.readString(f);
                Matcher m = CALL.matcher(src);
                while (m.find()) {
                    List<String> args = arguments(src, m.end());
                    String detail = switch (m.group(1)) {
                        case "tooManyRequests" -> null;
                        case "badParameter" -> rebuild(args.get(1)) == null ? null : "parameter '"
                            + (LITERAL.matcher(args.get(0).strip()).matches() ? rebuild(args.get(0)) : "name") + "' "
                            + rebuild(args.get(1));
                        default -> rebuild(args.get(0));
                    };
                    if (detail != null) {
                        out.add(detail);
                    }
                }
            }
        }
        return out;
    }

    /** A string expression with its literals kept and each other operand as x1, x2...; null without a literal. */
    static String rebuild(String expression) {
        List<String> parts = split(expression, '+');
        if (split(expression, '?').size() > 1) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        boolean literal = false;
        for (int i = 0; i < parts.size(); i++) {
            String p = parts.get(i).strip();
            if (LITERAL.matcher(p).matches()) {
                out.append(p, 1, p.length() - 1);
                literal = true;
            } else {
                out.append('x').append(i);
            }
        }
        return literal ? out.toString().replace("\\\"", "\"").replace("\\\\", "\\") : null;
    }

    /** The call's arguments from just after its opening parenthesis. */
    private static List<String> arguments(String src, int from) {
        int depth = 0;
        for (int i = from; i < src.length(); i++) {
            char c = src.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfQuote(src, i);
            } else if (c == ')' && depth == 0) {
                return split(src.substring(from, i), ',');
            } else {
                depth += "([{".indexOf(c) >= 0 ? 1 : ")]}".indexOf(c) >= 0 ? -1 : 0;
            }
        }
        throw new IllegalStateException("unclosed call at " + from);
    }

    /** The expression's top-level parts around {@code op} (outside literals and brackets). */
    private static List<String> split(String expression, char op) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (c == '"' || c == '\'') {
                int end = endOfQuote(expression, i);
                cur.append(expression, i, end + 1);
                i = end;
                continue;
            }
            depth += "([{".indexOf(c) >= 0 ? 1 : ")]}".indexOf(c) >= 0 ? -1 : 0;
            if (c == op && depth == 0) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    private static int endOfQuote(String s, int open) {
        char q = s.charAt(open);
        int i = open + 1;
        while (s.charAt(i) != q) {
            i += s.charAt(i) == '\\' ? 2 : 1;
        }
        return i;
    }
}
