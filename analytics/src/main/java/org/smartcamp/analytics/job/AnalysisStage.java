package org.smartcamp.analytics.job;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.smartcamp.analytics.event.DetectedEvent;
import org.smartcamp.ingest.catalogue.EventKind;
import org.smartcamp.analytics.store.Arrivals;
import org.smartcamp.analytics.store.AssetCatalog;
import org.smartcamp.analytics.store.AssetInfo;
import org.smartcamp.analytics.store.CampInfo;
import org.smartcamp.analytics.store.Catalog;
import org.smartcamp.analytics.store.DailyFigure;
import org.smartcamp.analytics.store.EventScope;
import org.smartcamp.analytics.store.EventStore;
import org.smartcamp.analytics.store.FigureStore;
import org.smartcamp.analytics.store.SeriesSource;
import org.smartcamp.ingest.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the registered analyzers over what changed: for every asset with new readings its {@link AssetAnalyzer}s,
 * then for every camp with new readings its {@link CampAnalyzer}s, each over the changed span widened by its
 * context margin, and stores what they find (see {@link AssetAnalyzer} for what replaces what).
 */
public final class AnalysisStage {
    private static final Logger LOG = LoggerFactory.getLogger(AnalysisStage.class);

    private final AssetCatalog catalog;
    private final SeriesSource store;
    private final EventStore events;
    private final FigureStore figures;
    private final List<AssetAnalyzer> assetAnalyzers;
    private final List<CampAnalyzer> campAnalyzers;

    public AnalysisStage(AssetCatalog catalog, SeriesSource store, EventStore events, FigureStore figures,
                         List<AssetAnalyzer> assetAnalyzers, List<CampAnalyzer> campAnalyzers) {
        this.catalog = catalog;
        this.store = store;
        this.events = events;
        this.figures = figures;
        this.assetAnalyzers = List.copyOf(assetAnalyzers);
        this.campAnalyzers = List.copyOf(campAnalyzers);
    }

    /** What one analysis did. */
    public record Result(int assets, int camps, int events, int dailyFigures, int currentFigures, int failures) {
        static final Result NONE = new Result(0, 0, 0, 0, 0, 0);

        Result plus(Result o) {
            return new Result(assets + o.assets, camps + o.camps, events + o.events, dailyFigures + o.dailyFigures,
                currentFigures + o.currentFigures, failures + o.failures);
        }
    }

    /** The first and last touched hour of an asset or a camp. */
    private record Span(Instant first, Instant last) {
        Span merge(Span o) {
            return new Span(first.isBefore(o.first) ? first : o.first, last.isAfter(o.last) ? last : o.last);
        }
    }

    /**
     * Analyzes the assets and camps that {@code changed} touched, as of {@code now}.
     *
     * @throws StoreException when the database refuses (what was stored stays; running again is harmless)
     */
    public Result run(Arrivals changed, Instant now) {
        if (changed.isEmpty()) {
            return Result.NONE;
        }
        Catalog registry = catalog.load();
        Map<Integer, Span> spans = new LinkedHashMap<>();
        for (Arrivals.Bucket b : changed.buckets()) {
            spans.merge(b.assetRef(), new Span(b.hour(), b.hour()), Span::merge);
        }
        Map<String, Map<AssetInfo, Span>> byCamp = new LinkedHashMap<>();
        spans.forEach((ref, span) -> registry.asset(ref).ifPresent(a ->
            byCamp.computeIfAbsent(a.campId(), c -> new LinkedHashMap<>()).put(a, span)));
        Result total = Result.NONE;
        for (Map.Entry<String, Map<AssetInfo, Span>> e : byCamp.entrySet()) {
            CampInfo camp = registry.camp(e.getKey()).orElse(null);
            if (camp != null) {
                total = total.plus(camp(camp, registry.assetsOf(camp.id()), e.getValue(), now));
            }
        }
        return total;
    }

