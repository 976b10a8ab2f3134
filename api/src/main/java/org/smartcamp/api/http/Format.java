package org.smartcamp.api.http;

import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import org.smartcamp.api.auth.Principal;
import org.smartcamp.api.auth.Role;

/** The representation a client asked for: {@code ?format=} wins over the Accept header; JSON by default. */
public enum Format {
    JSON, CSV, GEOJSON;

    /** CSV is an export: it needs the logistics role. */
    public static final Role EXPORT_ROLE = Role.LOGISTICS;
    /** The context key of a CSV request's {@link CsvOptions}. */
    static final String CSV_OPTIONS = "smartcamp.csvOptions";

    /**
     * The format of this request.
     *
     * @param geoJson whether the route also serves GeoJSON
     * @throws ApiException 400 for an unknown format or bad CSV options ({@link CsvOptions}; refused on answers that
     *     are not CSV), 403 for CSV without the export role
     */
    public static Format of(RoutingContext ctx, Params p, boolean geoJson) {
        Set<String> choices = geoJson ? Set.of("json", "csv", "geojson") : Set.of("json", "csv");
        String asked = p.choice("format", choices, null);
        Format f = asked != null ? valueOf(asked.toUpperCase(java.util.Locale.ROOT)) : fromAccept(ctx, geoJson);
        Principal caller = Principal.of(ctx);
        if (f == CSV && (caller == null || !caller.role().includes(EXPORT_ROLE))) {
            throw ApiException.forbidden("exporting CSV needs the " + EXPORT_ROLE.id() + " role");
        }
        if (f == CSV) {
            ctx.put(CSV_OPTIONS, CsvOptions.of(p));
        } else if (CsvOptions.given(p) != null) {
            throw ApiException.badParameter(CsvOptions.given(p),
                "applies to CSV only (format=csv or Accept: text/csv)");
        }
        return f;
    }

    private static Format fromAccept(RoutingContext ctx, boolean geoJson) {
        String accept = ctx.request().getHeader("Accept");
        if (accept == null) {
            return JSON;
        }
        if (geoJson && accept.contains("application/geo+json")) {
            return GEOJSON;
        }
        if (accept.contains("text/csv") && !accept.contains("application/json")) {
            return CSV;
        }
        return JSON;
    }
}
