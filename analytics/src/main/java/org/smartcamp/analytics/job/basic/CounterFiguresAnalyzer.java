package org.smartcamp.analytics.job.basic;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.smartcamp.analytics.job.AnalysisContext;
import org.smartcamp.analytics.job.AnalysisOutput;
import org.smartcamp.analytics.job.AssetAnalyzer;
import org.smartcamp.analytics.store.AnalyticsSettings;
import org.smartcamp.analytics.store.AssetInfo;
import org.smartcamp.analytics.store.DailyFigure;
import org.smartcamp.analytics.store.Subject;
import org.smartcamp.ingest.inventory.AssetKind;

/**
 * Daily figures that need no detector, from the hourly rollups of the counters: per generator {@code energy_kwh}
 * ({@code energy.active}), {@code running_h} ({@code engine.hours}), {@code fuel_used_l} ({@code fuel.used}, where
 * a flow meter reports it) and {@code load_factor_avg} (energy over rated power times running hours: the mean
 * load while running); per PV array {@code energy_kwh} ({@code pv.energy}). Coverage is the share of the day's
 * hours with readings of the counter; a day without any has no value and coverage 0.
 */
public final class CounterFiguresAnalyzer implements AssetAnalyzer {
    /** Data before the changed day: the counter's last reading before it (default 1 day). */
    public static final String CONTEXT = "figures.counterContext";
    static final Duration DEFAULT_CONTEXT = Duration.ofDays(1);

    private record Counter(String metric, String figure, String unit) {
    }

    private static final Counter ENERGY = new Counter("energy.active", "energy_kwh", "kWh");
    private static final Counter RUNNING = new Counter("engine.hours", "running_h", "h");
    private static final Counter FUEL = new Counter("fuel.used", "fuel_used_l", "L");
    private static final Counter PV_ENERGY = new Counter("pv.energy", "energy_kwh", "kWh");

    @Override
    public String name() {
        return "figures.counters";
    }

    @Override
    public boolean appliesTo(AssetInfo asset) {
        return asset.is(AssetKind.GENERATOR) || asset.is(AssetKind.PV);
    }

    @Override
    public Duration context(AnalyticsSettings settings) {
        return settings.duration(CONTEXT, DEFAULT_CONTEXT);
    }

    @Override
    public AnalysisOutput analyze(AnalysisContext ctx) {
        List<LocalDate> days = Days.between(ctx.window().firstDay(), ctx.window().until());
        List<DailyFigure> out = new ArrayList<>();
        if (ctx.asset().is(AssetKind.PV)) {
            figures(ctx, PV_ENERGY, days, out);
            return AnalysisOutput.daily(out);
        }
        Map<LocalDate, DailyFigure> energy = figures(ctx, ENERGY, days, out);
        Map<LocalDate, DailyFigure> running = figures(ctx, RUNNING, days, out);
        if (ctx.metrics().contains(FUEL.metric())) {
            figures(ctx, FUEL, days, out);
        }
        Double rated = ctx.asset().ratedKw();
        for (LocalDate day : days) {
            DailyFigure e = energy.get(day);
            DailyFigure r = running.get(day);
            Double lf = rated == null || e.value() == null || r.value() == null || r.value() <= 0 ? null
                : e.value() / (rated * r.value());
            out.add(new DailyFigure(Subject.ASSET, ctx.asset().id(), day, "load_factor_avg", lf, "1",
                Math.min(e.coverage(), r.coverage())));
        }
        return AnalysisOutput.daily(out);
    }

    private static Map<LocalDate, DailyFigure> figures(AnalysisContext ctx, Counter counter, List<LocalDate> days,
                                                       List<DailyFigure> out) {
        Map<LocalDate, CounterDays.Day> increases = CounterDays.of(ctx.hourly(counter.metric()));
        Map<LocalDate, DailyFigure> byDay = new HashMap<>();
        for (LocalDate day : days) {
            CounterDays.Day d = increases.get(day);
            DailyFigure f = new DailyFigure(Subject.ASSET, ctx.asset().id(), day, counter.figure(),
                d == null ? null : d.increase(), counter.unit(), CounterDays.coverage(d, day, ctx.now()));
            out.add(f);
            byDay.put(day, f);
        }
        return byDay;
    }
}
