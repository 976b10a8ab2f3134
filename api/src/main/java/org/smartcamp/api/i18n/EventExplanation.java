package org.smartcamp.api.i18n;

import io.vertx.core.json.JsonObject;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * A detected event's explanation in the caller's language, written again from the event's own fields (kind,
 * start, end) and its evidence's figures and metric with the sentences of the bundle {@code i18n/events_<lang>}:
 * the detectors store one English sentence, which stays the event's {@code explanation}. Numbers are formatted
 * for the language ({@code 1 234,5 L} in French, with a no-break space). An event whose figures lack what its
 * sentence needs (written by an older detector, or by hand) gets null: the caller shows the stored English.
 */
public final class EventExplanation {
    /** The bundle's name. */
    public static final String BUNDLE = "events";
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private final Messages messages;

    public EventExplanation(Messages messages) {
        this.messages = messages;
    }

    /** The bundle loaded from the class path. */
    public static EventExplanation load() {
        return new EventExplanation(Messages.load(BUNDLE));
    }

    /**
     * The explanation of the event {@code kind} from {@code start} to {@code end} (ISO-8601) with {@code evidence}
     * ({@code figures}, {@code metric}) in {@code lang}, or null when its figures do not say enough.
     */
    public String text(String lang, String kind, String start, String end, JsonObject evidence) {
        if (kind == null || evidence == null || !(evidence.getValue("figures") instanceof JsonObject figures)) {
            return null;
        }
        try {
            return new Sentence(lang, figures, evidence.getString("metric"), Instant.parse(start),
                end == null ? null : Instant.parse(end)).of(kind);
        } catch (MissingFigure | RuntimeException e) {
            return null;
        }
    }

    /** A figure the sentence needs is not in the evidence. */
    private static final class MissingFigure extends Exception {
        MissingFigure() {
            super(null, null, false, false);
        }
    }

    private final class Sentence {
        private final String lang;
        private final Locale locale;
        private final JsonObject figures;
        private final String metric;
        private final Instant start;
        private final Instant end;
        private final DecimalFormatSymbols symbols;

        Sentence(String lang, JsonObject figures, String metric, Instant start, Instant end) {
            this.lang = Messages.LANGUAGES.contains(lang) ? lang : Messages.DEFAULT;
            this.locale = Locale.forLanguageTag(this.lang);
            this.figures = figures;
            this.metric = metric;
            this.start = start;
            this.end = end;
            this.symbols = DecimalFormatSymbols.getInstance(locale);
            if ("fr".equals(this.lang)) {
                symbols.setGroupingSeparator('\u00a0');
            }
        }

        String of(String kind) throws MissingFigure {
            return switch (kind) {
                case "refuel", "theft" -> say(kind, litres("litres"), clock(start), clock(end),
                    litres("level_before_l"), litres("level_after_l"), litres("expected_outflow_l"),
                    litres("threshold_l"));
                case "short_fill" -> say(kind, litres("delivered_l"), litres("measured_l"),
                    percent(figure("shortfall_l") / figure("delivered_l"), 1), percent(figure("tolerance"), 1));
                case "leak" -> say(kind, number(figure("litres_per_day"), 1) + "\u00a0L/" + perDay(),
                    Long.toString(figures.fieldNames().stream().filter(n -> n.startsWith("loss_l_per_day_")).count()),
                    date(start), number(figure("cusum_k_l_per_day"), 1) + "\u00a0L/" + perDay(),
                    number(figure("cusum"), 1));
                case "low_load" -> say(kind, hours(figure("running_h")), number(figure("load_factor_mean"), 2),
                    number(figure("threshold"), 2), optional("wet_stacking_risk") > 0 ? say("low_load.wet") : "",
                    litres("fuel_lost_l", 1));
                case "overload" -> say(kind, hours(figure("running_h")), number(figure("load_factor_mean"), 2),
                    number(figure("load_factor_max"), 2), number(figure("threshold"), 2));
                case "sfc_degradation" -> say(kind, litres("fuel_l"), litres("expected_fuel_l"),
                    percent(figure("excess_ratio"), 0), percent(figure("threshold_ratio"), 0));
                case "outage" -> say(kind, hours(figure("duration_h")), date(start) + " " + clock(start),
                    date(end) + " " + clock(end));
                case "stale_sensor" -> say(kind, name(), hours(figures.containsKey("gap_h") ? figure("gap_h")
                    : figure("hours")), number(figure("expected_interval_s"), 0) + "\u00a0s",
                    figures.containsKey("camp_coverage") ? say("stale_sensor.coverage",
                        percent(figure("camp_coverage"), 0)) : "");
                case "flatline" -> say(kind, name(), number(figure("value"), 2), hours(figure("hours")));
                default -> null;
            };
        }

        private String say(String key, Object... args) {
            String pattern = messages.text(lang, "explain." + key);
            return new MessageFormat(pattern.replace("'", "''"), locale).format(args);
        }

        private double figure(String name) throws MissingFigure {
            Object v = figures.getValue(name);
            if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue())) {
                throw new MissingFigure();
            }
            return n.doubleValue();
        }

        private double optional(String name) {
            return figures.getValue(name) instanceof Number n ? n.doubleValue() : 0;
        }

        private String name() throws MissingFigure {
            if (metric == null || metric.isBlank()) {
                throw new MissingFigure();
            }
            return metric.replace(",", ", ");
        }

        private String number(double v, int decimals) {
            DecimalFormat f = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals), symbols);
            f.setRoundingMode(RoundingMode.HALF_UP); // as the detectors' String.format
            return f.format(v);
        }

        private String litres(String name) throws MissingFigure {
            return litres(name, 0);
        }

        private String litres(String name, int decimals) throws MissingFigure {
            return number(figure(name), decimals) + "\u00a0L";
        }

        private String hours(double h) {
            return number(h, 1) + "\u00a0h";
        }

        private String percent(double ratio, int decimals) {
            return number(100 * ratio, decimals) + "\u00a0%";
        }

        private String perDay() {
            return "fr".equals(lang) ? "j" : "day";
        }

        private String clock(Instant t) throws MissingFigure {
            if (t == null) {
                throw new MissingFigure();
            }
            return CLOCK.format(t);
        }

        private String date(Instant t) throws MissingFigure {
            if (t == null) {
                throw new MissingFigure();
            }
            return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)
                .format(LocalDate.ofInstant(t, ZoneOffset.UTC));
        }
    }
}
