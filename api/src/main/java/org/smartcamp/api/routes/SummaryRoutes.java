package org.smartcamp.api.routes;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.smartcamp.api.auth.Scope;
import org.smartcamp.api.http.AnswerCache;
import org.smartcamp.api.http.Format;
import org.smartcamp.api.http.Listing;
import org.smartcamp.api.http.Params;
import org.smartcamp.api.http.Responder;
import org.smartcamp.api.http.TimeRange;
import org.smartcamp.api.i18n.Messages;
import org.smartcamp.api.store.AnalyticsStore;
import org.smartcamp.api.store.EventQuery;
import org.smartcamp.api.store.Page;
import org.smartcamp.api.store.Registry;
import org.smartcamp.api.store.Subjects;
import org.smartcamp.ingest.catalogue.AssetKind;
import org.smartcamp.ingest.catalogue.EventKind;
import org.smartcamp.ingest.catalogue.Figure;
import org.smartcamp.ingest.catalogue.FigureCatalogue;
import org.smartcamp.ingest.catalogue.FigureFamily;

/**
 * Summaries for people: a camp's fuel, a camp's power, an asset's utilization. Each gathers the current
 * figures, the daily figures over the range and the events of the kind that matter, for the subjects that
 * matter, from the stored analytics. Figures and events are picked by their catalogue families ({@link Summary}).
 */
final class SummaryRoutes {
    /** Summaries without {@code period} give daily rows up to this many days, monthly rows beyond. */
    static final int DAILY_UP_TO_DAYS = 62;

    private final RouteSupport support;

    /**
     * What one summary covers: asset kinds, figures and event kinds, all from the catalogue. A summary takes the
     * figures and events of its families and may add figures of another family it needs (the fuel summary shows the
     * fuel generators burned, which the power analysis computes).
     */
    record Summary(String name, List<AssetKind> assetKinds, List<Figure> figures, List<EventKind> eventKinds) {
        static Summary of(String name, List<AssetKind> kinds, Set<FigureFamily> families, List<Figure> extra) {
            List<Figure> figures = new ArrayList<>(FigureCatalogue.all().stream()
                .filter(f -> families.contains(f.family())).toList());
            extra.stream().filter(f -> !figures.contains(f)).forEach(figures::add);
            return new Summary(name, kinds, figures, Arrays.stream(EventKind.values())
                .filter(k -> families.contains(k.family())).toList());
        }

        /** The SQL LIKE patterns of its figures' stored names. */
        List<String> figurePatterns() {
            return figures.stream().map(Subjects::patternOf).toList();
        }

        List<String> eventKindIds() {
            return eventKinds.stream().map(EventKind::id).toList();
        }

        boolean covers(String kind) {
            return assetKinds.stream().anyMatch(k -> k.code().equals(kind));
        }
    }

    static final Summary FUEL = Summary.of("fuel", List.of(AssetKind.FUEL_TANK, AssetKind.GENERATOR,
        AssetKind.VEHICLE), Set.of(FigureFamily.FUEL), List.of(Figure.FUEL_L, Figure.FUEL_EXPECTED_L,
        Figure.SFC_L_PER_KWH, Figure.SFC_EXPECTED_L_PER_KWH, Figure.FUEL_USED_L));
    static final Summary POWER = Summary.of("power", List.of(AssetKind.GENERATOR, AssetKind.PV, AssetKind.BATTERY),
        Set.of(FigureFamily.POWER), List.of());
    static final Summary UTILIZATION = Summary.of("utilization", List.of(), EnumSet.allOf(FigureFamily.class),
        List.of());

    SummaryRoutes(RouteSupport support) {
        this.support = support;
    }

    void mount(Endpoints e) {
        Handler<RoutingContext> ranged = support.cached(AnswerCache::explicitRange);
        e.get("/api/v1/camps/{id}/fuel", ranged, ctx -> camp(ctx, FUEL));
        e.get("/api/v1/camps/{id}/power", ranged, ctx -> camp(ctx, POWER));
        e.get("/api/v1/assets/{id}/utilization", ranged, ctx -> asset(ctx, false));
        e.get("/api/v1/camps/{camp}/assets/{asset}/utilization", ranged, ctx -> asset(ctx, true));
    }

