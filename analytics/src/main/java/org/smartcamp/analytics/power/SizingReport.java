package org.smartcamp.analytics.power;

import org.smartcamp.ingest.catalogue.Figure;
import org.smartcamp.analytics.store.Subject;
import org.smartcamp.analytics.store.CurrentFigure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Right-sizing, N+1 and consolidation for a camp's plant over a window.
 *
 * @param campId              the camp
 * @param from                window start
 * @param to                  window end
 * @param historySufficient   whether the window is at least {@code power.sizingWindow} long and its load at least
 *                            {@code power.sizingMinCoverage} covered; downsizing is only recommended then, and the
 *                            other figures are provisional otherwise
 * @param load                load statistics
 * @param requiredKw          {@code sizingKw / factor}: the running capacity the load needs
 * @param installedKw         the plant's rated kW
 * @param nPlusOneMet         whether the plant still carries {@code requiredKw} without its largest unit
 * @param currentUnitSize     the plant's most common unit size, sized for the load with N+1
 * @param bestStandardSize    the standard unit size giving the least installed capacity with N+1 (fewer units on a
 *                            tie), at most {@code power.maxUnits} running units
 * @param downsizing          generators to downsize
 * @param consolidation       litres that switching off sets the others could carry would have saved, and its
 *                            coverage
 * @param consolidationPerDay the same per day
 */
public record SizingReport(String campId, Instant from, Instant to, boolean historySufficient, LoadStats load,
                           double requiredKw, double installedKw, boolean nPlusOneMet, SizingOption currentUnitSize,
                           SizingOption bestStandardSize, List<Downsizing> downsizing, CoveredValue consolidation,
                           double consolidationPerDay) {

    public SizingReport {
        downsizing = List.copyOf(downsizing);
    }

    /** The {@code analytics_current} rows of the camp, as of {@code to}. */
    public List<CurrentFigure> currentFigures() {
        List<CurrentFigure> rows = new ArrayList<>();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("provisional", !historySufficient);
        detail.put("load_mean_kw", load.meanKw());
        detail.put("load_p95_kw", load.p95Kw());
        detail.put("load_p99_kw", load.p99Kw());
        detail.put("load_max_kw", load.maxKw());
        detail.put("installed_kw", installedKw);
        detail.put(Figure.N_PLUS_ONE_MET.id(), nPlusOneMet);
        detail.put("current_unit_kw", currentUnitSize == null ? null : currentUnitSize.unitKw());
        detail.put("current_units_to_install", currentUnitSize == null ? null : currentUnitSize.unitsToInstall());
        detail.put("best_unit_kw", bestStandardSize == null ? null : bestStandardSize.unitKw());
        detail.put("best_units_to_install", bestStandardSize == null ? null : bestStandardSize.unitsToInstall());
        detail.values().removeIf(v -> v == null);
        rows.add(row(Figure.REQUIRED_CAPACITY_KW, requiredKw, load.coverage(), detail));
        rows.add(row(Figure.N_PLUS_ONE_MET, nPlusOneMet ? 1 : 0, load.coverage(), Map.of()));
        rows.add(row(Figure.CONSOLIDATION_SAVING_L_PER_DAY, consolidationPerDay, consolidation.coverage(),
            Map.of("litres_in_window", consolidation.orElse(0))));
        double downsizingPerDay = downsizing.stream().mapToDouble(Downsizing::litresPerDay).sum();
        Map<String, Object> sets = new LinkedHashMap<>();
        downsizing.forEach(d -> sets.put(d.assetId(), Map.of("rated_kw", d.ratedKw(), "load_factor", d.loadFactor(),
            "suggested_kw", d.suggestedKw(), "litres_per_day", d.litresPerDay())));
        rows.add(row(Figure.DOWNSIZING_SAVING_L_PER_DAY, downsizingPerDay, load.coverage(), sets));
        return rows;
    }

    private CurrentFigure row(Figure figure, double value, double coverage, Map<String, Object> detail) {
        return new CurrentFigure(Subject.CAMP, campId, figure.id(), value, figure.unit(), null, null, coverage, to,
            detail);
    }
}
