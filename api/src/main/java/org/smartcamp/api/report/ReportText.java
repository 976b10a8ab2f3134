package org.smartcamp.api.report;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The report's words and number formats in one language: strings from the bundles {@code i18n/reports_en} and
 * {@code i18n/reports_fr}, numbers and dates formatted for the locale ({@code 1,234.5 L}; in French
 * {@code 1 234,5 L} with a no-break space). Times are UTC, like the figures.
 */
public final class ReportText {
    /** The languages the report is written in; the first is the default. */
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.FRENCH);
    static final String BUNDLE = "i18n.reports";

    private final Locale locale;
    private final ResourceBundle bundle;
    private final DecimalFormatSymbols symbols;

    private ReportText(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
            ResourceBundle.Control.FORMAT_PROPERTIES));
        this.symbols = DecimalFormatSymbols.getInstance(locale);
        if (Locale.FRENCH.getLanguage().equals(locale.getLanguage())) {
            // a plain no-break space, which every PDF base font has (Java's CLDR data gives U+202F)
            symbols.setGroupingSeparator('\u00a0');
        }
    }

    /** The text of {@code locale}'s language (one of {@link #LANGUAGES}). */
    public static ReportText of(Locale locale) {
        return new ReportText(locale);
    }

    public Locale locale() {
        return locale;
    }

    /** The string of {@code key} with {@code args} filled in ({@link MessageFormat}). */
    public String get(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern.replace("'", "''"), locale).format(args);
    }

    /** A number with {@code decimals} places and grouping, or "–" when unknown. */
    public String number(Double value, int decimals) {
        if (value == null || !Double.isFinite(value)) {
            return "–";
        }
        DecimalFormat f = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals), symbols);
        return f.format(value);
    }

    /** A number with a unit ({@code 1 234,5 L}, {@code 12,0 j}), or "–". */
    public String quantity(Double value, int decimals, String unit) {
        String n = number(value, decimals);
        return "–".equals(n) ? n : n + '\u00a0' + unit(unit);
    }

    /**
     * A stored unit symbol as the language writes it: days ({@code d}) are {@code j} in French and a count is a
     * word; symbols shared by both languages (L, kWh, h, kg, %) are kept.
     */
    public String unit(String symbol) {
        if (symbol == null) {
            return null;
        }
        return switch (symbol) {
            case "d" -> get("unit.days");
            case "L/d" -> "L/" + get("unit.days");
            case "count" -> get("unit.count");
            default -> symbol;
        };
    }

    /** A ratio 0..1 as a percentage ({@code 97.5 %}), or "–". */
    public String percent(Double ratio) {
        return ratio == null ? "–" : quantity(ratio * 100, 1, "%");
    }

    /** A day in the locale's medium style ({@code Mar 1, 2026}, {@code 1 mars 2026}). */
    public String date(LocalDate day) {
        return day == null ? "–" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)
            .format(day);
    }

    /** An instant as a UTC day and time in the locale's style. */
    public String time(Instant t) {
        return t == null ? "–" : date(LocalDate.ofInstant(t, ZoneOffset.UTC)) + " "
            + DateTimeFormatter.ofPattern("HH:mm").format(t.atOffset(ZoneOffset.UTC)) + " UTC";
    }

    /** An instant as a day and time in {@code zone}, in the locale's style, without the zone. */
    public String localTime(Instant t, java.time.ZoneId zone) {
        return t == null ? "–" : date(LocalDate.ofInstant(t, zone)) + " "
            + DateTimeFormatter.ofPattern("HH:mm").format(t.atZone(zone));
    }

    /** The month's name and year ({@code March 2026}, {@code mars 2026}). */
    public String month(YearMonth month) {
        return DateTimeFormatter.ofPattern("LLLL yyyy", locale).format(month);
    }

    /** The language of a request: {@code lang} if given, else the best of {@code Accept-Language}, else English. */
    public static Locale negotiate(String lang, String acceptLanguage) {
        if (lang != null) {
            return LANGUAGES.stream().filter(l -> l.getLanguage().equals(lang)).findFirst().orElse(null);
        }
        if (acceptLanguage != null) {
            try {
                Locale best = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), LANGUAGES);
                if (best != null) {
                    return best;
                }
            } catch (IllegalArgumentException e) {
                // a malformed header is read as no preference
            }
        }
        return LANGUAGES.get(0);
    }
}