    private void camp(RoutingContext ctx, Summary summary) {
        Params p = Params.of(ctx, RouteSupport.known(List.of("from", "to", "period", "format")));
        Format format = Format.of(ctx, p, false);
        Scope scope = support.scope(ctx);
        Registry.Camp camp = scope.camp(Params.pathId(ctx, "id"));
        List<String> assets = scope.registry().assetsOf(List.of(camp.id())).stream()
            .filter(a -> summary.covers(a.kind())).map(Registry.Asset::id).toList();
        Subjects subjects = new Subjects(List.of(camp.id()), assets, List.of(camp.id()), summary.figurePatterns());
        JsonObject head = new JsonObject().put("camp", camp.id()).put("mission", camp.missionId())
            .put("assets", new JsonArray(assets));
        serve(ctx, p, format, summary, subjects, head, new EventQueryParts(List.of(camp.id()), List.of()));
    }

    private void asset(RoutingContext ctx, boolean campInPath) {
        Params p = Params.of(ctx, RouteSupport.assetParams(campInPath, RouteSupport.known(List.of("from", "to",
            "period", "format"))));
        Format format = Format.of(ctx, p, false);
        Registry.Asset asset = RouteSupport.pathAsset(ctx, p, support.scope(ctx), campInPath);
        Subjects subjects = new Subjects(List.of(), List.of(asset.id()), List.of(asset.campId()),
            UTILIZATION.figurePatterns());
        JsonObject head = new JsonObject().put("asset", asset.id()).put("camp", asset.campId())
            .put("kind", asset.kind());
        serve(ctx, p, format, UTILIZATION, subjects, head,
            new EventQueryParts(List.of(asset.campId()), List.of(asset.id())));
    }

    private record EventQueryParts(List<String> camps, List<String> assets) {
    }

    private void serve(RoutingContext ctx, Params p, Format format, Summary summary, Subjects subjects,
                       JsonObject head, EventQueryParts ev) {
        Registry registry = support.scope(ctx).registry();
        TimeRange range = TimeRange.of(p, support.now(), FigureRoutes.DEFAULT_SPAN, support.limits().maxRange());
        AnalyticsStore.Period period = period(p, range);
        int max = support.limits().maxPageSize();
        EventQuery events = new EventQuery(ev.camps(), ev.assets(), summary.eventKindIds(), range.from(), range.to(),
            null, max);
        String lang = Messages.negotiate(ctx.request().getHeader("Accept-Language"));
        support.db().run(c -> {
            Page current = AnalyticsStore.current(c, registry, subjects, null, max);
            Page daily = AnalyticsStore.figures(c, registry, subjects, period, range.fromDay(),
                range.toDayExclusive(), null, max);
            Page found = AnalyticsStore.events(c, events, lang);
            return List.of(current, daily, found);
        }).onSuccess(pages -> {
            if (format == Format.CSV) {
                Responder.send(ctx, format, new Listing(summary.name(), new JsonObject(), pages.get(1).items(),
                    FigureRoutes.csv(period), null));
                return;
            }
            ctx.put(Responder.ROWS, pages.stream().mapToInt(pg -> pg.items().size()).sum());
            Responder.json(ctx, head.put("summary", summary.name()).put("from", range.fromDay().toString())
                .put("to", range.toDayExclusive().toString()).put("period", period.key())
                .put("current", new JsonArray(pages.get(0).items()))
                .put(period.listing(), new JsonArray(pages.get(1).items()))
                .put("events", new JsonArray(pages.get(2).items()))
                .put("truncated", pages.stream().anyMatch(pg -> pg.next() != null)));
        }).onFailure(ctx::fail);
    }

    /**
     * {@code period=day} or {@code month}; without it, per day for ranges up to {@value #DAILY_UP_TO_DAYS} days
     * and per month beyond (a year of daily rows of every figure is more than a summary is for).
     */
    static AnalyticsStore.Period period(Params p, TimeRange range) {
        long days = range.toDayExclusive().toEpochDay() - range.fromDay().toEpochDay();
        String fallback = days > DAILY_UP_TO_DAYS ? "month" : "day";
        return p.choice("period", Set.of("day", "month"), fallback).equals("month") ? AnalyticsStore.Period.MONTH
            : AnalyticsStore.Period.DAY;
    }
}