    private Result camp(CampInfo camp, List<AssetInfo> all, Map<AssetInfo, Span> changed, Instant now) {
        Result result = Result.NONE;
        for (Map.Entry<AssetInfo, Span> e : changed.entrySet()) {
            result = result.plus(asset(camp, all, e.getKey(), e.getValue(), now));
        }
        Span campSpan = changed.values().stream().reduce(Span::merge).orElseThrow();
        List<CampAnalyzer> applicable = campAnalyzers.stream().filter(a -> a.appliesTo(camp)).toList();
        if (applicable.isEmpty()) {
            return result;
        }
        // A camp analyzer decides about the camp's assets and about the camp itself: a camp-wide event (an
        // outage, when no source supplied the camp) names the camp as its subject.
        List<String> ids = new ArrayList<>(all.size() + 1);
        ids.add(camp.id());
        all.forEach(a -> ids.add(a.id()));
        CachingSeriesSource cache = cache(campSpan, applicable.stream().map(a -> window(campSpan,
            a.context(camp.settings()), now)).toList());
        Result camps = new Result(0, 1, 0, 0, 0, 0);
        for (CampAnalyzer analyzer : applicable) {
            AnalysisWindow w = window(campSpan, analyzer.context(camp.settings()), now);
            CampContext ctx = new CampContext(camp, all, w, cache);
            camps = camps.plus(runSafely(analyzer.name(), camp.id(), () -> analyzer.analyze(ctx), camp.id(), ids,
                analyzer.eventKinds(), w));
        }
        return result.plus(camps);
    }

    private Result asset(CampInfo camp, List<AssetInfo> all, AssetInfo asset, Span span, Instant now) {
        List<AssetAnalyzer> applicable = assetAnalyzers.stream().filter(a -> a.appliesTo(asset)).toList();
        if (applicable.isEmpty()) {
            return Result.NONE;
        }
        CachingSeriesSource cache = cache(span, applicable.stream().map(a -> window(span,
            a.context(asset.settings()), now)).toList());
        Result result = new Result(1, 0, 0, 0, 0, 0);
        for (AssetAnalyzer analyzer : applicable) {
            AnalysisWindow w = window(span, analyzer.context(asset.settings()), now);
            AnalysisContext ctx = new AnalysisContext(asset, new CampContext(camp, all, w, cache));
            result = result.plus(runSafely(analyzer.name(), asset.id(), () -> analyzer.analyze(ctx), camp.id(),
                List.of(asset.id()), analyzer.eventKinds(), w));
        }
        return result;
    }

    private static AnalysisWindow window(Span span, Duration context, Instant now) {
        return AnalysisWindow.of(span.first(), span.last(), context, now);
    }

    private CachingSeriesSource cache(Span span, List<AnalysisWindow> windows) {
        Instant from = span.first();
        Instant until = span.first();
        for (AnalysisWindow w : windows) {
            from = w.loadFrom().isBefore(from) ? w.loadFrom() : from;
            until = w.until().isAfter(until) ? w.until() : until;
        }
        return new CachingSeriesSource(store, from, until);
    }

    private interface Analysis {
        AnalysisOutput run();
    }

    /** Runs one analyzer and stores its output; a bug in it is logged and counted, a database error is not. */
    private Result runSafely(String analyzer, String subject, Analysis analysis, String campId, List<String> assetIds,
                             Set<EventKind> kinds, AnalysisWindow w) {
        AnalysisOutput out;
        try {
            out = analysis.run();
        } catch (StoreException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warn("Analyzer {} failed on {} over {} .. {}: {}", analyzer, subject, w.loadFrom(), w.until(),
                e.toString(), e);
            return new Result(0, 0, 0, 0, 0, 1);
        }
        return store(analyzer, out, new EventScope(campId, assetIds, kinds, w.loadFrom(), w.decideFrom(), w.until()),
            w.firstDay());
    }

    /**
     * Stores what an analyzer found: its events are reconciled with those stored in its scope (detections in the
     * context it read before the scope may revise stored events there, never add or retract any), its figures from
     * the first changed day on are upserted.
     */
    private Result store(String analyzer, AnalysisOutput out, EventScope scope, LocalDate firstDay) {
        List<DetectedEvent> kept = new ArrayList<>();
        for (DetectedEvent e : out.events()) {
            if (scope.reaches(e)) {
                kept.add(e);
            } else {
                LOG.warn("Analyzer {} reported {} of {} at {}, outside what it decides ({} of {} in {} .. {}); dropped",
                    analyzer, e.kind().id(), e.assetId(), e.start(), scope.kinds(), scope.assetIds(), scope.from(),
                    scope.to());
            }
        }
        int written = scope.kinds().isEmpty() ? 0 : events.reconcile(scope, kept).written();
        List<DailyFigure> daily = out.daily().stream().filter(f -> !f.day().isBefore(firstDay)).toList();
        Instant firstHour = firstDay.atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
        int dailyWritten = figures.upsertDaily(scope.campId(), daily) + figures.upsertHourly(scope.campId(),
            out.hourly().stream().filter(f -> !f.hour().isBefore(firstHour)).toList());
        int currentWritten = figures.upsertCurrent(scope.campId(), out.current());
        return new Result(0, 0, written, dailyWritten, currentWritten, 0);
    }
}
