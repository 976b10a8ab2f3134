package org.smartcamp.api.http;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.smartcamp.api.store.Fingerprint;

/**
 * Writes tables as JSON ({@code {..meta, "items": [...], "count": n, "next": link}}) or CSV ({@link Csv}), with a
 * {@code Link: <...>; rel="next"} header when more pages exist, and notes the rows and the export for the
 * audit log.
 */
public final class Responder {
    /** Context keys the audit log reads. */
    public static final String ROWS = "smartcamp.rows";
    public static final String EXPORT = "smartcamp.export";
    /**
     * Context key of an answer of an analytics or readings route that is computed for this request (not cached):
     * it is tagged by its bytes instead of {@code no-store}.
     */
    static final String LIVE = "smartcamp.live";

    private Responder() {
    }

    /** Sends {@code listing} in {@code format} (JSON or CSV). */
    public static void send(RoutingContext ctx, Format format, Listing listing) {
        String next = listing.next() == null ? null : nextLink(ctx, Cursor.encode(listing.next()));
        List<Map.Entry<String, String>> headers = new ArrayList<>(2);
        if (next != null) {
            headers.add(Map.entry("Link", "<" + next + ">; rel=\"next\""));
        }
        ctx.put(ROWS, listing.items().size());
        if (format == Format.CSV) {
            ctx.put(EXPORT, true);
            // streamed as it is written (an export may be large), so never held in the answer cache
            HttpServerResponse r = ctx.response();
            headers.forEach(h -> r.putHeader(h.getKey(), h.getValue()));
            r.putHeader("Content-Type", "text/csv; charset=utf-8; header=present")
                .putHeader("Content-Disposition", "attachment; filename=\"" + listing.name() + ".csv\"");
            CsvOptions options = ctx.get(Format.CSV_OPTIONS);
            Csv.stream(r, options == null ? CsvOptions.RFC_4180 : options, listing.csvColumns(), listing.items());
            return;
        }
        JsonObject body = listing.meta().copy().put("items", new JsonArray(listing.items()))
            .put("count", listing.items().size()).put("next", next);
        json(ctx, body, headers);
    }

    /** Sends one JSON document. */
    public static void json(RoutingContext ctx, JsonObject body) {
        json(ctx, body, List.of());
    }

    private static void json(RoutingContext ctx, JsonObject body, List<Map.Entry<String, String>> headers) {
        if (ctx.get(ROWS) == null) {
            ctx.put(ROWS, 1);
        }
        finish(ctx, "application/json", headers, body.encode());
    }

    /** Sends a GeoJSON document. */
    public static void geoJson(RoutingContext ctx, JsonObject featureCollection, int features) {
        ctx.put(ROWS, features);
        finish(ctx, "application/geo+json", List.of(), featureCollection.encode());
    }

    /**
     * Ends the response with {@code body} and these headers, or, on a cacheable request, hands them to the
     * {@link AnswerCache}, which keeps the answer and sends it with its ETag and in the encoding asked for.
     */
    private static void finish(RoutingContext ctx, String contentType, List<Map.Entry<String, String>> headers,
                               String body) {
        AnswerCache.Capture capture = ctx.get(AnswerCache.CAPTURE);
        if (capture != null) {
            capture.finish(ctx, contentType, headers, body);
            return;
        }
        HttpServerResponse r = ctx.response();
        headers.forEach(h -> r.putHeader(h.getKey(), h.getValue()));
        r.putHeader("Content-Type", contentType).headers().add("Vary", "Accept-Encoding")
            .add("Vary", "Accept-Language");
        if (!Boolean.TRUE.equals(ctx.get(LIVE))) {
            r.end(body);
            return;
        }
        // computed now, so never stale: a tag of the bytes lets a client that holds them skip the transfer
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String tag = "\"b-" + Fingerprint.of(bytes) + "\"";
        r.putHeader("ETag", tag).putHeader("Cache-Control", "private, no-cache");
        if (AnswerCache.matches(ctx.request().getHeader("If-None-Match"), tag)) {
            r.setStatusCode(304).end();
            return;
        }
        r.end(Buffer.buffer(bytes));
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
