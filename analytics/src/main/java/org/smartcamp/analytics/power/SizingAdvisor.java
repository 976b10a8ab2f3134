package org.smartcamp.analytics.power;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.smartcamp.analytics.series.CellGrid;

/**
 * Right-sizing and N+1 from the load over the window (docs/analytics-power.md): with the sizing percentile of the load
 * ({@code P99} by default) and the factor ({@code 0.8}), N units of size S carry it when {@code N * S * 0.8 >= P99};
 * install N+1. Generators whose mean load factor stayed below {@code power.downsizeLoadFactor} over a full sizing
 * window are downsizing candidates. The load is the whole camp load (PV and battery are not counted as firm).
 */
final class SizingAdvisor {
    private final PowerSettings settings;

    SizingAdvisor(PowerSettings settings) {
        this.settings = settings;
    }

    SizingReport advise(CampCells cells) {
        PowerSettings.SizingRules rules = settings.sizing();
        CellGrid grid = cells.grid;
        LoadStats load = loadStats(cells);
        boolean history = grid.to() - grid.from() >= rules.window().toMillis()
            && load.coverage() >= rules.minCoverage();
        double required = load.sizingKw() / rules.factor();
        double installed = cells.plant.generators().stream().mapToDouble(GeneratorRating::ratedKw).sum();
        double largest = cells.plant.generators().stream().mapToDouble(GeneratorRating::ratedKw).max().orElse(0);
        double days = (grid.to() - grid.from()) / 86_400_000.0;
        CoveredValue consolidation = new ConsolidationEstimator(settings).litres(cells.generators, grid.size());
        return new SizingReport(cells.plant.campId(), Instant.ofEpochMilli(grid.from()),
            Instant.ofEpochMilli(grid.to()), history, load, required, installed,
            installed - largest >= required && !Double.isNaN(required), currentSize(cells.plant.generators(), required),
            bestStandardSize(required),
            history ? downsizing(cells, days) : List.of(), consolidation, consolidation.orElse(0) / days);
    }

    private LoadStats loadStats(CampCells cells) {
        DescriptiveStatistics stats = new DescriptiveStatistics();
        for (int c = 0; c < cells.grid.size(); c++) {
            if (cells.load.known(c)) {
                stats.addValue(Math.max(0, cells.load.mean(c)));
            }
        }
        if (stats.getN() == 0) {
            return new LoadStats(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
        }
        return new LoadStats(stats.getMean(), stats.getPercentile(95), stats.getPercentile(99),
            stats.getPercentile(settings.sizing().percentile()), stats.getMax(),
            cells.load.knownShare(0, cells.grid.size()));
    }

    private static SizingOption currentSize(List<GeneratorRating> sets, double required) {
        Map<Double, Integer> counts = new HashMap<>();
        sets.forEach(g -> counts.merge(g.ratedKw(), 1, Integer::sum));
        return counts.entrySet().stream()
            .max((a, b) -> a.getValue().equals(b.getValue()) ? Double.compare(a.getKey(), b.getKey())
                : Integer.compare(a.getValue(), b.getValue()))
            .filter(e -> !Double.isNaN(required))
            .map(e -> SizingOption.of(e.getKey(), required)).orElse(null);
    }

    private SizingOption bestStandardSize(double required) {
        if (Double.isNaN(required)) {
            return null;
        }
        SizingOption best = null;
        for (double size : settings.sizing().standardSizesKw()) {
            SizingOption o = SizingOption.of(size, required);
            if (o.unitsNeeded() <= settings.sizing().maxUnits() && (best == null
                    || o.installedKw() < best.installedKw()
                    || o.installedKw() == best.installedKw() && o.unitsToInstall() < best.unitsToInstall())) {
                best = o;
            }
        }
        return best;
    }

    private List<Downsizing> downsizing(CampCells cells, double days) {
        List<Downsizing> out = new ArrayList<>();
        for (GeneratorCells g : cells.generators) {
            CoveredValue energy = g.energy(0, cells.grid.size());
            CoveredValue hours = g.runHours(0, cells.grid.size());
            if (!energy.known() || !hours.known() || hours.value() <= 0) {
                continue;
            }
            double lf = energy.value() / (g.rating.ratedKw() * hours.value());
            double p99 = runningPercentile(g, 99);
            Double size = smallestStandardAbove(p99 / settings.sizing().factor());
            if (lf < settings.sizing().downsizeLoadFactor() && size != null && size < g.rating.ratedKw()) {
                double litres = g.rating.f0() * (g.rating.ratedKw() - size) * hours.value();
                out.add(new Downsizing(g.rating.assetId(), g.rating.ratedKw(), lf, hours.value(), p99, size, litres,
                    litres / days));
            }
        }
        return out;
    }

    private static double runningPercentile(GeneratorCells g, double p) {
        DescriptiveStatistics stats = new DescriptiveStatistics();
        for (int c = 0; c < g.grid.size(); c++) {
            if (g.running.known(c) && g.running.mean(c) >= 0.5 && g.power.known(c)) {
                stats.addValue(Math.max(0, g.power.mean(c)));
            }
        }
        return stats.getN() == 0 ? Double.NaN : stats.getPercentile(p);
    }

    private Double smallestStandardAbove(double kw) {
        return settings.sizing().standardSizesKw().stream().filter(s -> s >= kw).min(Double::compare).orElse(null);
    }
}
