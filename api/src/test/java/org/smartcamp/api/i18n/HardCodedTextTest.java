package org.smartcamp.api.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No text for people is written into the dashboard's scripts or page: it all comes from the bundles. The scan
 * strips comments, then flags
 * <ul>
 *   <li>in scripts, every string literal that reads like words (two letters or more, and a space or a capital
 *       letter followed by a lower-case one: "No data", "Camp", "reorder now"), except import paths, URLs and
 *       paths, lists of the style sheet's classes ("cov cov-ok"), and the few protocol words listed in
 *       {@link #ALLOWED} (HTTP header names and schemes);</li>
 *   <li>in the page, any text between tags and any title/aria-label/placeholder/alt attribute with letters.</li>
 * </ul>
 * A lower-case single word ("coverage") rendered into the page escapes the first rule; such words are caught where
 * they are labels (the key test sees every t() call) or by review. The scanner is tested on samples that must fail.
 */
class HardCodedTextTest {
    /** Words that are protocol, not text for people. */
    static final List<String> ALLOWED = List.of("Accept", "Accept-Language", "Authorization", "Bearer ", "X-API-Key",
        "HTTP ", "Content-Type", "Point", "SmartCamp");
    private static final Pattern COMMENTS = Pattern.compile("/\\*.*?\\*/|(?m)^\\s*//.*$|(?<=[;,{}()\\s])//[^'\"\\n]*$",
        Pattern.DOTALL | Pattern.MULTILINE);
    private static final Pattern LITERAL = Pattern.compile("'((?:[^'\\\\\\n]|\\\\.)*)'|\"((?:[^\"\\\\\\n]|\\\\.)*)\""
        + "|`((?:[^`\\\\]|\\\\.)*)`");
    private static final Set<String> CSS_CLASSES = cssClasses();
    private static final Pattern WORDS = Pattern.compile("[A-Za-z]{2,}");
    private static final Pattern SENTENCE = Pattern.compile("[A-Za-z]{2,}[^\\n]*\\s[^\\n]*[A-Za-z]|^[A-Z][a-z]");
    private static final Pattern HTML_TEXT = Pattern.compile(">([^<]*[A-Za-z]{2,}[^<]*)<");
    private static final Pattern HTML_ATTR =
        Pattern.compile("\\s(?:title|aria-label|placeholder|alt)=\"([^\"]*[A-Za-z][^\"]*)\"");

    @Test
    void theDashboardsScriptsAndPageHoldNoTextForPeople() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : I18nBundlesTest.webFiles()) {
            String source = Files.readString(file);
            for (String text : file.toString().endsWith(".html") ? inPage(source) : inScript(source)) {
                found.add(file + ": " + text);
            }
        }
        assertThat(found).as("texts outside the bundles (put them in i18n/dashboard_*.properties)").isEmpty();
    }

    @Test
    void theScanFindsTextWrittenIntoScriptsAndPages() {
        assertThat(inScript("root.append(h('p', {}, 'No data here'));")).containsExactly("No data here");
        assertThat(inScript("{ label: 'Camp', cell: r => r.id }")).containsExactly("Camp");
        assertThat(inScript("e.textContent = `${n} camps in scope`;")).containsExactly("${n} camps in scope");
        assertThat(inScript("notice(\"reorder now\")")).containsExactly("reorder now");
        assertThat(inScript("h('span', { class: 'cov cov-' + kind }, 'no data')")).containsExactly("no data");
        assertThat(inPage("<h1>Sign in</h1>")).containsExactly("Sign in");
        assertThat(inPage("<nav aria-label=\"Views\"></nav>")).containsExactly("Views");
        // What is not text for people passes.
        assertThat(inScript("import { h } from './dom.js'; // Comment with Words\n"
            + "h('span', { class: 'cov cov-ok', 'data-value': '1' }, t('fmt.noData'));"
            + "api.get('/api/v1/camps.geojson'); const x = 'Authorization';")).isEmpty();
        assertThat(inPage("<p data-i18n=\"login.intro\"></p><!-- a comment -->")).isEmpty();
    }

    /** The literals of a script that read like words for people. */
    static List<String> inScript(String source) {
        String code = COMMENTS.matcher(source).replaceAll("");
        List<String> out = new ArrayList<>();
        for (String line : code.split("\n")) {
            if (line.trim().startsWith("import ")) {
                continue;
            }
            Matcher m = LITERAL.matcher(line);
            while (m.find()) {
                String text = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                if (looksLikeText(text)) {
                    out.add(text);
                }
            }
        }
        return out;
    }

    private static boolean looksLikeText(String text) {
        if (!WORDS.matcher(text).find() || ALLOWED.contains(text) || text.startsWith("/") || text.startsWith("#")
            || text.startsWith("./") || text.startsWith("../") || text.contains("://")) {
            return false;
        }
        return SENTENCE.matcher(text).find() && !classList(text);
    }

    /** "cov cov-", "panel card": every word a class of the style sheet (or the start of one). */
    private static boolean classList(String text) {
        return Arrays.stream(text.trim().split("\\s+")).allMatch(w -> CSS_CLASSES.contains(w)
            || w.endsWith("-") && CSS_CLASSES.stream().anyMatch(c -> c.startsWith(w)));
    }

    private static Set<String> cssClasses() {
        try {
            Matcher m = Pattern.compile("\\.([a-zA-Z][\\w-]*)").matcher(
                Files.readString(I18nBundlesTest.WEBROOT.resolve("css/dashboard.css")));
            Set<String> out = new TreeSet<>();
            while (m.find()) {
                out.add(m.group(1));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The texts of the page outside the data-i18n mechanism. */
    static List<String> inPage(String html) {
        String page = html.replaceAll("(?s)<!--.*?-->", "").replaceAll("(?s)<script.*?</script>", "")
            .replaceAll("(?s)<style.*?</style>", "").replaceAll("(?s)<title>.*?</title>", "");
        List<String> out = new ArrayList<>();
        for (Pattern p : List.of(HTML_TEXT, HTML_ATTR)) {
            Matcher m = p.matcher(page);
            while (m.find()) {
                String text = m.group(1).trim();
                if (!text.isEmpty() && !ALLOWED.contains(text)) {
                    out.add(text);
                }
            }
        }
        return out;
    }
}
