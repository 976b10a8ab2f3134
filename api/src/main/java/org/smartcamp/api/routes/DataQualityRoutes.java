package org.smartcamp.api.routes;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.smartcamp.api.auth.Scope;
import org.smartcamp.api.http.AnswerCache;
import org.smartcamp.api.http.ApiException;
import org.smartcamp.api.http.Format;
import org.smartcamp.api.http.Listing;
import org.smartcamp.api.http.Params;
import org.smartcamp.api.http.Responder;
import org.smartcamp.api.http.TimeRange;
import org.smartcamp.api.i18n.Messages;
import org.smartcamp.api.store.AnalyticsStore;
import org.smartcamp.api.store.AnswerGeneration;
import org.smartcamp.api.store.EventQuery;
import org.smartcamp.api.store.Page;
import org.smartcamp.api.store.Registry;
import org.smartcamp.api.store.Subjects;

/**
 * Data quality of the camps in scope: per subject the coverage of its daily figures over the range (days, mean,
 * least, and figures under {@value #THRESHOLD}), with the stale-sensor and flat-line events and each gateway's
 * last message and how many metrics unknown to the catalogue it sent; and one gateway (keyed by camp and id) with
 * its unknown metrics, each with its first and last sighting.
 */
final class DataQualityRoutes {
    static final double THRESHOLD = 0.9;
    static final List<String> CSV = List.of("camp", "asset", "subjectKind", "subjectId", "days", "coverageMean",
        "coverageMin", "figuresBelowThreshold");
    private static final Duration DEFAULT_SPAN = Duration.ofDays(7);

    private final RouteSupport support;

    DataQualityRoutes(RouteSupport support) {
        this.support = support;
    }

    void mount(Endpoints e) {
        // never cached whole (the gateways are live), but tagged by its bytes; its figures are kept (see quality)
        e.get("/api/v1/data-quality", support.cached(ctx -> false), this::quality);
        e.get("/api/v1/gateways/{id}", ctx -> gateway(ctx, false));
        e.get("/api/v1/camps/{camp}/gateways/{gateway}", ctx -> gateway(ctx, true));
    }

    /**
     * One gateway: by camp and id in the path, or by id alone (gateway ids are unique within their camp only:
     * {@code camp} settles an id that several of the caller's camps have, else 409 names them).
     */
    private void gateway(RoutingContext ctx, boolean campInPath) {
        Params p = Params.of(ctx, campInPath ? Set.of() : Set.of("camp"));
        Scope scope = support.scope(ctx);
        String id = Params.pathId(ctx, campInPath ? "gateway" : "id");
        String camp = campInPath ? Params.pathId(ctx, "camp") : p.id("camp");
        List<String> camps = camp == null ? scope.registry().camps().stream().map(Registry.Camp::id)
            .filter(scope::sees).toList() : List.of(scope.camp(camp).id());
        support.db().run(c -> {
            List<JsonObject> found = AnalyticsStore.gatewaysNamed(c, camps, id);
            if (found.isEmpty()) {
                throw camp == null ? scope.absent("gateway", id)
                    : ApiException.notFound("gateway '" + id + "' does not exist in camp '"
                        + camp + "'");
            }
            if (found.size() > 1) {
                List<String> candidates = found.stream().map(g -> g.getString("camp")).toList();
                throw ApiException.ambiguous("gateway '" + id + "' exists in camps "
                    + String.join(", ", candidates) + ": name the camp (/api/v1/camps/{camp}/gateways/" + id
                    + ", or parameter camp)", candidates);
            }
            JsonObject gateway = found.get(0);
            scope.camp(gateway.getString("camp"));
            return gateway.put("unknownMetrics", new JsonArray(AnalyticsStore.unknownMetrics(c,
                gateway.getString("camp"), id)));
        }).onSuccess(gateway -> Responder.json(ctx, gateway)).onFailure(ctx::fail);
    }

    /** About the bytes {@code rows} take (their JSON length, twice for Java's strings). */
    private static long size(List<JsonObject> rows) {
        return rows.stream().mapToLong(r -> r.encode().length() * 2L).sum();
    }

    private void quality(RoutingContext ctx) {
        Params p = Params.of(ctx, RouteSupport.known(List.of("mission", "camp", "from", "to", "format")));
        Format format = Format.of(ctx, p, false);
        Scope scope = support.scope(ctx);
        Registry registry = scope.registry();
        List<String> camps = scope.camps(p.id("mission"), p.id("camp"));
        List<String> assets = registry.assetsOf(camps).stream().map(Registry.Asset::id).distinct().toList();
        Subjects subjects = new Subjects(camps, assets, camps, List.of("%"));
        TimeRange range = TimeRange.of(p, support.now(), DEFAULT_SPAN, support.limits().maxRange());
        EventQuery faults = new EventQuery(camps, List.of(), List.of("stale_sensor", "flatline"), range.from(),
            range.to(), null, support.limits().maxPageSize());
        AnswerCache answers = support.answers();
        long gen = answers == null || !AnswerCache.explicitRange(ctx) ? AnswerGeneration.UNKNOWN
            : answers.generation();
        String lang = Messages.negotiate(ctx.request().getHeader("Accept-Language"));
        String part = "data-quality|" + camps + "|" + assets + "|" + range.from() + "|" + range.to() + "|" + lang;
        support.db().run(c -> {
            // coverage and sensor faults are analytics figures, kept until the job writes; gateways are live
            Object[] kept = answers == null ? null : (Object[]) answers.part(gen, part);
            if (kept == null) {
                List<JsonObject> coverage = AnalyticsStore.coverage(c, registry, subjects, range.fromDay(),
                    range.toDayExclusive(), THRESHOLD);
                Page events = AnalyticsStore.events(c, faults, lang);
                kept = new Object[] {coverage, events};
                if (answers != null) {
                    answers.part(gen, part, kept, size(coverage) + size(events.items()));
                }
            }
            @SuppressWarnings("unchecked")
            List<JsonObject> coverage = (List<JsonObject>) kept[0];
            Page events = (Page) kept[1];
            List<JsonObject> gateways = AnalyticsStore.gateways(c, camps);
            JsonObject meta = new JsonObject().put("from", range.from().toString()).put("to", range.to().toString())
                .put("threshold", THRESHOLD).put("events", new JsonArray(events.items()))
                .put("gateways", new JsonArray(gateways));
            return new Listing("data-quality", meta, coverage, CSV, null);
        }).onSuccess(listing -> Responder.send(ctx, format, listing)).onFailure(ctx::fail);
    }
}
