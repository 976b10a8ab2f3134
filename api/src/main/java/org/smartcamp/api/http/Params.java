package org.smartcamp.api.http;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The validated query parameters of one request. Every route names the parameters it knows; anything else, a
 * parameter given twice, or a value of the wrong form is refused with a 400 that names the parameter and says
 * what is wrong. Values never reach SQL except as bind parameters, and only after passing these checks.
 */
public final class Params {
    /** Registry ids (missions, camps, assets, API keys), as the schema's CHECK constraint has them. */
    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    /** Metric names such as {@code fuel.level}. */
    public static final Pattern METRIC = Pattern.compile("[a-z][a-z0-9_]{0,31}(\\.[a-z0-9_]{1,32}){0,3}");
    /** Figure names such as {@code fuel_consumed_l}. */
    public static final Pattern FIGURE = Pattern.compile("[a-z][a-z0-9_.:]{0,63}");
    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");
    private static final int MAX_LIST = 100;

    private final MultiMap query;

    private Params(MultiMap query) {
        this.query = query;
    }

    /**
     * The query of {@code ctx}, checked against the parameters the route knows; a route that knows {@code format}
     * also knows the CSV options ({@link CsvOptions#PARAMS}).
     *
     * @throws ApiException 400 for an unknown or repeated parameter
     */
    public static Params of(RoutingContext ctx, Set<String> known) {
        MultiMap query = ctx.queryParams();
        if (known.contains("format")) {
            known = new java.util.HashSet<>(known);
            known.addAll(CsvOptions.PARAMS);
        }
        for (String name : query.names()) {
            if (!known.contains(name)) {
                throw ApiException.badParameter(name, "is not known on this route; known: "
                    + String.join(", ", new TreeSet<>(known)));
            }
            if (query.getAll(name).size() > 1) {
                throw ApiException.badParameter(name, "is given more than once; give it once "
                    + "(lists are comma-separated)");
            }
        }
        return new Params(query);
    }

    /** The raw value, or null when absent. */
    public String raw(String name) {
        String v = query.get(name);
        return v == null || v.isEmpty() ? null : v;
    }

    /** A registry id, or null when absent. */
    public String id(String name) {
        String v = raw(name);
        return v == null ? null : checkId(name, v);
    }

    /** A comma-separated list of values matching {@code pattern}; empty when absent. */
    public List<String> list(String name, Pattern pattern, String form) {
        String v = raw(name);
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        for (String item : v.split(",", -1)) {
            if (!pattern.matcher(item).matches()) {
                throw ApiException.badParameter(name, "must be a comma-separated list of " + form + "; '"
                    + shorten(item) + "' is not one");
            }
            if (!out.contains(item)) {
                out.add(item);
            }
        }
        if (out.size() > MAX_LIST) {
            throw ApiException.badParameter(name, "lists at most " + MAX_LIST + " values");
        }
        return out;
    }

    /** One of {@code choices}, or {@code fallback} when absent. */
    public String choice(String name, Set<String> choices, String fallback) {
        String v = raw(name);
        if (v == null) {
            return fallback;
        }
        if (!choices.contains(v)) {
            throw ApiException.badParameter(name, "must be one of " + String.join(", ", new TreeSet<>(choices))
                + "; got '" + shorten(v) + "'");
        }
        return v;
    }

    /** A whole number in {@code [min, max]}, or {@code fallback} when absent. */
    public int integer(String name, int min, int max, int fallback) {
        String v = raw(name);
        if (v == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v);
            if (n >= min && n <= max) {
                return (int) n;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the allowed range
        }
        throw ApiException.badParameter(name, "must be a whole number from " + min + " to " + max + "; got '"
            + shorten(v) + "'");
    }

    /**
     * A point in time: ISO 8601 with a zone ({@code 2026-03-01T12:00:00Z}, {@code 2026-03-01T14:00:00+02:00})
     * or a date ({@code 2026-03-01}, midnight UTC); null when absent.
     */
    public Instant instant(String name) {
        String v = raw(name);
        if (v == null) {
            return null;
        }
        Instant t = parseInstant(v);
        if (t == null) {
            throw ApiException.badParameter(name, "must be an ISO 8601 time with a zone such as "
                + "2026-03-01T12:00:00Z, or a date such as 2026-03-01; got '" + shorten(v) + "'");
        }
        if (t.isBefore(EARLIEST) || !t.isBefore(LATEST)) {
            throw ApiException.badParameter(name, "must lie between 1970 and 2200");
        }
        return t;
    }

    /** The route's path parameter {@code name}, which must be a registry id. */
    public static String pathId(RoutingContext ctx, String name) {
        return checkId(name, ctx.pathParam(name));
    }

    /** The path parameter {@code name} as a positive whole number. */
    public static long pathNumber(RoutingContext ctx, String name) {
        String v = ctx.pathParam(name);
        try {
            long n = Long.parseLong(v);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ApiException.badParameter(name, "must be a positive whole number; got '" + shorten(v) + "'");
    }

    private static String checkId(String name, String v) {
        if (v == null || !ID.matcher(v).matches()) {
            throw ApiException.badParameter(name, "must be an id of lower-case letters, digits, '.', '_' or '-' "
                + "(at most 64, starting with a letter or digit); got '" + shorten(v) + "'");
        }
        return v;
    }

    static Instant parseInstant(String v) {
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    /** A value as echoed in an error message: cut short, control characters dropped. */
    static String shorten(String v) {
        if (v == null) {
            return "";
        }
        String clean = v.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 40 ? clean.substring(0, 40) + "…" : clean;
    }
}
