package org.smartcamp.analytics.job.standard;

import org.smartcamp.ingest.catalogue.Figure;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.smartcamp.analytics.event.DetectedEvent;
import org.smartcamp.ingest.catalogue.EventKind;
import org.smartcamp.analytics.fuel.BucketSize;
import org.smartcamp.analytics.fuel.CampFuelAnalysis;
import org.smartcamp.analytics.fuel.CampFuelInput;
import org.smartcamp.analytics.fuel.CampFuelReport;
import org.smartcamp.analytics.fuel.Co2;
import org.smartcamp.analytics.fuel.ConsumptionBucket;
import org.smartcamp.analytics.fuel.ConsumptionSource;
import org.smartcamp.analytics.fuel.FuelDay;
import org.smartcamp.analytics.fuel.FuelSettings;
import org.smartcamp.analytics.fuel.FuelUse;
import org.smartcamp.analytics.fuel.GeneratorParams;
import org.smartcamp.analytics.fuel.GeneratorReadings;
import org.smartcamp.analytics.fuel.StrappingTable;
import org.smartcamp.analytics.fuel.SupplyForecast;
import org.smartcamp.analytics.fuel.TankDay;
import org.smartcamp.analytics.fuel.TankLedger;
import org.smartcamp.analytics.fuel.TankParams;
import org.smartcamp.analytics.fuel.TankReadings;
import org.smartcamp.analytics.fuel.VehicleParams;
import org.smartcamp.analytics.fuel.VehicleReadings;
import org.smartcamp.analytics.job.AnalysisOutput;
import org.smartcamp.analytics.job.CampAnalyzer;
import org.smartcamp.analytics.job.CampContext;
import org.smartcamp.analytics.series.Series;
import org.smartcamp.analytics.store.AnalyticsSettings;
import org.smartcamp.analytics.store.AssetInfo;
import org.smartcamp.analytics.store.CurrentFigure;
import org.smartcamp.analytics.store.DailyFigure;
import org.smartcamp.analytics.store.DeliverySource;
import org.smartcamp.analytics.store.HourlyFigure;
import org.smartcamp.analytics.store.Subject;
import org.smartcamp.ingest.catalogue.AssetKind;

/**
 * The fuel analytics of a camp in the job ({@link CampFuelAnalysis}: consumption, refuels, thefts, leaks, short
 * fills, days of supply) over the camp's stored readings and recorded deliveries. It stores:
 * <ul>
 *   <li>hourly and daily {@code fuel_consumed_l} per generator, vehicle and camp (best source per hour: flow
 *       meter, tank levels, fuel curve; coverage is the share of the hour or day a source covers; months are
 *       summed by the API), {@code co2_kg} per camp, and per tank
 *       {@code refuel_l} and {@code loss_l} (thefts and drains, litres);</li>
 *   <li>current {@code days_of_supply} per tank and camp (interval from the regression's standard error, reorder
 *       date and burn rate in the detail) and {@code reorder_date} (value: epoch day, detail: the date);</li>
 *   <li>REFUEL, THEFT, LEAK and SHORT_FILL events with their evidence.</li>
 * </ul>
 * Settings: the {@code fuel.*} keys of {@link org.smartcamp.analytics.fuel.FuelSetting} per camp and per asset,
 * and {@code job.fuelContext} (default 14d), the data loaded before the changed day.
 */
public final class FuelAnalyzer implements CampAnalyzer {
    private final DeliverySource deliveries;
    private final CampFuelAnalysis analysis = new CampFuelAnalysis();

