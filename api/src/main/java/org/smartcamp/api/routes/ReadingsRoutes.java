package org.smartcamp.api.routes;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.smartcamp.api.auth.Scope;
import org.smartcamp.api.http.AnswerCache;
import org.smartcamp.api.http.ApiException;
import org.smartcamp.api.http.Cursor;
import org.smartcamp.api.http.Format;
import org.smartcamp.api.http.Listing;
import org.smartcamp.api.http.Params;
import org.smartcamp.api.http.Responder;
import org.smartcamp.api.http.TimeRange;
import org.smartcamp.api.store.Bucket;
import org.smartcamp.api.store.ReadingsQuery;
import org.smartcamp.api.store.ReadingsStore;
import org.smartcamp.api.store.Registry;

/**
 * Readings in the long format, raw (paged by cursor) or in buckets ({@code bucket=15m|1h|1d|...}); with
 * {@code maxPoints} and no bucket the narrowest bucket giving at most that many points per series is chosen.
 * Personal metrics (positions) are never in a default answer, JSON or CSV export: they come only when named
 * ({@code metric=vehicle.lat}) or with {@code include=location}, and either needs {@code location} for every camp
 * the request covers (else 403). Every answer holding them is noted for the audit log.
 */
final class ReadingsRoutes {
    static final List<String> RAW_CSV = List.of("timestamp", "camp", "asset", "metric", "value", "unit", "quality");
    static final List<String> BUCKET_CSV = Stream.concat(RAW_CSV.stream(),
        Stream.of("samples", "min", "max", "first", "last")).toList();
    private static final Duration DEFAULT_SPAN = Duration.ofDays(1);
    private static final List<String> PARAMS = List.of("metric", "from", "to", "bucket", "maxPoints", "format",
        "include");
    /** The value of {@code include} that adds the personal metrics to an answer naming no metric. */
    static final String INCLUDE_LOCATION = "location";

    private final RouteSupport support;

    ReadingsRoutes(RouteSupport support) {
        this.support = support;
    }

    void mount(Endpoints e) {
        // only the buckets read from the rollups the analytics job keeps are cached; raw readings are served live
        Handler<RoutingContext> rollups = support.cached(ctx -> AnswerCache.explicitRange(ctx)
            && fromRollups(ctx.queryParams().get("bucket")));
        e.get("/api/v1/assets/{id}/readings", rollups, ctx -> ofAsset(ctx, false));
        e.get("/api/v1/camps/{camp}/assets/{asset}/readings", rollups, ctx -> ofAsset(ctx, true));
        e.get("/api/v1/readings", rollups, this::ofCamps);
    }

    /** Whether {@code bucket} names a width read from the stored rollups (not from raw readings). */
    static boolean fromRollups(String bucket) {
        Bucket b = bucket == null ? null : Bucket.ofId(bucket);
        return b != null && !b.fromRaw();
    }

    private void ofAsset(RoutingContext ctx, boolean campInPath) {
        Params p = Params.of(ctx, RouteSupport.assetParams(campInPath, RouteSupport.known(RouteSupport.PAGING,
            PARAMS)));
        Scope scope = support.scope(ctx);
        Registry.Asset asset = RouteSupport.pathAsset(ctx, p, scope, campInPath);
        serve(ctx, p, scope, List.of(asset.campId()), List.of(asset.ref()));
    }

    private void ofCamps(RoutingContext ctx) {
        Params p = Params.of(ctx, RouteSupport.known(RouteSupport.PAGING, PARAMS, List.of("mission", "camp",
            "asset")));
        Scope scope = support.scope(ctx);
        List<Integer> refs = new ArrayList<>();
        String assetId = p.id("asset");
        List<String> camps;
        if (assetId != null) {
            Registry.Asset asset = scope.asset(p.id("camp"), assetId);
            camps = scope.camps(p.id("mission"), p.id("camp"));
            if (camps.contains(asset.campId())) {
                refs.add(asset.ref());
            }
            camps = List.of(asset.campId());
        } else {
            camps = scope.camps(p.id("mission"), p.id("camp"));
            scope.registry().assetsOf(camps).forEach(a -> refs.add(a.ref()));
        }
        serve(ctx, p, scope, camps, refs);
    }

