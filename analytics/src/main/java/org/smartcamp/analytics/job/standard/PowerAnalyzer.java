package org.smartcamp.analytics.job.standard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.smartcamp.analytics.job.AnalysisOutput;
import org.smartcamp.analytics.job.CampAnalyzer;
import org.smartcamp.analytics.job.CampContext;
import org.smartcamp.analytics.power.BatterySignals;
import org.smartcamp.analytics.power.CampPlant;
import org.smartcamp.analytics.power.CampPowerAnalyzer;
import org.smartcamp.analytics.power.CampPowerReport;
import org.smartcamp.analytics.power.CampSignals;
import org.smartcamp.analytics.power.GeneratorRating;
import org.smartcamp.analytics.power.GeneratorSignals;
import org.smartcamp.analytics.power.PowerSettings;
import org.smartcamp.analytics.power.PvSignals;
import org.smartcamp.analytics.store.AnalyticsSettings;
import org.smartcamp.analytics.store.AssetInfo;
import org.smartcamp.ingest.catalogue.AssetKind;
import org.smartcamp.ingest.catalogue.EventKind;

/**
 * The power analytics of a camp in the job ({@link CampPowerAnalyzer}): per generator energy, running hours,
 * starts, load factor and its bands, SFC against the curve, low-load fuel penalty; per camp energy by source,
 * renewable fraction, diesel displaced, availability and outages; right-sizing, N+1 and consolidation as current
 * figures; LOW_LOAD, OVERLOAD, SFC_DEGRADATION and OUTAGE events (an outage's asset id is the camp id).
 * Settings: the {@code power.*} keys per camp (docs/analytics-power.md) and {@code job.powerContext} (default 3d).
 * A battery's nominal voltage comes from its {@code nominal_voltage} attribute (default 48 V).
 */
public final class PowerAnalyzer implements CampAnalyzer {
    static final String NOMINAL_VOLTAGE = "nominal_voltage";
    static final double DEFAULT_NOMINAL_VOLTAGE = 48;

    @Override
    public String name() {
        return "power";
    }

    @Override
    public Duration context(AnalyticsSettings settings) {
        return JobSettings.context(settings, JobSettings.POWER_CONTEXT);
    }

    @Override
    public boolean readsSetting(String key) {
        return key.startsWith("power.") || key.equals("job." + JobSettings.POWER_CONTEXT);
    }

    @Override
    public void checkSettings(AnalyticsSettings settings) {
        context(settings);
        PowerSettings.of(settings.asMap());
    }

    @Override
    public Set<EventKind> eventKinds() {
        return Set.of(EventKind.LOW_LOAD, EventKind.OVERLOAD, EventKind.SFC_DEGRADATION, EventKind.OUTAGE);
    }

    @Override
    public AnalysisOutput analyze(CampContext ctx) {
        PowerSettings settings = PowerSettings.of(ctx.settings().asMap());
        List<GeneratorRating> generators = new ArrayList<>();
        List<CampPlant.Pv> pv = new ArrayList<>();
        CampPlant.Battery battery = null;
        Map<String, GeneratorSignals> genSignals = new HashMap<>();
        Map<String, PvSignals> pvSignals = new HashMap<>();
        BatterySignals batterySignals = null;
        for (AssetInfo a : ctx.assets()) {
            if (a.is(AssetKind.GENERATOR) && a.ratedKw() != null) {
                generators.add(GeneratorRating.of(a.id(), a.ratedKw(), a.fuelF0(), a.fuelF1(), settings));
                genSignals.put(a.id(), GeneratorSignals.from(m -> ctx.series(a, m)));
            } else if (a.is(AssetKind.PV) && a.ratedKwp() != null) {
                pv.add(new CampPlant.Pv(a.id(), a.ratedKwp()));
                pvSignals.put(a.id(), PvSignals.from(m -> ctx.series(a, m)));
            } else if (a.is(AssetKind.BATTERY) && a.capacityKwh() != null && battery == null) {
                battery = new CampPlant.Battery(a.id(), a.capacityKwh(), voltage(a));
                batterySignals = BatterySignals.from(m -> ctx.series(a, m));
            }
        }
        if (generators.isEmpty() && pv.isEmpty() && battery == null) {
            return AnalysisOutput.empty();
        }
        CampPowerReport report = new CampPowerAnalyzer(settings).analyze(
            new CampPlant(ctx.camp().id(), generators, pv, battery),
            new CampSignals(genSignals, pvSignals, batterySignals), ctx.window().loadFrom(), ctx.window().until());
        return new AnalysisOutput(report.events(), report.dailyFigures(), report.sizing().currentFigures());
    }

    private static double voltage(AssetInfo battery) {
        Object v = battery.attributes().get(NOMINAL_VOLTAGE);
        if (v instanceof Number n && n.doubleValue() > 0) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(battery.id() + ": attribute " + NOMINAL_VOLTAGE
                    + " is not a number: " + s, e);
            }
        }
        return DEFAULT_NOMINAL_VOLTAGE;
    }
}