    public FuelAnalyzer(DeliverySource deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public String name() {
        return "fuel";
    }

    @Override
    public Duration context(AnalyticsSettings settings) {
        return JobSettings.context(settings, JobSettings.FUEL_CONTEXT);
    }

    @Override
    public boolean readsSetting(String key) {
        return key.startsWith("fuel.") || key.equals("job." + JobSettings.FUEL_CONTEXT);
    }

    @Override
    public void checkSettings(AnalyticsSettings settings) {
        context(settings);
        FuelSettings.defaults().with(fuelKeys(settings));
    }

    @Override
    public Set<EventKind> eventKinds() {
        return Set.of(EventKind.REFUEL, EventKind.THEFT, EventKind.LEAK, EventKind.SHORT_FILL);
    }

    @Override
    public AnalysisOutput analyze(CampContext ctx) {
        CampFuelInput input = input(ctx);
        if (input.generators().isEmpty() && input.tanks().isEmpty() && input.vehicles().isEmpty()) {
            return AnalysisOutput.empty();
        }
        CampFuelReport report = analysis.analyse(input);
        Instant from = ctx.window().firstDay().atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant to = ctx.window().until();
        List<DailyFigure> daily = new ArrayList<>();
        List<HourlyFigure> hourly = new ArrayList<>();
        for (FuelUse use : report.fuelUse().values()) {
            explained(use.assetId(), use.explained(from, to, BucketSize.DAY), daily);
            hourly(Subject.ASSET, use.assetId(), use.buckets(from, to, BucketSize.HOUR), hourly);
        }
        for (TankLedger ledger : report.ledgers().values()) {
            ledger.days(from, to).forEach(d -> daily.add(account(d)));
        }
        List<ConsumptionBucket> camp = report.campConsumption(from, to, BucketSize.DAY);
        consumption(Subject.CAMP, ctx.camp().id(), camp, daily);
        hourly(Subject.CAMP, ctx.camp().id(), report.campConsumption(from, to, BucketSize.HOUR), hourly);
        Co2 co2 = new Co2(input.settings());
        for (ConsumptionBucket b : camp) {
            if (b.coverage() > 0 && Double.isFinite(b.litres())) {
                daily.add(daily(Subject.CAMP, ctx.camp().id(), day(b.start()), Figure.CO2_KG,
                    co2.kilograms(b.litres()), b.coverage()));
            }
        }
        tankDays(input, report.events(), from, to, daily);
        List<CurrentFigure> current = new ArrayList<>();
        report.tankSupply().values().forEach(f -> supply(Subject.ASSET, f, current));
        if (report.campSupply() != null) {
            supply(Subject.CAMP, report.campSupply(), current);
        }
        return new AnalysisOutput(report.events().stream().filter(e -> eventKinds().contains(e.kind())).toList(),
            daily, current, hourly);
    }

    private CampFuelInput input(CampContext ctx) {
        FuelSettings settings = FuelSettings.defaults().with(fuelKeys(ctx.settings()));
        List<AssetInfo> assets = ctx.assets();
        List<CampFuelInput.Generator> generators = new ArrayList<>();
        List<CampFuelInput.Tank> tanks = new ArrayList<>();
        List<CampFuelInput.Vehicle> vehicles = new ArrayList<>();
        Instant asOf = null;
        for (AssetInfo a : assets) {
            Map<String, String> overrides = fuelKeys(a.settings());
            if (a.is(AssetKind.GENERATOR) && a.ratedKw() != null) {
                boolean meter = ctx.metrics(a).contains("fuel.used");
                GeneratorParams params = a.fuelF0() != null && a.fuelF1() != null
                    ? new GeneratorParams(a.id(), a.ratedKw(), a.fuelF0(), a.fuelF1(), meter)
                    : GeneratorParams.withDefaultCurve(a.id(), a.ratedKw(), meter, settings.with(overrides));
                generators.add(new CampFuelInput.Generator(params, new GeneratorReadings(ctx.series(a, "fuel.used"),
                    ctx.series(a, "energy.active"), ctx.series(a, "engine.hours"), ctx.series(a, "power.active"),
                    ctx.series(a, "engine.running")), overrides));
            } else if (a.is(AssetKind.FUEL_TANK) && a.capacityL() != null) {
                List<String> feeds = linked(assets, a, AssetKind.GENERATOR);
                TankReadings readings = new TankReadings(ctx.series(a, "fuel.volume"), ctx.series(a, "fuel.level"),
                    ctx.series(a, "fuel.temp"));
                tanks.add(new CampFuelInput.Tank(new TankParams(a.id(), a.capacityL(),
                    a.unusableL() == null ? 0 : a.unusableL(),
                    a.strapping() == null || a.strapping().isEmpty() ? null : new StrappingTable(a.strapping()),
                    feeds, a.supplyTankId(), linked(assets, a, AssetKind.VEHICLE)), readings, overrides));
                asOf = later(asOf, last(readings.volume()), last(readings.level()));
            } else if (a.is(AssetKind.VEHICLE) && a.fuelCapacityL() != null) {
                vehicles.add(new CampFuelInput.Vehicle(new VehicleParams(a.id(), a.fuelCapacityL()),
                    new VehicleReadings(ctx.series(a, "fuel.level_pct"), ctx.series(a, "fuel.used"),
                        ctx.series(a, "engine.idle_hours")), overrides));
            }
        }
        Instant until = ctx.window().until().isAfter(ctx.now()) ? ctx.now() : ctx.window().until();
        List<String> tankIds = tanks.stream().map(t -> t.params().assetId()).toList();
        return new CampFuelInput(ctx.camp().id(), settings, generators, tanks, vehicles,
            deliveries.deliveries(ctx.camp().id(), tankIds, ctx.window().loadFrom(), ctx.window().until()),
            asOf == null ? until : asOf);
    }

    /** The assets of {@code kind} that name {@code tank} as the tank they draw from. */
    private static List<String> linked(List<AssetInfo> assets, AssetInfo tank, AssetKind kind) {
        return assets.stream().filter(x -> x.is(kind) && tank.id().equals(x.supplyTankId())).map(AssetInfo::id)
            .toList();
    }

    private static Map<String, String> fuelKeys(AnalyticsSettings settings) {
        return JobSettings.family(settings, "fuel.");
    }

    private static Instant last(Series s) {
        return s.isEmpty() ? null : s.instant(s.size() - 1);
    }

    private static Instant later(Instant a, Instant b, Instant c) {
        Instant m = a;
        for (Instant x : new Instant[] {b, c}) {
            if (x != null && (m == null || x.isAfter(m))) {
                m = x;
            }
        }
        return m;
    }

    private static LocalDate day(Instant t) {
        return LocalDate.ofInstant(t, ZoneOffset.UTC);
    }

    /** One {@code fuel_consumed_l} row per day a source covers; a day no source covers has no row (not a zero). */
    private static void consumption(Subject subject, String id, List<ConsumptionBucket> buckets,
                                    List<DailyFigure> out) {
        for (ConsumptionBucket b : buckets) {
            if (b.coverage() > 0 && Double.isFinite(b.litres())) {
                out.add(daily(subject, id, day(b.start()), Figure.FUEL_CONSUMED_L, Math.max(0, b.litres()),
                    Math.min(1, b.coverage())));
            }
        }
    }

    /**
     * One {@code fuel_consumed_l} row per day a source covers, with the source, why, its 1-sigma uncertainty and
     * what every source said in the detail.
     */
    private static void explained(String id, List<FuelDay> days, List<DailyFigure> out) {
        for (FuelDay d : days) {
            ConsumptionBucket b = d.bucket();
            if (!(b.coverage() > 0 && Double.isFinite(b.litres()))) {
                continue;
            }
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("source", code(b.source()));
            detail.put("reason", d.reason());
            detail.put("reason_text", d.reasonText());
            detail.put("uncertainty_l", finite(d.sigmaL()));
            detail.put("uncertainty_95_l", finite(TankDay.Z * d.sigmaL()));
            detail.put("uncertainty_basis", d.basis().isEmpty() ? "1 sigma" : "1 sigma; " + d.basis());
            Map<String, Object> sources = new LinkedHashMap<>();
            d.bySource().forEach((k, v) -> sources.put(code(k), figures("litres", v.litres(), "uncertainty_l",
                v.sigmaL(), "coverage", v.coverage())));
            detail.put("sources", sources);
            detail.put("disagreement", d.disagrees());
            if (d.disagrees()) {
                detail.put("disagreement_l", finite(d.disagreement()));
            }
            out.add(new DailyFigure(Subject.ASSET, id, day(b.start()), Figure.FUEL_CONSUMED_L.id(),
                Math.max(0, b.litres()), Figure.FUEL_CONSUMED_L.unit(), Math.min(1, b.coverage()), detail));
        }
    }

    /** A tank's account of one day as {@code fuel_residual_l}: the residual, the account in the detail. */
    private static DailyFigure account(TankDay d) {
        Map<String, Object> detail = figures("opening_l", d.openingL(), "in_l", d.inL(), "thefts_l", d.theftsL(),
            "leak_l", d.leakL(), "consumed_l", d.consumedL(), "moved_out_l", d.movedOutL());
        detail.putAll(figures("closing_l", d.closingL(), "residual_l", d.residualL(), "uncertainty_l", d.sigmaL(),
            "uncertainty_95_l", TankDay.Z * d.sigmaL()));
        detail.put("within", d.within());
        detail.put("verdict", d.verdict());
        Map<String, Object> consumers = new LinkedHashMap<>();
        d.consumers().forEach((k, v) -> {
            Map<String, Object> c = figures("litres", v.litres(), "uncertainty_l", v.sigmaL());
            c.put("source", code(v.source()));
            consumers.put(k, c);
        });
        detail.put("consumers", consumers);
        return new DailyFigure(Subject.ASSET, d.tankId(), day(d.day()), Figure.FUEL_RESIDUAL_L.id(),
            finite(d.residualL()), Figure.FUEL_RESIDUAL_L.unit(), clamp(d.coverage()), detail);
    }

    /** Name/value pairs as a JSON object, non-finite values as null. */
    private static Map<String, Object> figures(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], finite((Double) pairs[i + 1]));
        }
        return m;
    }

    private static Double finite(Double v) {
        return v != null && Double.isFinite(v) ? v : null;
    }

    private static String code(ConsumptionSource s) {
        return s.name().toLowerCase(Locale.ROOT);
    }

    /** One hourly {@code fuel_consumed_l} row per hour a source covers. */
    private static void hourly(Subject subject, String id, List<ConsumptionBucket> buckets, List<HourlyFigure> out) {
        for (ConsumptionBucket b : buckets) {
            if (b.coverage() > 0 && Double.isFinite(b.litres())) {
                out.add(new HourlyFigure(subject, id, b.start(), Figure.FUEL_CONSUMED_L.id(), Math.max(0, b.litres()),
                    Figure.FUEL_CONSUMED_L.unit(), Math.min(1, b.coverage())));
            }
        }
    }

    /** Per tank and day, the litres refuelled and lost to thefts and drains (zero on a day with tank data). */
    private static void tankDays(CampFuelInput input, List<DetectedEvent> events, Instant from, Instant to,
                                 List<DailyFigure> out) {
        Map<String, double[]> litres = new HashMap<>();
        for (DetectedEvent e : events) {
            int slot = e.kind() == EventKind.REFUEL ? 0 : e.kind() == EventKind.THEFT ? 1 : -1;
            if (slot >= 0 && e.quantity() != null) {
                litres.computeIfAbsent(e.assetId() + "|" + day(e.start()), k -> new double[2])[slot] += e.quantity();
            }
        }
        for (CampFuelInput.Tank t : input.tanks()) {
            String id = t.params().assetId();
            Series level = t.readings().litres(t.params());
            for (Instant d = from; d.isBefore(to); d = d.plus(1, ChronoUnit.DAYS)) {
                Instant end = d.plus(1, ChronoUnit.DAYS);
                if (level.slice(d.toEpochMilli(), end.toEpochMilli()).isEmpty()) {
                    continue;
                }
                double[] moved = litres.getOrDefault(id + "|" + day(d), new double[2]);
                out.add(daily(Subject.ASSET, id, day(d), Figure.REFUEL_L, moved[0], 1));
                out.add(daily(Subject.ASSET, id, day(d), Figure.LOSS_L, moved[1], 1));
            }
        }
    }

    private static void supply(Subject subject, SupplyForecast f, List<CurrentFigure> out) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("volume_l", f.volumeL());
        detail.put("usable_l", f.usableL());
        detail.put("burn_l_per_day", f.burnLitresPerDay());
        detail.put("burn_se_l_per_day", f.burnSe());
        detail.put("samples", f.samples());
        if (f.reorderDate() != null) {
            detail.put(Figure.REORDER_DATE.id(), day(f.reorderDate()).toString());
        }
        Double days = Double.isFinite(f.days()) ? f.days() : null;
        out.add(new CurrentFigure(subject, f.subjectId(), Figure.DAYS_OF_SUPPLY.id(), days,
            Figure.DAYS_OF_SUPPLY.unit(), Double.isFinite(f.daysLow()) ? f.daysLow() : null,
            Double.isFinite(f.daysHigh()) ? f.daysHigh() : null, clamp(f.coverage()), f.asOf(), detail));
        if (f.reorderDate() != null) {
            LocalDate date = day(f.reorderDate());
            out.add(new CurrentFigure(subject, f.subjectId(), Figure.REORDER_DATE.id(), (double) date.toEpochDay(),
                Figure.REORDER_DATE.unit(), null, null, clamp(f.coverage()), f.asOf(),
                Map.of("date", date.toString())));
        }
    }

    private static DailyFigure daily(Subject subject, String id, LocalDate day, Figure figure, double value,
                                     double coverage) {
        return new DailyFigure(subject, id, day, figure.id(), value, figure.unit(), coverage);
    }

    private static double clamp(double coverage) {
        return Double.isFinite(coverage) ? Math.max(0, Math.min(1, coverage)) : 0;
    }
}