    private void serve(RoutingContext ctx, Params p, Scope scope, List<String> camps, List<Integer> refs) {
        Format format = Format.of(ctx, p, false);
        Registry registry = scope.registry();
        List<Registry.Metric> metrics = metrics(p, scope, camps);
        TimeRange range = TimeRange.of(p, support.now(), DEFAULT_SPAN, support.limits().maxRange());
        Bucket bucket = bucket(p, range);
        List<String> cursor = Cursor.decode(p, 3);
        ReadingsQuery q = new ReadingsQuery(refs, metrics.stream().map(Registry.Metric::id).toList(), range.from(),
            range.to(), bucket, cursor, support.limit(p));
        JsonObject meta = new JsonObject().put("from", range.from().toString()).put("to", range.to().toString())
            .put("bucket", bucket == null ? "raw" : bucket.id());
        List<String> personal = metrics.stream().filter(Registry.Metric::personal).map(Registry.Metric::name)
            .toList();
        support.db().run(c -> ReadingsStore.read(c, registry, q))
            .onSuccess(page -> {
                PersonalReads.note(ctx, personal, page.items(), range);
                Responder.send(ctx, format, new Listing("readings", meta, page.items(),
                    bucket == null ? RAW_CSV : BUCKET_CSV, page.next()));
            })
            .onFailure(ctx::fail);
    }

    /**
     * The metrics asked for, or every metric when none is named, the personal ones only with
     * {@code include=location}; naming a personal metric or including them needs {@code location} for every camp
     * covered (else 403).
     */
    private static List<Registry.Metric> metrics(Params p, Scope scope, List<String> camps) {
        Registry registry = scope.registry();
        boolean include = INCLUDE_LOCATION.equals(p.choice("include", Set.of(INCLUDE_LOCATION), null));
        if (include) {
            scope.requireLocation("include=location", camps);
        }
        List<String> names = p.list("metric", Params.METRIC, "metric names such as fuel.level");
        if (names.isEmpty()) {
            return registry.metrics().stream().filter(m -> include || !m.personal()).toList();
        }
        List<Registry.Metric> out = new ArrayList<>();
        for (String name : names) {
            Registry.Metric m = registry.metric(name);
            if (m == null) {
                throw ApiException.badParameter("metric", "names '" + name + "', which is not in the metric "
                    + "catalogue (GET /api/v1/metrics)");
            }
            if (m.personal()) {
                scope.requireLocation("metric '" + name + "'", camps);
            }
            out.add(m);
        }
        return out;
    }

    /** The bucket asked for or chosen by maxPoints (null for raw), checked against the range limits. */
    private Bucket bucket(Params p, TimeRange range) {
        Set<String> choices = new java.util.HashSet<>(Bucket.ids());
        choices.add("raw");
        String asked = p.choice("bucket", choices, null);
        int maxPoints = p.integer("maxPoints", 1, support.limits().maxPoints(), 0);
        Bucket bucket;
        if (asked == null && maxPoints > 0) {
            bucket = Bucket.narrowestFor(range.length(), maxPoints);
            if (bucket == null) {
                throw ApiException.badParameter("maxPoints", "is too small for this range even with bucket=7d");
            }
        } else {
            bucket = asked == null || "raw".equals(asked) ? null : Bucket.ofId(asked);
            long points = bucket == null ? 0 : range.length().toMillis() / bucket.width().toMillis();
            if (points > support.limits().maxPoints()) {
                throw ApiException.badParameter("bucket", "gives " + points + " buckets per series over this range; "
                    + "the most is " + support.limits().maxPoints() + ": use a wider bucket or a shorter range");
            }
        }
        if ((bucket == null || bucket.fromRaw()) && range.length().compareTo(support.limits().maxRawRange()) > 0) {
            throw ApiException.badParameter("from", "and 'to' span more than " + support.limits().maxRawRange()
                .toDays() + "d, the most served from raw readings; use bucket=1h or wider, or a shorter range");
        }
        return bucket;
    }
}
