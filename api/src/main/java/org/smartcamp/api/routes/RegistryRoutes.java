package org.smartcamp.api.routes;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Set;
import org.smartcamp.api.auth.Scope;
import org.smartcamp.api.http.ApiException;
import org.smartcamp.api.http.CsvOptions;
import org.smartcamp.api.http.Cursor;
import org.smartcamp.api.http.Format;
import org.smartcamp.api.http.Listing;
import org.smartcamp.api.http.Params;
import org.smartcamp.api.http.Responder;
import org.smartcamp.api.store.Page;
import org.smartcamp.api.store.Registry;
import org.smartcamp.api.store.RegistryStore;
import org.smartcamp.ingest.catalogue.AssetKind;

/** Missions, camps (also as GeoJSON), assets and the metric catalogue, cut to the caller's scope. */
final class RegistryRoutes {
    static final List<String> MISSION_CSV = List.of("id", "name", "registered", "camps", "createdAt", "updatedAt");
    static final List<String> CAMP_CSV = List.of("id", "missionId", "name", "latitude", "longitude", "population",
        "timezone", "registered", "assets", "createdAt", "updatedAt");
    static final List<String> ASSET_CSV = List.of("id", "campId", "kind", "name", "registered", "ratedKw",
        "ratedKva", "capacityL", "unusableL", "ratedKwp", "capacityKwh", "fuelCapacityL", "serviceIntervalH",
        "firstSeenAt", "createdAt", "updatedAt");
    static final List<String> METRIC_CSV = List.of("id", "name", "unit", "kind", "description",
        "personal");

    /** The asset kinds of the schema: the inventory's and {@code unknown} (first seen in telemetry). */
    static final List<String> KINDS = java.util.stream.Stream.concat(
        java.util.Arrays.stream(AssetKind.values()).map(AssetKind::code),
        java.util.stream.Stream.of(CatalogueRoutes.UNKNOWN_KIND)).toList();

    private final RouteSupport support;

    RegistryRoutes(RouteSupport support) {
        this.support = support;
    }

    void mount(Endpoints e) {
        e.get("/api/v1/missions", this::missions);
        e.get("/api/v1/missions/{id}", this::mission);
        e.get("/api/v1/camps", ctx -> camps(ctx, false));
        e.get("/api/v1/camps.geojson", ctx -> camps(ctx, true));
        e.get("/api/v1/camps/{id}", this::camp);
        e.get("/api/v1/assets", this::assets);
        e.get("/api/v1/assets/{id}", ctx -> asset(ctx, false));
        e.get("/api/v1/camps/{camp}/assets/{asset}", ctx -> asset(ctx, true));
        e.get("/api/v1/metrics", this::metrics);
    }

    private void missions(RoutingContext ctx) {
        Params p = Params.of(ctx, RouteSupport.known(RouteSupport.PAGING, List.of("format")));
        Format format = Format.of(ctx, p, false);
        Scope scope = support.scope(ctx);
        List<String> missions = scope.missions();
        List<String> camps = scope.camps(null, null);
        String after = after(p);
        int limit = support.limit(p);
        support.db().run(c -> RegistryStore.missions(c, missions, camps, after, limit))
            .onSuccess(page -> send(ctx, format, "missions", page, MISSION_CSV))
            .onFailure(ctx::fail);
    }

    private void mission(RoutingContext ctx) {
        Params.of(ctx, Set.of());
        String id = Params.pathId(ctx, "id");
        Scope scope = support.scope(ctx);
        scope.mission(id);
        List<String> camps = scope.camps(id, null);
        support.db().run(c -> RegistryStore.missions(c, List.of(id), camps, "", 1))
            .onSuccess(page -> {
                JsonObject mission = page.items().get(0);
                mission.put("campIds", new JsonArray(camps));
                Responder.json(ctx, mission);
            })
            .onFailure(ctx::fail);
    }

