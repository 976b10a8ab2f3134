package org.smartcamp.api.routes;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.List;
import org.smartcamp.api.auth.Scope;
import org.smartcamp.api.http.Format;
import org.smartcamp.api.http.Listing;
import org.smartcamp.api.http.Params;
import org.smartcamp.api.http.Responder;
import org.smartcamp.api.http.TimeRange;
import org.smartcamp.api.store.AnalyticsStore;
import org.smartcamp.api.store.EventQuery;
import org.smartcamp.api.store.Page;
import org.smartcamp.api.store.Registry;
import org.smartcamp.api.store.Subjects;

/**
 * Data quality of the camps in scope: per subject the coverage of its daily figures over the range (days, mean,
 * least, and figures under {@value #THRESHOLD}), with the stale-sensor and flat-line events and each gateway's
 * last message.
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
        e.get("/api/v1/data-quality", this::quality);
    }

    private void quality(RoutingContext ctx) {
        Params p = Params.of(ctx, RouteSupport.known(List.of("mission", "camp", "from", "to", "format")));
        Format format = Format.of(ctx, p, false);
        Scope scope = support.scope(ctx);
        Registry registry = scope.registry();
        List<String> camps = scope.camps(p.id("mission"), p.id("camp"));
        List<String> assets = registry.assetsOf(camps).stream().map(Registry.Asset::id).toList();
        Subjects subjects = new Subjects(camps, assets, List.of("%"));
        TimeRange range = TimeRange.of(p, support.now(), DEFAULT_SPAN, support.limits().maxRange());
        EventQuery faults = new EventQuery(camps, List.of(), List.of("stale_sensor", "flatline"), range.from(),
            range.to(), null, support.limits().maxPageSize());
        support.db().run(c -> {
            List<JsonObject> coverage = AnalyticsStore.coverage(c, registry, subjects, range.fromDay(),
                range.toDayExclusive(), THRESHOLD);
            Page events = AnalyticsStore.events(c, faults);
            List<JsonObject> gateways = AnalyticsStore.gateways(c, camps);
            JsonObject meta = new JsonObject().put("from", range.from().toString()).put("to", range.to().toString())
                .put("threshold", THRESHOLD).put("events", new JsonArray(events.items()))
                .put("gateways", new JsonArray(gateways));
            return new Listing("data-quality", meta, coverage, CSV, null);
        }).onSuccess(listing -> Responder.send(ctx, format, listing)).onFailure(ctx::fail);
    }
}
