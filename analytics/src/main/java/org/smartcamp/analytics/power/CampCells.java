package org.smartcamp.analytics.power;

import java.util.ArrayList;
import java.util.List;
import org.smartcamp.analytics.series.CellGrid;
import org.smartcamp.analytics.series.CellSeries;
import org.smartcamp.analytics.series.GapPolicy;

/** A camp's sources on one grid, the load they served per cell and whether the camp had power. */
final class CampCells {
    final CampPlant plant;
    final CellGrid grid;
    final List<GeneratorCells> generators;
    final List<SourceCells> pv;
    final SourceCells battery;
    final CellSeries load;
    final OutageDetector.Result outages;

    private CampCells(CampPlant plant, CellGrid grid, List<GeneratorCells> generators, List<SourceCells> pv,
                      SourceCells battery, OutageDetector.Result outages) {
        this.plant = plant;
        this.grid = grid;
        this.generators = generators;
        this.pv = pv;
        this.battery = battery;
        this.outages = outages;
        this.load = load();
    }

    static CampCells of(CampPlant plant, CampSignals signals, CellGrid grid, PowerSettings settings) {
        GapPolicy gaps = new GapPolicy(settings.signal().maxGap().toMillis(), settings.signal().maxBridge().toMillis());
        List<GeneratorCells> gens = new ArrayList<>();
        for (GeneratorRating g : plant.generators()) {
            gens.add(GeneratorCells.of(g, signals.generator(g.assetId()), grid, settings));
        }
        List<SourceCells> pv = new ArrayList<>();
        for (CampPlant.Pv p : plant.pv()) {
            pv.add(SourceCells.pv(p, signals.pvArray(p.assetId()), grid, gaps));
        }
        SourceCells battery = plant.battery() == null ? null
            : SourceCells.battery(plant.battery(), signals.batteryOrEmpty(), grid, gaps,
                settings.signal().batteryEfficiency());
        List<SourceCells> others = new ArrayList<>(pv);
        if (battery != null) {
            others.add(battery);
        }
        OutageDetector.Result outages = new OutageDetector(settings).detect(plant.campId(), grid, gens, others);
        return new CampCells(plant, grid, gens, pv, battery, outages);
    }

    /** Every source's power summed per cell (a charging battery counts negative); known where all are known. */
    private CellSeries load() {
        List<CellSeries> supplies = new ArrayList<>();
        generators.forEach(g -> supplies.add(g.power));
        pv.forEach(p -> supplies.add(p.power));
        int n = grid.size();
        double[] mean = new double[n];
        double[] known = new double[n];
        double[] measured = new double[n];
        for (int c = 0; c < n; c++) {
            known[c] = 1;
            measured[c] = 1;
            for (CellSeries p : supplies) {
                mean[c] += p.known(c) ? Math.max(0, p.mean(c)) : Double.NaN;
                known[c] = Math.min(known[c], p.knownShare(c));
                measured[c] = Math.min(measured[c], p.measured(c));
            }
            if (battery != null) {
                mean[c] += battery.power.mean(c);
                known[c] = Math.min(known[c], battery.power.knownShare(c));
                measured[c] = Math.min(measured[c], battery.power.measured(c));
            }
            mean[c] = supplies.isEmpty() && battery == null ? Double.NaN : mean[c];
        }
        return CellSeries.of(grid, mean, known, measured);
    }
}