    private void camps(RoutingContext ctx, boolean geoJsonPath) {
        Params p = Params.of(ctx, RouteSupport.known(RouteSupport.PAGING, List.of("format", "mission")));
        Format format = geoJsonPath ? Format.GEOJSON : Format.of(ctx, p, true);
        if (geoJsonPath && p.raw("format") != null) {
            throw ApiException.badParameter("format", "is not used on camps.geojson, which is always GeoJSON");
        }
        if (geoJsonPath && CsvOptions.given(p) != null) {
            throw ApiException.badParameter(CsvOptions.given(p), "applies to CSV only; camps.geojson is GeoJSON");
        }
        List<String> camps = support.scope(ctx).camps(p.id("mission"), null);
        String after = after(p);
        int limit = support.limit(p);
        support.db().run(c -> RegistryStore.camps(c, camps, after, limit))
            .onSuccess(page -> {
                if (format == Format.GEOJSON) {
                    Responder.geoJson(ctx, featureCollection(page), page.items().size());
                } else {
                    send(ctx, format, "camps", page, CAMP_CSV);
                }
            })
            .onFailure(ctx::fail);
    }

    private void camp(RoutingContext ctx) {
        Params.of(ctx, Set.of());
        Registry.Camp camp = support.scope(ctx).camp(Params.pathId(ctx, "id"));
        support.db().run(c -> RegistryStore.camps(c, List.of(camp.id()), "", 1))
            .onSuccess(page -> Responder.json(ctx, page.items().get(0)))
            .onFailure(ctx::fail);
    }

    private void assets(RoutingContext ctx) {
        Params p = Params.of(ctx, RouteSupport.known(RouteSupport.PAGING, List.of("format", "mission", "camp",
            "kind")));
        Format format = Format.of(ctx, p, false);
        List<String> camps = support.scope(ctx).camps(p.id("mission"), p.id("camp"));
        List<String> kinds = p.list("kind", Params.ID, "asset kinds");
        List<String> known = KINDS;
        for (String k : kinds) {
            if (!known.contains(k)) {
                throw ApiException.badParameter("kind", "names '" + k + "', which is not an asset kind; one of "
                    + String.join(", ", known) + " (GET /api/v1/catalogue)");
            }
        }
        List<String> wanted = kinds.isEmpty() ? known : kinds;
        List<String> cursor = Cursor.decode(p, 2);
        List<String> after = cursor == null ? List.of("", "") : cursor;
        int limit = support.limit(p);
        support.db().run(c -> RegistryStore.assets(c, camps, wanted, after, limit))
            .onSuccess(page -> send(ctx, format, "assets", page, ASSET_CSV))
            .onFailure(ctx::fail);
    }

    /** One asset: by camp and id in the path, or by id alone ({@code camp} settles an id several camps have). */
    private void asset(RoutingContext ctx, boolean campInPath) {
        Params p = Params.of(ctx, RouteSupport.assetParams(campInPath, Set.of()));
        Registry.Asset asset = RouteSupport.pathAsset(ctx, p, support.scope(ctx), campInPath);
        support.db().run(c -> RegistryStore.asset(c, asset.campId(), asset.id()))
            .onSuccess(row -> Responder.json(ctx, row))
            .onFailure(ctx::fail);
    }

    private void metrics(RoutingContext ctx) {
        Params p = Params.of(ctx, Set.of("format"));
        Format format = Format.of(ctx, p, false);
        support.db().run(RegistryStore::metrics)
            .onSuccess(rows -> Responder.send(ctx, format, new Listing("metrics", new JsonObject(), rows, METRIC_CSV,
                null)))
            .onFailure(ctx::fail);
    }

    private static String after(Params p) {
        List<String> cursor = Cursor.decode(p, 1);
        return cursor == null ? "" : cursor.get(0);
    }

    private static void send(RoutingContext ctx, Format format, String name, Page page, List<String> csv) {
        Responder.send(ctx, format, new Listing(name, new JsonObject(), page.items(), csv, page.next()));
    }

    /** Camps as GeoJSON points ([longitude, latitude]); a camp without a position has a null geometry. */
    static JsonObject featureCollection(Page page) {
        JsonArray features = new JsonArray();
        for (JsonObject camp : page.items()) {
            Double lat = camp.getDouble("latitude");
            Double lon = camp.getDouble("longitude");
            JsonObject geometry = lat == null || lon == null ? null
                : new JsonObject().put("type", "Point").put("coordinates", new JsonArray().add(lon).add(lat));
            JsonObject properties = camp.copy();
            properties.remove("latitude");
            properties.remove("longitude");
            features.add(new JsonObject().put("type", "Feature").put("id", camp.getString("id"))
                .put("geometry", geometry).put("properties", properties));
        }
        return new JsonObject().put("type", "FeatureCollection").put("features", features);
    }
}
