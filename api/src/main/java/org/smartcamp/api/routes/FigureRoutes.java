package org.smartcamp.api.routes;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.List;
import org.smartcamp.api.http.AnswerCache;
import org.smartcamp.api.http.Cursor;
import org.smartcamp.api.http.Format;
import org.smartcamp.api.http.Listing;
import org.smartcamp.api.http.Params;
import org.smartcamp.api.http.Responder;
import org.smartcamp.api.http.TimeRange;
import org.smartcamp.api.store.AnalyticsStore;
import org.smartcamp.api.store.Registry;
import org.smartcamp.api.store.Subjects;

/** The analytics figures as the job stored them, per UTC hour and day, summed per UTC month, and current. */
final class FigureRoutes {
    static final List<String> DAILY_CSV = List.of("day", "camp", "asset", "figure", "value", "unit", "coverage",
        "computedAt");
    static final List<String> MONTHLY_CSV = List.of("month", "camp", "asset", "figure", "value", "unit",
        "coverage", "computedAt");
    static final List<String> HOURLY_CSV = List.of("hour", "camp", "asset", "figure", "value", "unit", "coverage",
        "computedAt");
    static final List<String> CURRENT_CSV = List.of("camp", "asset", "figure", "value", "unit", "low", "high",
        "coverage", "asOf", "detail");
    static final Duration DEFAULT_SPAN = Duration.ofDays(30);
    static final Duration HOURLY_SPAN = Duration.ofDays(2);

    private final RouteSupport support;

    FigureRoutes(RouteSupport support) {
        this.support = support;
    }

    void mount(Endpoints e) {
        Handler<RoutingContext> ranged = support.cached(AnswerCache::explicitRange);
        e.get("/api/v1/figures/hourly", ranged, ctx -> figures(ctx, AnalyticsStore.Period.HOUR));
        e.get("/api/v1/figures/daily", ranged, ctx -> figures(ctx, AnalyticsStore.Period.DAY));
        e.get("/api/v1/figures/monthly", ranged, ctx -> figures(ctx, AnalyticsStore.Period.MONTH));
        e.get("/api/v1/figures/current", support.cached(ctx -> true), this::current);
    }

    /** The CSV columns of hourly, daily or monthly figures. */
    static List<String> csv(AnalyticsStore.Period period) {
        return switch (period) {
            case HOUR -> HOURLY_CSV;
            case DAY -> DAILY_CSV;
            case MONTH -> MONTHLY_CSV;
        };
    }

    /**
     * Figures per hour, day or month; hourly ones over at most the raw-readings range (they are 24 times as many
     * as daily ones), with the range given as instants, the others as UTC days.
     */
    private void figures(RoutingContext ctx, AnalyticsStore.Period period) {
        Params p = Params.of(ctx, RouteSupport.known(RouteSupport.PAGING, SubjectFilter.PARAMS,
            List.of("from", "to", "format")));
        Format format = Format.of(ctx, p, false);
        Registry registry = support.scope(ctx).registry();
        Subjects subjects = SubjectFilter.of(p, support.scope(ctx));
        boolean hourly = period == AnalyticsStore.Period.HOUR;
        TimeRange range = hourly ? TimeRange.of(p, support.now(), HOURLY_SPAN, support.limits().maxRawRange())
            : TimeRange.of(p, support.now(), DEFAULT_SPAN, support.limits().maxRange());
        List<String> cursor = Cursor.decode(p, 5);
        int limit = support.limit(p);
        JsonObject meta = hourly
            ? new JsonObject().put("from", range.from().toString()).put("to", range.to().toString())
            : new JsonObject().put("from", range.fromDay().toString()).put("to", range.toDayExclusive().toString());
        support.db().run(c -> hourly ? AnalyticsStore.hourly(c, registry, subjects, range.from(), range.to(), cursor,
                limit) : AnalyticsStore.figures(c, registry, subjects, period, range.fromDay(), range.toDayExclusive(),
                cursor, limit))
            .onSuccess(page -> Responder.send(ctx, format, new Listing("figures-" + period.listing(), meta,
                page.items(), csv(period), page.next())))
            .onFailure(ctx::fail);
    }

    private void current(RoutingContext ctx) {
        Params p = Params.of(ctx, RouteSupport.known(RouteSupport.PAGING, SubjectFilter.PARAMS, List.of("format")));
        Format format = Format.of(ctx, p, false);
        Registry registry = support.scope(ctx).registry();
        Subjects subjects = SubjectFilter.of(p, support.scope(ctx));
        List<String> cursor = Cursor.decode(p, 4);
        int limit = support.limit(p);
        support.db().run(c -> AnalyticsStore.current(c, registry, subjects, cursor, limit))
            .onSuccess(page -> Responder.send(ctx, format, new Listing("figures-current", new JsonObject(),
                page.items(), CURRENT_CSV, page.next())))
            .onFailure(ctx::fail);
    }
}
