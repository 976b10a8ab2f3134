package org.smartcamp.api.routes;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Set;
import org.smartcamp.analytics.alarm.AlarmCondition;
import org.smartcamp.api.http.Params;
import org.smartcamp.api.http.Responder;
import org.smartcamp.api.store.RegistryStore;
import org.smartcamp.ingest.catalogue.AssetKind;
import org.smartcamp.ingest.catalogue.EventKind;
import org.smartcamp.ingest.catalogue.Figure;
import org.smartcamp.ingest.catalogue.FigureCatalogue;
import org.smartcamp.ingest.catalogue.Metric;

/**
 * The vocabulary this server knows, for clients and the dashboard to label what they show: the asset kinds
 * ({@link AssetKind}), the metrics with their canonical units (the database's metrics, seeded from {@link Metric}),
 * the figures with their units, families and labels ({@link Figure}), the event kinds ({@link EventKind}) and the
 * alarm rules' conditions ({@link AlarmCondition}), all labelled in English and French. The
 * same names are the only ones the query parameters {@code kind}, {@code metric} and {@code figure} accept.
 */
final class CatalogueRoutes {
    static final String UNKNOWN_KIND = AssetKind.UNKNOWN_CODE;
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
                .put("metrics", new JsonArray(metrics.stream().map(CatalogueRoutes::metric).toList()))
                .put("figures", figures())
                .put("eventKinds", eventKinds())
                .put("alarmConditions", alarmConditions())))
            .onFailure(ctx::fail);
    }

    /**
     * A stored metric; one of the catalogue ({@link Metric}) also with its label in English and French, its quantity,
     * the unit aliases a gateway may send and what one reading stands for (instant or averaged).
     */
    private static JsonObject metric(JsonObject stored) {
        JsonObject out = new JsonObject().put("name", stored.getString("name")).put("unit", stored.getString("unit"))
            .put("kind", stored.getString("kind")).put("description", stored.getString("description"))
            .put("personal", Boolean.TRUE.equals(stored.getBoolean("personal")));
        Metric.of(stored.getString("name")).ifPresent(m -> out.put("label", labels(m::label))
            .put("quantity", m.unit().quantity())
            .put("unitAliases", new JsonArray(List.copyOf(m.unit().aliases().keySet())))
            .put("sampling", m.sampling().code()));
        return out;
    }

    /** Each kind with its inventory fields, supply-tank field, running metric and default metrics. */
    static JsonArray assetKinds() {
        JsonArray out = new JsonArray();
        for (AssetKind k : AssetKind.values()) {
            JsonObject row = new JsonObject().put("name", k.code()).put("label", labels(k::label))
                .put("inventoryFields", new JsonArray(k.inventoryFields().stream().sorted().toList()))
                .put("defaultMetrics", new JsonArray(k.defaultMetrics().stream().map(Metric::wireName).toList()));
            k.supplyField().ifPresent(f -> row.put("supplyField", f));
            k.runningMetric().ifPresent(m -> row.put("runningMetric", m.wireName()));
            out.add(row);
        }
        return out.add(new JsonObject().put("name", UNKNOWN_KIND)
            .put("label", new JsonObject().put("en", "Not in the inventory").put("fr", "Hors inventaire")));
    }

    /** Each event kind with the family (fuel, power, quality) it belongs to and whether it is an alert. */
    static JsonArray eventKinds() {
        JsonArray out = new JsonArray();
        for (EventKind k : EventKind.values()) {
            out.add(new JsonObject().put("name", k.id()).put("family", k.family().code()).put("alert", k.alert())
                .put("label", labels(k::label)));
        }
        return out;
    }

    /** Each alarm rule condition with its label (an event kind's for a condition on events). */
    static JsonArray alarmConditions() {
        JsonArray out = new JsonArray();
        for (AlarmCondition c : AlarmCondition.values()) {
            out.add(new JsonObject().put("name", c.id()).put("label", labels(c::label)));
        }
        return out;
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
