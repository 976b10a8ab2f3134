package org.smartcamp.api.routes;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.smartcamp.api.http.ApiException;
import org.smartcamp.api.http.Format;
import org.smartcamp.api.http.Listing;
import org.smartcamp.api.http.Params;
import org.smartcamp.api.http.Responder;
import org.smartcamp.api.http.TimeRange;
import org.smartcamp.api.store.AnalyticsStore;
import org.smartcamp.api.store.Registry;
import org.smartcamp.ingest.catalogue.AssetKind;

/**
 * A fuel tank's daily account, the fuel auditor's line: opening level, plus refuels (transfers in for a day tank),
 * minus thefts, the detected leak, what its sets burned by their own sources and what it moved out, against the
 * closing level; the residual with its uncertainty. Camp-scoped like the asset routes.
 */
final class ReconciliationRoutes {
    static final List<String> CSV = List.of("day", "camp", "tank", "openingL", "inL", "theftsL", "leakL",
        "consumedL", "movedOutL", "closingL", "residualL", "uncertaintyL", "uncertainty95L", "within", "verdict",
        "coverage", "computedAt");
    private final RouteSupport support;

    ReconciliationRoutes(RouteSupport support) {
        this.support = support;
    }

    void mount(Endpoints e) {
        e.get("/api/v1/camps/{camp}/tanks/{tank}/reconciliation", this::reconciliation);
    }

    private void reconciliation(RoutingContext ctx) {
        Params p = Params.of(ctx, RouteSupport.known(List.of("from", "to", "format")));
        Format format = Format.of(ctx, p, false);
        Registry.Asset tank = support.scope(ctx).asset(Params.pathId(ctx, "camp"), Params.pathId(ctx, "tank"));
        if (!AssetKind.FUEL_TANK.code().equals(tank.kind())) {
            throw ApiException.notFound("asset '" + tank.id() + "' of camp '" + tank.campId() + "' is a "
                + tank.kind() + ", not a fuel tank");
        }
        TimeRange range = TimeRange.of(p, support.now(), FigureRoutes.DEFAULT_SPAN, support.limits().maxRange());
        JsonObject meta = new JsonObject().put("camp", tank.campId()).put("tank", tank.id())
            .put("from", range.fromDay().toString()).put("to", range.toDayExclusive().toString())
            .put("uncertainty", "uncertaintyL is 1 sigma; within: |residualL| <= uncertainty95L (1.96 sigma)");
        support.db().run(c -> AnalyticsStore.tankAccounts(c, tank, range.fromDay(), range.toDayExclusive(),
                support.limits().maxPageSize()))
            .onSuccess(rows -> Responder.send(ctx, format, new Listing("tank-reconciliation", meta, rows, CSV,
                null)))
            .onFailure(ctx::fail);
    }
}
