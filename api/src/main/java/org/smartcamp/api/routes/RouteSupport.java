package org.smartcamp.api.routes;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.smartcamp.api.ApiConfig;
import org.smartcamp.api.auth.Coverage;
import org.smartcamp.api.auth.Principal;
import org.smartcamp.api.auth.Scope;
import org.smartcamp.api.http.AnswerCache;
import org.smartcamp.api.http.Params;
import org.smartcamp.api.store.Db;
import org.smartcamp.api.store.Registry;
import org.smartcamp.api.store.RegistryCache;

/** What every route group needs: the database, the registry snapshot, the limits and the clock. */
public final class RouteSupport {
    /** Parameters of every paged route. */
    static final List<String> PAGING = List.of("limit", "cursor");

    private final Db db;
    private final RegistryCache registry;
    private final ApiConfig.Limits limits;
    private final Clock clock;
    private final AnswerCache answers;

    /**
     * @param answers the cache of analytics answers, or null for none
     */
    public RouteSupport(Db db, RegistryCache registry, ApiConfig.Limits limits, Clock clock, AnswerCache answers) {
        this.db = db;
        this.registry = registry;
        this.limits = limits;
        this.clock = clock;
        this.answers = answers;
    }

    /**
     * The handler in front of a route that reads only what the analytics job writes: its requests for which
     * {@code cacheable} holds are answered from the answer cache (see {@link AnswerCache}).
     */
    Handler<RoutingContext> cached(Predicate<RoutingContext> cacheable) {
        return answers == null ? RoutingContext::next : answers.route(cacheable);
    }

    /** The answer cache, for routes that keep a part of their answer; null when turned off. */
    AnswerCache answers() {
        return answers;
    }

    Db db() {
        return db;
    }

    ApiConfig.Limits limits() {
        return limits;
    }

    Instant now() {
        return clock.instant();
    }

    /** The caller's scope over the current registry snapshot, noting what the request covers for the audit log. */
    Scope scope(RoutingContext ctx) {
        return new Scope(Principal.of(ctx), registry.current(), Coverage.of(ctx));
    }

    /** The {@code limit} parameter: 1 to the largest page, the default page when absent. */
    int limit(Params p) {
        return p.integer("limit", 1, limits.maxPageSize(), limits.defaultPageSize());
    }

    /**
     * The known parameters of a route that addresses one asset: {@code known}, plus {@code camp} on the routes
     * that name the asset by id alone ({@code /assets/{id}...}), where it settles an id several camps have.
     */
    static Set<String> assetParams(boolean campInPath, Set<String> known) {
        Set<String> out = new HashSet<>(known);
        if (!campInPath) {
            out.add("camp");
        }
        return out;
    }

    /**
     * The asset a route addresses, in scope: {@code /camps/{camp}/assets/{asset}...}, or {@code /assets/{id}...}
     * with the optional {@code camp} parameter (an id that several camps in the caller's scope have is 409).
     */
    static Registry.Asset pathAsset(RoutingContext ctx, Params p, Scope scope, boolean campInPath) {
        return campInPath ? scope.asset(Params.pathId(ctx, "camp"), Params.pathId(ctx, "asset"))
            : scope.asset(p.id("camp"), Params.pathId(ctx, "id"));
    }

    /** The known parameters: these plus {@code extra} lists. */
    @SafeVarargs
    static Set<String> known(List<String>... lists) {
        Set<String> out = new HashSet<>();
        for (List<String> l : lists) {
            out.addAll(l);
        }
        return out;
    }
}
