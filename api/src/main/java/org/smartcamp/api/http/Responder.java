package org.smartcamp.api.http;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Writes tables as JSON ({@code {..meta, "items": [...], "count": n, "next": link}}) or CSV ({@link Csv}), with a
 * {@code Link: <...>; rel="next"} header when more pages exist, and notes the rows and the export for the
 * audit log.
 */
public final class Responder {
    /** Context keys the audit log reads. */
    public static final String ROWS = "smartcamp.rows";
    public static final String EXPORT = "smartcamp.export";

    private Responder() {
    }

    /** Sends {@code listing} in {@code format} (JSON or CSV). */
    public static void send(RoutingContext ctx, Format format, Listing listing) {
        String next = listing.next() == null ? null : nextLink(ctx, Cursor.encode(listing.next()));
        if (next != null) {
            ctx.response().putHeader("Link", "<" + next + ">; rel=\"next\"");
        }
        ctx.put(ROWS, listing.items().size());
        if (format == Format.CSV) {
            ctx.put(EXPORT, true);
            ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8; header=present")
                .putHeader("Content-Disposition", "attachment; filename=\"" + listing.name() + ".csv\"");
            CsvOptions options = ctx.get(Format.CSV_OPTIONS);
            Csv.stream(ctx.response(), options == null ? CsvOptions.RFC_4180 : options, listing.csvColumns(),
                listing.items());
            return;
        }
        JsonObject body = listing.meta().copy().put("items", new JsonArray(listing.items()))
            .put("count", listing.items().size()).put("next", next);
        json(ctx, body);
    }

    /** Sends one JSON document. */
    public static void json(RoutingContext ctx, JsonObject body) {
        if (ctx.get(ROWS) == null) {
            ctx.put(ROWS, 1);
        }
        ctx.response().putHeader("Content-Type", "application/json").end(body.encode());
    }

    /** Sends a GeoJSON document. */
    public static void geoJson(RoutingContext ctx, JsonObject featureCollection, int features) {
        ctx.put(ROWS, features);
        ctx.response().putHeader("Content-Type", "application/geo+json").end(featureCollection.encode());
    }

    /** This request's path and query with {@code cursor} replaced. */
    static String nextLink(RoutingContext ctx, String cursor) {
        StringBuilder url = new StringBuilder(ctx.request().path()).append('?');
        MultiMap q = ctx.queryParams();
        for (String name : q.names()) {
            if (!"cursor".equals(name)) {
                url.append(encode(name)).append('=').append(encode(q.get(name))).append('&');
            }
        }
        return url.append("cursor=").append(cursor).toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
