package org.smartcamp.deploy.accuracy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.smartcamp.analytics.job.AnalyticsJobConfig;
import org.smartcamp.analytics.job.AnalyticsService;
import org.smartcamp.deploy.bench.BenchSchema;
import org.smartcamp.ingest.store.DatabaseConfig;
import org.smartcamp.ingest.store.StoreException;
import org.smartcamp.simulator.SimulationResult;
import org.smartcamp.simulator.scenario.GeneratorSpec;
import org.smartcamp.simulator.scenario.Scenario;
import org.smartcamp.simulator.scenario.TankSpec;
import org.smartcamp.simulator.truth.TruthEvent;
import org.smartcamp.simulator.truth.TruthFigures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs bundled scenarios end to end and scores the stored analytics against the simulator's ground truth: each
 * run gets a migrated schema of its own, its gateways' messages (backlogs after link outages, resends) go through
 * the ingest pipeline into the store, one pass of the analytics job (the same analyzers as
 * {@code smartcamp analytics}) computes rollups, figures and events, and the rows it stored in
 * {@code analytics_daily}, {@code analytics_events} and {@code analytics_current} are compared with the truth.
 */
public final class AccuracyHarness {
    private static final Logger LOG = LoggerFactory.getLogger(AccuracyHarness.class);
    /** A detected event pairs with a true one of the same asset overlapping it within this. */
    static final Duration MATCH_TOLERANCE = Duration.ofMinutes(30);
    static final double MIN_THEFT_L = 20;
    static final double MIN_LEAK_L_PER_DAY = 10;
    private static final double MIN_LOAD_FACTOR_HOURS = 1;
    /** A detected outage matches a real one when its start and its end are each at most this far off. */
    static final Duration OUTAGE_TOLERANCE = Duration.ofMinutes(5);
    /** A stuck period counts when the gauge repeated at least this many readings. */
    static final int MIN_STUCK_READINGS = 30;
    /** A generator's output within its rating: the simulator never runs a set above it. */
    private static final double RATING_SLACK = 1e-9;
    private static final double DIAGNOSE_ERROR = 0.002;

    private final DatabaseConfig database;
    private final Clock clock;
    private final EventMatcher matcher = new EventMatcher(MATCH_TOLERANCE);

    /**
     * Every bundled scenario, the adversarial ones (written to break the analyzers, not with them) beside the
     * ones written with the analyzers.
     */
    public static final List<String> SCENARIOS = List.of("small-outpost", "battalion-camp", "logistics-hub",
        "gauge-trouble-outpost", "load-following-pair", "hybrid-cycle-charging");

    /**
     * The simulated days of a run of {@code scenario}: ten, so that the leaks the outpost and the hub start on day
     * five or six have three days to be found; seven for the battalion camp (its default week).
     */
    public static int defaultDays(String scenario) {
        return scenario.equals("battalion-camp") ? 7 : 10;
    }

