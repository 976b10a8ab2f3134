package org.smartcamp.api.routes;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Set;
import org.smartcamp.api.http.Params;
import org.smartcamp.api.http.Responder;
import org.smartcamp.api.store.RegistryStore;
import org.smartcamp.ingest.catalogue.Figure;
import org.smartcamp.ingest.catalogue.FigureCatalogue;
import org.smartcamp.ingest.catalogue.AssetKind;

/**
 * The vocabulary this server knows, for clients and the dashboard to label what they show: the asset kinds
 * ({@link AssetKind}), the metrics with their canonical units (the database's metric catalogue) and the figures
 * with their units, families and labels ({@link Figure}). The same names are the only ones the query parameters
 * {@code kind}, {@code metric} and {@code figure} accept.
 */
final class CatalogueRoutes {
    static final String UNKNOWN_KIND = "unknown";
    private static final List<String> LANGUAGES = List.of("en", "fr");

    private final RouteSupport support;

    CatalogueRoutes(RouteSupport support) {
        this.support = support;
    }

    void mount(Endpoints e) {
        e.get("/api/v1/catalogue", this::catalogue);
    }

    private void catalogue(RoutingContext ctx) {
        Params.of(ctx, Set.of());
        support.db().run(RegistryStore::metrics)
            .onSuccess(metrics -> Responder.json(ctx, new JsonObject()
                .put("assetKinds", assetKinds())
                .put("metrics", new JsonArray(metrics.stream().map(m -> new JsonObject()
                    .put("name", m.getString("name")).put("unit", m.getString("unit"))
                    .put("kind", m.getString("kind")).put("description", m.getString("description"))).toList()))
                .put("figures", figures())))
            .onFailure(ctx::fail);
    }

    private static JsonArray assetKinds() {
        JsonArray out = new JsonArray();
        for (AssetKind k : AssetKind.values()) {
            out.add(new JsonObject().put("name", k.code()).put("label", labels(k::label)));
        }
        return out.add(new JsonObject().put("name", UNKNOWN_KIND)
            .put("label", new JsonObject().put("en", "Not in the inventory").put("fr", "Hors inventaire")));
    }

    /** Each figure; a per-metric one is named with a {@code {metric}} placeholder, e.g. completeness.{metric}. */
    static JsonArray figures() {
        JsonArray out = new JsonArray();
        for (Figure f : FigureCatalogue.all()) {
            JsonObject row = new JsonObject()
                .put("name", f.perMetric() ? f.of("{metric}") : f.id())
                .put("unit", f.unit())
                .put("family", f.family().code())
                .put("label", labels(f::label));
            if (f.perMetric()) {
                row.put("prefix", f.id() + f.separator());
            }
            out.add(row);
        }
        return out;
    }

    private static JsonObject labels(java.util.function.Function<String, String> label) {
        JsonObject out = new JsonObject();
        LANGUAGES.forEach(l -> out.put(l, label.apply(l)));
        return out;
    }
}
