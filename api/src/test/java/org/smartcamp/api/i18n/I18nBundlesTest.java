package org.smartcamp.api.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every resource bundle under i18n/ (dashboard, problems, reports, whatever is there) has the same keys in every
 * language, with the same placeholders and no empty text; and every key the dashboard's scripts and page ask for
 * literally is in its bundle.
 */
class I18nBundlesTest {
    static final Path BUNDLES = Path.of("src/main/resources/i18n");
    static final Path WEBROOT = Path.of("src/main/resources/webroot");
    private static final Pattern FILE = Pattern.compile("(.+)_([a-z]{2})\\.properties");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    /** t('key'), plural('key', ...) and data-i18n*="key" in the scripts and the page. */
    private static final Pattern USED =
        Pattern.compile("\\b(?:t|plural)\\('([\\w.-]+)'|data-i18n[\\w-]*=\"([\\w.-]+)\"");

    @Test
    void everyBundleHasEveryKeyInEveryLanguageWithTheSamePlaceholders() throws IOException {
        Map<String, Set<String>> languages = bundles();
        assertThat(languages).containsKeys("dashboard", "problems");
        for (Map.Entry<String, Set<String>> bundle : languages.entrySet()) {
            assertThat(bundle.getValue()).as("languages of bundle " + bundle.getKey())
                .containsExactlyInAnyOrderElementsOf(Messages.LANGUAGES);
            SortedMap<String, String> english = Messages.read(Messages.path(bundle.getKey(), "en"));
            for (String lang : bundle.getValue()) {
                SortedMap<String, String> other = Messages.read(Messages.path(bundle.getKey(), lang));
                assertThat(other.keySet()).as("keys of %s_%s against %s_en", bundle.getKey(), lang, bundle.getKey())
                    .containsExactlyInAnyOrderElementsOf(english.keySet());
                for (Map.Entry<String, String> e : other.entrySet()) {
                    assertThat(e.getValue()).as("%s_%s %s", bundle.getKey(), lang, e.getKey()).isNotBlank();
                    assertThat(placeholders(e.getValue())).as("placeholders of %s in %s_%s", e.getKey(),
                        bundle.getKey(), lang).isEqualTo(placeholders(english.get(e.getKey())));
                }
            }
        }
    }

    @Test
    void everyKeyTheDashboardAsksForIsInItsBundle() throws IOException {
        Set<String> used = new TreeSet<>();
        for (Path file : webFiles()) {
            Matcher m = USED.matcher(Files.readString(file));
            while (m.find()) {
                used.add(m.group(1) != null ? m.group(1) : m.group(2));
            }
        }
        SortedMap<String, String> english = Messages.read(Messages.path("dashboard", "en"));
        Set<String> missing = new TreeSet<>();
        for (String key : used) {
            // plural('x', n) reads x.one and x.other.
            boolean plural = english.containsKey(key + ".one") && english.containsKey(key + ".other");
            // t('chart.' + name) reads a family of keys.
            boolean prefix = key.endsWith(".") && english.keySet().stream().anyMatch(k -> k.startsWith(key));
            if (!english.containsKey(key) && !plural && !prefix) {
                missing.add(key);
            }
        }
        assertThat(used).hasSizeGreaterThan(150);
        assertThat(missing).as("keys used in webroot/ but not in dashboard_en.properties").isEmpty();
    }

    /** The bundles in i18n/ by name, each with its languages. */
    static Map<String, Set<String>> bundles() throws IOException {
        try (Stream<Path> files = Files.list(BUNDLES)) {
            return files.map(p -> FILE.matcher(p.getFileName().toString())).filter(Matcher::matches)
                .collect(Collectors.groupingBy(m -> m.group(1), TreeMap::new,
                    Collectors.mapping(m -> m.group(2), Collectors.toCollection(TreeSet::new))));
        }
    }

    static java.util.List<Path> webFiles() throws IOException {
        try (Stream<Path> files = Files.walk(WEBROOT)) {
            return files.filter(p -> !p.startsWith(WEBROOT.resolve("vendor")))
                .filter(p -> p.toString().endsWith(".js") || p.toString().endsWith(".html")).sorted().toList();
        }
    }

    private static Set<String> placeholders(String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