    public AccuracyHarness(DatabaseConfig database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** One run: {@code scenario} with {@code seed} over {@code days} (null: the scenario's own duration). */
    public RunResult run(String scenario, long seed, Duration days) throws InterruptedException {
        try (BenchSchema schema = new BenchSchema(database, "accuracy")) {
            DataSource ds = schema.dataSource();
            SimulatedFeed feed = new SimulatedFeed(ds, clock);
            Scenario s = feed.scenario(scenario, seed, days);
            long t0 = System.nanoTime();
            SimulationResult result = feed.feed(s);
            long t1 = System.nanoTime();
            try (AnalyticsService service = new AnalyticsService(schema.config(), AnalyticsJobConfig.DEFAULTS, false,
                    clock)) {
                LOG.info("{} seed {}: {}", scenario, seed, service.open().runOnce());
            }
            long t2 = System.nanoTime();
            RunResult r = score(ds, s, new TruthFigures(s, result.truth()), result.summary().readings(),
                (t1 - t0) / 1e9, (t2 - t1) / 1e9);
            LOG.info("{} seed {} scored: fuel worst {}, refuels {}, thefts {}, leaks {}, days of supply worst {}",
                scenario, seed, r.fuel().worst(), r.refuels(), r.thefts(), r.leaks(), r.worstDaysOfSupply());
            LOG.info("{} seed {} fuel accounts: {}", scenario, seed, ReconciliationSummary.of(ds));
            return r;
        }
    }

    private RunResult score(DataSource ds, Scenario s, TruthFigures truth, long readings, double feedSeconds,
                            double analyzeSeconds) {
        Map<String, Double> daily = daily(ds);
        RunResult.Errors fuel = RunResult.Errors.NONE;
        RunResult.Errors hours = RunResult.Errors.NONE;
        RunResult.Errors lf = RunResult.Errors.NONE;
        RunResult.Errors energy = RunResult.Errors.NONE;
        for (TruthFigures.GeneratorDay d : truth.generatorDays()) {
            LocalDate day = LocalDate.ofInstant(d.day(), ZoneOffset.UTC);
            fuel = compare(fuel, daily.get(key(d.generator(), day, "fuel_consumed_l")), d.totals().fuelL(), 1);
            hours = compare(hours, daily.get(key(d.generator(), day, "running_h")), d.totals().runHours(), 1);
            energy = compare(energy, daily.get(key(d.generator(), day, "energy_kwh")), d.totals().energyKwh(), 1);
            logOff(d.generator(), day, daily, d.totals().fuelL(), d.totals().runHours(), d.totals().energyKwh());
            if (d.totals().runHours() >= MIN_LOAD_FACTOR_HOURS) {
                lf = compare(lf, daily.get(key(d.generator(), day, "load_factor_avg")),
                    d.totals().loadFactor(d.ratedKw()), 0);
            }
        }
        RunResult.Errors campFuel = RunResult.Errors.NONE;
        for (Map.Entry<Instant, Double> d : truth.campDailyFuel().entrySet()) {
            campFuel = compare(campFuel, daily.get(key(s.camp().id(), LocalDate.ofInstant(d.getKey(), ZoneOffset.UTC),
                "fuel_consumed_l")), d.getValue(), 1);
        }
        List<Detected> events = events(ds);
        List<TruthEvent> realRefuels = truth.events("refuel", "vehicle_refuel");
        List<Detected> refuels = of(events, "refuel");
        List<EventMatcher.Pair> refuelPairs = matcher.pairs(windows(realRefuels), windowsOf(refuels));
        RunResult.Errors volume = RunResult.Errors.NONE;
        for (EventMatcher.Pair p : refuelPairs) {
            double real = litres(realRefuels, p.real());
            double measured = quantity(refuels, p.detected());
            volume = volume.add(Math.abs(measured - real) / Math.max(1, real));
        }
        Score refuelScore = new Score(refuelPairs.size(), refuels.size() - refuelPairs.size(),
            realRefuels.size() - refuelPairs.size());
        List<TruthEvent> realThefts = truth.events("theft").stream().filter(e -> e.litres() != null
            && e.litres() >= MIN_THEFT_L).toList();
        Score thefts = matcher.score(windows(realThefts), windowsOf(of(events, "theft")));
        List<TruthEvent> realLeaks = truth.events("leak").stream()
            .filter(e -> e.litres() != null && TruthFigures.ratePerDay(e) >= MIN_LEAK_L_PER_DAY).toList();
        List<Detected> leaks = of(events, "leak");
        List<EventMatcher.Pair> leakPairs = new EventMatcher(Duration.ofDays(3)).pairs(windows(realLeaks),
            windowsOf(leaks));
        List<Double> delays = new ArrayList<>();
        for (EventMatcher.Pair p : leakPairs) {
            delays.add((p.detected().end().toEpochMilli() - p.real().start().toEpochMilli()) / TruthFigures.DAY_MS);
        }
        Score leakScore = new Score(leakPairs.size(), leaks.size() - leakPairs.size(),
            realLeaks.size() - leakPairs.size());
        Map<String, Double> dos = daysOfSupply(ds);
        List<RunResult.Forecast> forecasts = new ArrayList<>();
        for (TankSpec t : truth.tanks()) {
            String id = truth.assetId(t.id());
            forecasts.add(new RunResult.Forecast(id, dos.get(id), truth.tankDaysOfSupply(t)));
        }
        forecasts.add(new RunResult.Forecast(s.camp().id(), dos.get(s.camp().id()), truth.campDaysOfSupply()));
        return new RunResult(s.header().name(), s.header().seed(), (int) s.header().duration().toDays(), readings,
            fuel, hours, lf, energy, campFuel, refuelScore, volume, thefts, leakScore, delays, forecasts,
            outages(truth, events), overload(truth, events), stuck(truth, events), feedSeconds, analyzeSeconds);
    }

    /** Camp-wide power outages: a detection matches when its start and end are both within the tolerance. */
    private static Score outages(TruthFigures truth, List<Detected> events) {
        List<EventMatcher.Window> real = windows(truth.events("power_outage"));
        List<EventMatcher.Window> free = new ArrayList<>(windowsOf(of(events, "outage")));
        LOG.info("power outages: real {}, detected {}", real, free);
        int detected = free.size();
        int matched = 0;
        for (EventMatcher.Window r : real) {
            EventMatcher.Window hit = free.stream().filter(d -> d.asset().equals(r.asset())
                && within(r.start(), d.start()) && within(r.end(), d.end())).findFirst().orElse(null);
            if (hit != null) {
                free.remove(hit);
                matched++;
            }
        }
        return new Score(matched, detected - matched, real.size() - matched);
    }

    private static boolean within(Instant a, Instant b) {
        return Duration.between(a, b).abs().compareTo(OUTAGE_TOLERANCE) <= 0;
    }

    /** Overload events on the sets whose true output never exceeded their rating. */
    private static RunResult.Overload overload(TruthFigures truth, List<Detected> events) {
        int sets = 0;
        int falseEvents = 0;
        for (GeneratorSpec g : truth.scenario().plant().generators()) {
            String id = truth.assetId(g.id());
            if (truth.generatorPeakKw(id) <= g.ratedKw() * (1 + RATING_SLACK)) {
                sets++;
                falseEvents += (int) of(events, "overload").stream().filter(e -> e.window().asset().equals(id))
                    .count();
            }
        }
        return new RunResult.Overload(sets, falseEvents);
    }

    /**
     * Stuck gauges: each injected stuck period of at least {@link #MIN_STUCK_READINGS} readings is found when a
     * flat-line event of the same asset and metric overlaps it; a flat-line event that overlaps no stuck period
     * of its gauge (of any length) is a false alarm on a healthy gauge.
     */
    private static Score stuck(TruthFigures truth, List<Detected> events) {
        List<TruthEvent> stuck = truth.events("sensor_fault").stream()
            .filter(e -> e.detail() != null && e.detail().startsWith("stuck")).toList();
        List<Detected> flat = of(events, "flatline");
        int found = 0;
        int missed = 0;
        for (TruthEvent e : stuck) {
            Duration interval = truth.reportInterval(localId(truth, e.asset()));
            if (interval == null || e.end().toEpochMilli() - e.start().toEpochMilli()
                < (MIN_STUCK_READINGS - 1) * interval.toMillis()) {
                continue;
            }
            if (flat.stream().anyMatch(d -> sameGauge(e, d) && overlaps(e, d.window(), Duration.ZERO))) {
                found++;
            } else {
                missed++;
            }
        }
        int falseAlarms = (int) flat.stream().filter(d -> stuck.stream()
            .noneMatch(e -> sameGauge(e, d) && overlaps(e, d.window(), MATCH_TOLERANCE))).count();
        return new Score(found, falseAlarms, missed);
    }

    private static String localId(TruthFigures truth, String assetId) {
        String prefix = truth.scenario().camp().id() + "-";
        return assetId.startsWith(prefix) ? assetId.substring(prefix.length()) : assetId;
    }

    private static boolean sameGauge(TruthEvent stuck, Detected flat) {
        if (!stuck.asset().equals(flat.window().asset())) {
            return false;
        }
        String metric = stuck.detail().substring("stuck ".length());
        return metric.equals("all metrics") || flat.metrics().contains(metric);
    }

    private static boolean overlaps(TruthEvent e, EventMatcher.Window w, Duration tolerance) {
        return !w.start().isAfter(e.end().plus(tolerance)) && !w.end().isBefore(e.start().minus(tolerance));
    }

    /** Logs a generator-day whose fuel, hours or kWh are off by more than a fifth of the target (diagnosis). */
    private static void logOff(String generator, LocalDate day, Map<String, Double> daily, double... truth) {
        String[] figures = {"fuel_consumed_l", "running_h", "energy_kwh"};
        for (int i = 0; i < figures.length; i++) {
            Double v = daily.get(key(generator, day, figures[i]));
            if (v != null && Math.abs(v - truth[i]) / Math.max(1, Math.abs(truth[i])) > DIAGNOSE_ERROR) {
                LOG.info("{} {} {}: {} against {} in truth", generator, day, figures[i], v, truth[i]);
            }
        }
    }

    private static RunResult.Errors compare(RunResult.Errors errors, Double estimate, double truth, double floor) {
        if (estimate == null) {
            return errors.addMissing();
        }
        return errors.add(Math.abs(estimate - truth) / Math.max(floor, Math.abs(truth)));
    }

    private static String key(String subject, LocalDate day, String figure) {
        return subject + "|" + day + "|" + figure;
    }

    private record Detected(String kind, EventMatcher.Window window, double quantity, List<String> metrics) {
    }

    private static List<Detected> of(List<Detected> events, String kind) {
        return events.stream().filter(e -> e.kind().equals(kind)).toList();
    }

    private static List<EventMatcher.Window> windowsOf(List<Detected> events) {
        return events.stream().map(Detected::window).toList();
    }

    private static List<EventMatcher.Window> windows(List<TruthEvent> events) {
        return events.stream().map(e -> new EventMatcher.Window(e.asset(), e.start(), e.end())).toList();
    }

    private static double litres(List<TruthEvent> events, EventMatcher.Window w) {
        return events.stream().filter(e -> e.asset().equals(w.asset()) && e.start().equals(w.start())
            && e.end().equals(w.end())).findFirst().orElseThrow().litres();
    }

    private static double quantity(List<Detected> events, EventMatcher.Window w) {
        return events.stream().filter(e -> e.window().equals(w)).findFirst().orElseThrow().quantity();
    }

    private static Map<String, Double> daily(DataSource ds) {
        Map<String, Double> out = new HashMap<>();
        query(ds, "SELECT subject_id, day, figure, value FROM analytics_daily WHERE subject_kind IN ('asset', 'camp')"
            + " AND figure IN ('fuel_consumed_l', 'running_h', 'load_factor_avg', 'energy_kwh') AND value IS NOT NULL",
            rs -> {
                out.put(key(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3)), rs.getDouble(4));
            });
        return out;
    }

    private static List<Detected> events(DataSource ds) {
        List<Detected> out = new ArrayList<>();
        query(ds, "SELECT kind, asset_id, starts_at, coalesce(ends_at, starts_at), coalesce(quantity, 'NaN'),"
            + " coalesce(evidence->>'metric', '') FROM analytics_events WHERE status = 'active' ORDER BY starts_at",
            rs -> out.add(new Detected(rs.getString(1),
                new EventMatcher.Window(rs.getString(2), rs.getTimestamp(3).toInstant(),
                    rs.getTimestamp(4).toInstant()), rs.getDouble(5),
                List.of(rs.getString(6).split(",\\s*")))));
        return out;
    }

    private static Map<String, Double> daysOfSupply(DataSource ds) {
        Map<String, Double> out = new HashMap<>();
        query(ds, "SELECT subject_id, value FROM analytics_current WHERE figure = 'days_of_supply'"
            + " AND value IS NOT NULL", rs -> out.put(rs.getString(1), rs.getDouble(2)));
        return out;
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private static void query(DataSource ds, String sql, Row row) {
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                row.read(rs);
            }
        } catch (SQLException e) {
            throw new StoreException("accuracy: " + e.getMessage(), e);
        }
    }
}
