package org.smartcamp.api.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The texts of one resource bundle ({@code i18n/<name>_<lang>.properties} on the class path, UTF-8) in every
 * language SmartCamp speaks, and the choice of a language from a request's {@code Accept-Language}.
 */
public final class Messages {
    /** The languages SmartCamp speaks, the first one the default. */
    public static final List<String> LANGUAGES = List.of("en", "fr");
    /** The default language. */
    public static final String DEFAULT = LANGUAGES.get(0);

    private final String name;
    private final Map<String, SortedMap<String, String>> byLanguage = new TreeMap<>();

    private Messages(String name) {
        this.name = name;
        for (String lang : LANGUAGES) {
            byLanguage.put(lang, read(path(name, lang)));
        }
    }

    /**
     * The bundle {@code name} in every language.
     *
     * @throws IllegalStateException when one of its files is missing from the class path
     */
    public static Messages load(String name) {
        return new Messages(name);
    }

    /** The class-path resource of bundle {@code name} in {@code lang}. */
    public static String path(String name, String lang) {
        return "i18n/" + name + "_" + lang + ".properties";
    }

    /** The bundle's name. */
    public String name() {
        return name;
    }

    /** Every key and text of the bundle in {@code lang} (a language outside {@link #LANGUAGES}: the default). */
    public SortedMap<String, String> all(String lang) {
        return byLanguage.getOrDefault(lang, byLanguage.get(DEFAULT));
    }

    /** The text of {@code key} in {@code lang}, else in the default language, else null. */
    public String text(String lang, String key) {
        String text = all(lang).get(key);
        return text != null ? text : all(DEFAULT).get(key);
    }

    /**
     * The language to answer in for an {@code Accept-Language} header (RFC 9110 weights, "fr-CA" matches "fr"):
     * the best one SmartCamp speaks, else the default. A missing or malformed header gets the default.
     */
    public static String negotiate(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 256) {
            return DEFAULT;
        }
        try {
            String tag = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), LANGUAGES);
            return tag == null ? DEFAULT : tag;
        } catch (IllegalArgumentException e) {
            return DEFAULT;
        }
    }

    /** A properties file read as UTF-8 (the bundles hold accents as they are, not as \\u escapes). */
    public static SortedMap<String, String> read(String resource) {
        InputStream in = Messages.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("resource bundle " + resource + " is not on the class path");
        }
        Properties p = new Properties();
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        SortedMap<String, String> out = new TreeMap<>();
        p.forEach((k, v) -> out.put((String) k, (String) v));
        return out;
    }
}
