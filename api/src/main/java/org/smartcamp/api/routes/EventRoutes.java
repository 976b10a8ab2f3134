package org.smartcamp.api.routes;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.smartcamp.api.auth.Coverage;
import org.smartcamp.api.auth.Scope;
import org.smartcamp.api.http.AnswerCache;
import org.smartcamp.api.http.ApiException;
import org.smartcamp.api.http.Cursor;
import org.smartcamp.api.http.Format;
import org.smartcamp.api.http.Listing;
import org.smartcamp.api.http.Params;
import org.smartcamp.api.http.Responder;
import org.smartcamp.api.http.TimeRange;
import org.smartcamp.api.i18n.Messages;
import org.smartcamp.api.store.AnalyticsStore;
import org.smartcamp.api.store.EventQuery;
import org.smartcamp.api.store.Registry;
import org.smartcamp.ingest.catalogue.EventKind;

/** Detected events (refuels, thefts, leaks, low load, outages, sensor faults) and their evidence. */
final class EventRoutes {
    static final List<String> CSV = List.of("id", "camp", "asset", "kind", "start", "end", "quantity", "unit",
        "detectedAt", "status", "revision", "updatedAt", "explanation");
    private static final Set<String> STATUSES = Set.of("active", "retracted", "all");
    static final List<String> KINDS = Arrays.stream(EventKind.values()).map(EventKind::id).toList();
    private static final Duration DEFAULT_SPAN = Duration.ofDays(30);

    private final RouteSupport support;

    EventRoutes(RouteSupport support) {
        this.support = support;
    }

    void mount(Endpoints e) {
        e.get("/api/v1/events", support.cached(AnswerCache::explicitRange), this::list);
        e.get("/api/v1/events/{id}", support.cached(ctx -> true), this::one);
    }

    private void list(RoutingContext ctx) {
        Params p = Params.of(ctx, RouteSupport.known(RouteSupport.PAGING, List.of("mission", "camp", "asset", "kind",
            "status", "from", "to", "format")));
        Format format = Format.of(ctx, p, false);
        String status = p.choice("status", STATUSES, "active");
        EventQuery scoped = query(p, support.scope(ctx), kinds(p), support.limit(p));
        EventQuery q = new EventQuery(scoped.camps(), scoped.assets(), scoped.kinds(), status.equals("all")
            ? List.of("active", "retracted") : List.of(status), scoped.from(), scoped.to(), scoped.cursor(),
            scoped.limit());
        JsonObject meta = new JsonObject().put("from", q.from().toString()).put("to", q.to().toString());
        String lang = Messages.negotiate(ctx.request().getHeader("Accept-Language"));
        support.db().run(c -> AnalyticsStore.events(c, q, lang))
            .onSuccess(page -> Responder.send(ctx, format, new Listing("events", meta, page.items(), CSV,
                page.next())))
            .onFailure(ctx::fail);
    }

    /** The event query of a request: camps and asset in scope, kinds, range, cursor. */
    EventQuery query(Params p, Scope scope, List<String> kinds, int limit) {
        List<String> camps = scope.camps(p.id("mission"), p.id("camp"));
        String assetId = p.id("asset");
        List<String> assets = List.of();
        if (assetId != null) {
            Registry.Asset asset = scope.asset(p.id("camp"), assetId);
            camps = camps.contains(asset.campId()) ? List.of(asset.campId()) : List.of();
            assets = List.of(assetId);
        }
        TimeRange range = TimeRange.of(p, support.now(), DEFAULT_SPAN, support.limits().maxRange());
        return new EventQuery(camps, assets, kinds, range.from(), range.to(), Cursor.decode(p, 2), limit);
    }

    static List<String> kinds(Params p) {
        List<String> kinds = p.list("kind", Params.ID, "event kinds");
        for (String k : kinds) {
            if (!KINDS.contains(k)) {
                throw ApiException.badParameter("kind", "names '" + k + "', which is not an event kind; one of "
                    + String.join(", ", KINDS));
            }
        }
        return kinds.isEmpty() ? KINDS : kinds;
    }

    /**
     * The event, its evidence's readings left out (and {@code readingsWithheld} true) when they are of a personal
     * metric and the caller lacks {@code location} for the camp; a read of them is noted for the audit log.
     */
    private static JsonObject personalEvidence(RoutingContext ctx, Scope scope, JsonObject event) {
        JsonObject evidence = event.getJsonObject("evidence");
        Registry.Metric metric = evidence == null || evidence.getString("metric") == null ? null
            : scope.registry().metric(evidence.getString("metric"));
        if (metric == null || !metric.personal() || !evidence.containsKey("readings")) {
            return event;
        }
        String camp = event.getString("camp");
        if (!scope.locates(camp)) {
            evidence.remove("readings");
            evidence.put("readingsWithheld", true);
            return event;
        }
        Instant from = Instant.parse(evidence.getString("windowStart"));
        Instant to = Instant.parse(evidence.getString("windowEnd"));
        Coverage.of(ctx).personal(List.of(metric.name()),
            List.of(camp + "/" + event.getString("asset")), from, to);
        return event;
    }

    private void one(RoutingContext ctx) {
        Params.of(ctx, Set.of());
        long id = Params.pathNumber(ctx, "id");
        Scope scope = support.scope(ctx);
        String lang = Messages.negotiate(ctx.request().getHeader("Accept-Language"));
        support.db().run(c -> AnalyticsStore.event(c, id))
            .map(event -> {
                scope.event(id, event == null ? null : event.getString("camp"));
                JsonObject shown = personalEvidence(ctx, scope, event);
                return AnalyticsStore.localize(shown, lang, shown.getValue("evidence"));
            })
            .onSuccess(event -> Responder.json(ctx, event))
            .onFailure(ctx::fail);
    }
}
