package org.smartcamp.analytics.job.basic;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.smartcamp.analytics.job.AnalysisOutput;
import org.smartcamp.analytics.job.CampAnalyzer;
import org.smartcamp.analytics.job.CampContext;
import org.smartcamp.analytics.store.AnalyticsSettings;
import org.smartcamp.analytics.store.AssetInfo;
import org.smartcamp.analytics.store.DailyFigure;
import org.smartcamp.analytics.store.Subject;
import org.smartcamp.ingest.inventory.AssetKind;

/**
 * The camp's daily {@code generator_energy_kwh}: what all its generators delivered (from their energy counters,
 * as {@link CounterFiguresAnalyzer} counts them). Coverage is the lowest of its generators': a camp total is only
 * as complete as its least complete part.
 */
public final class CampEnergyAnalyzer implements CampAnalyzer {
    private static final String METRIC = "energy.active";

    @Override
    public String name() {
        return "figures.camp-energy";
    }

    @Override
    public Duration context(AnalyticsSettings settings) {
        return settings.duration(CounterFiguresAnalyzer.CONTEXT, CounterFiguresAnalyzer.DEFAULT_CONTEXT);
    }

    @Override
    public AnalysisOutput analyze(CampContext ctx) {
        List<AssetInfo> generators = ctx.assets().stream().filter(a -> a.is(AssetKind.GENERATOR)).toList();
        if (generators.isEmpty()) {
            return AnalysisOutput.empty();
        }
        List<LocalDate> days = Days.between(ctx.window().firstDay(), ctx.window().until());
        double[] total = new double[days.size()];
        double[] coverage = new double[days.size()];
        Arrays.fill(coverage, 1);
        for (AssetInfo g : generators) {
            Map<LocalDate, CounterDays.Day> increases = CounterDays.of(ctx.hourly(g, METRIC));
            for (int i = 0; i < days.size(); i++) {
                CounterDays.Day d = increases.get(days.get(i));
                total[i] += d == null ? 0 : d.increase();
                coverage[i] = Math.min(coverage[i], CounterDays.coverage(d, days.get(i), ctx.now()));
            }
        }
        List<DailyFigure> out = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            out.add(new DailyFigure(Subject.CAMP, ctx.camp().id(), days.get(i), "generator_energy_kwh",
                coverage[i] > 0 ? total[i] : null, "kWh", coverage[i]));
        }
        return AnalysisOutput.daily(out);
    }
}
