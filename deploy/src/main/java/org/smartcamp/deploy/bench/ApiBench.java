package org.smartcamp.deploy.bench;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.smartcamp.api.ApiConfig;
import org.smartcamp.api.ApiService;
import org.smartcamp.api.auth.ApiKeys;
import org.smartcamp.api.store.ApiKeyRecord;
import org.smartcamp.api.store.ApiKeyStore;

/**
 * The API part of the bench: in a schema of its own, registers the camps, fills a year (by default) of rollups,
 * figures and events and the last days of raw readings, starts the API in this process with an API key of its own,
 * warms it up, then drives the main analytics routes with each number of concurrent clients in turn.
 */
public final class ApiBench {
    static final String KEY_ROLE = "logistics";
    private static final int QUALITY_DAYS = 30;

    private final Consumer<String> progress;

    public ApiBench(Consumer<String> progress) {
        this.progress = progress;
    }

    /**
     * Runs the API part.
     *
     * @throws IllegalStateException when any request is answered with anything but 200
     * @throws SQLException          when seeding fails
     */
    public ApiBenchReport run(ApiBenchOptions options) throws SQLException, InterruptedException {
        try (BenchSchema schema = new BenchSchema(options.database(), "api", options.poolSize())) {
            progress.accept("API: registering " + options.camps() + " camps in schema " + schema.name());
            long sizeBefore = databaseSize(schema);
            List<BenchInventory.Camp> camps = BenchInventory.register(schema.dataSource(), options.camps());
            Instant end = Instant.now().truncatedTo(ChronoUnit.HOURS);
            YearOfData.Counts counts = new YearOfData(schema.dataSource(), schema.migration().engine(),
                line -> progress.accept("API: " + line))
                .fill(camps, end, options.days(), options.rawDays(), options.rawInterval());
            progress.accept(String.format("API: seeded in %d s", counts.took().toSeconds()));
            Map<String, Long> sizes = sizes(schema);
            long grown = databaseSize(schema) - sizeBefore;
            String key = createKey(schema);
            List<ApiLoad.Level> levels = drive(schema, key, routes(camps, end, options.days()), options);
            return new ApiBenchReport(options, counts, sizes, grown, schema.migration().engineVersion(),
                descriptions(options), levels);
        }
    }

    /** How the API and its clients run, in the order measured: before caching, then after (twice). */
    static final String CACHE_OFF = "answer cache off";
    static final String UNCONDITIONAL = "answer cache on, unconditional clients";
    static final String CONDITIONAL = "answer cache on, conditional clients (If-None-Match)";

    private List<ApiLoad.Level> drive(BenchSchema schema, String key, List<ApiLoad.Route> routes,
                                      ApiBenchOptions options) throws InterruptedException {
        ApiConfig config = ApiConfig.defaults().withRateLimit(new ApiConfig.RateLimit(1e9, Integer.MAX_VALUE));
        List<ApiLoad.Level> levels = new ArrayList<>();
        levels.addAll(drive(schema, key, routes, options, config.withCache(new ApiConfig.Cache(0,
            ApiConfig.Cache.DEFAULT.maxAge())), CACHE_OFF, false));
        levels.addAll(drive(schema, key, routes, options, config, UNCONDITIONAL, false));
        levels.addAll(drive(schema, key, routes, options, config, CONDITIONAL, true));
        return levels;
    }

    private List<ApiLoad.Level> drive(BenchSchema schema, String key, List<ApiLoad.Route> routes,
                                      ApiBenchOptions options, ApiConfig config, String mode, boolean conditional)
        throws InterruptedException {
        try (ApiService api = new ApiService(config, schema.dataSource(), Clock.systemUTC())) {
            api.start();
            ApiLoad load = new ApiLoad(URI.create(api.url()), key, routes);
            int most = options.clients().stream().mapToInt(Integer::intValue).max().orElseThrow();
            if (!options.warmup().isZero()) {
                progress.accept("API (" + mode + "): warming up for " + options.warmup().toSeconds() + " s with "
                    + most + " clients");
                load.run(most, options.warmup()).requireAllOk();
            }
            List<ApiLoad.Level> levels = new ArrayList<>();
            for (int clients : options.clients()) {
                System.gc();
                ApiLoad.Level level = load.run(clients, options.duration(), conditional, mode);
                level.requireAllOk();
                progress.accept(String.format("API (%s): %d clients: %,.0f requests/s, p95 %.1f ms, %,d 304, "
                        + "heap peak %d MB, after GC %d MB", mode, clients, level.requestsPerSecond(level.all()),
                    level.all().p95(), level.notModified(), level.heapPeak() >> 20, level.heapAfterGc() >> 20));
                levels.add(level);
            }
            return levels;
        }
    }

    /** The route mix, in the order each client takes them. */
    static List<ApiLoad.Route> routes(List<BenchInventory.Camp> camps, Instant end, int days) {
        String range = "from=" + end.minus(Duration.ofDays(days)) + "&to=" + end;
        String quality = "from=" + end.minus(Duration.ofDays(Math.min(days, QUALITY_DAYS))) + "&to=" + end;
        String lastDay = "from=" + end.minus(Duration.ofDays(1)) + "&to=" + end;
        return List.of(
            new ApiLoad.Route("figures/daily", r -> "/api/v1/figures/daily?camp=" + camp(camps, r) + "&" + range),
            new ApiLoad.Route("figures/current", r -> "/api/v1/figures/current?camp=" + camp(camps, r)),
            new ApiLoad.Route("camps/{id}/fuel", r -> "/api/v1/camps/" + camp(camps, r) + "/fuel?" + range),
            new ApiLoad.Route("camps/{id}/power", r -> "/api/v1/camps/" + camp(camps, r) + "/power?" + range),
            new ApiLoad.Route("events", r -> "/api/v1/events?camp=" + camp(camps, r) + "&" + range),
            new ApiLoad.Route("readings 1d", r -> "/api/v1/readings?camp=" + camp(camps, r)
                + "&metric=power.active&bucket=1d&" + range),
            new ApiLoad.Route("assets/{id}/readings raw", r -> "/api/v1/assets/" + generator(camps, r)
                + "/readings?metric=power.active&" + lastDay),
            new ApiLoad.Route("data-quality", r -> "/api/v1/data-quality?camp=" + camp(camps, r) + "&" + quality));
    }

    /** What each route of the mix asks, for the report. */
    static Map<String, String> descriptions(ApiBenchOptions o) {
        String span = o.days() + " days";
        Map<String, String> d = new LinkedHashMap<>();
        d.put("figures/daily", "`GET /api/v1/figures/daily?camp=C&from&to`: a camp's daily figures (camp and "
            + "assets) over " + span + ", first page (1,000 rows)");
        d.put("figures/current", "`GET /api/v1/figures/current?camp=C`: a camp's current figures");
        d.put("camps/{id}/fuel", "`GET /api/v1/camps/C/fuel?from&to`: fuel summary over " + span);
        d.put("camps/{id}/power", "`GET /api/v1/camps/C/power?from&to`: power summary over " + span);
        d.put("events", "`GET /api/v1/events?camp=C&from&to`: a camp's events over " + span + ", first page");
        d.put("readings 1d", "`GET /api/v1/readings?camp=C&metric=power.active&bucket=1d&from&to`: the camp's "
            + "generators in daily buckets over " + span + " (from readings_daily)");
        d.put("assets/{id}/readings raw", "`GET /api/v1/assets/G/readings?metric=power.active&from&to`: one "
            + "generator's raw readings over the last 24 h, first page");
        d.put("data-quality", "`GET /api/v1/data-quality?camp=C&from&to`: coverage, sensor faults and gateways "
            + "over " + Math.min(o.days(), QUALITY_DAYS) + " days");
        return d;
    }

    private static String camp(List<BenchInventory.Camp> camps, Random r) {
        return camps.get(r.nextInt(camps.size())).id();
    }

    private static String generator(List<BenchInventory.Camp> camps, Random r) {
        BenchInventory.Camp camp = camps.get(r.nextInt(camps.size()));
        List<BenchInventory.Asset> gens = camp.ofKind("generator");
        List<BenchInventory.Asset> pick = gens.isEmpty() ? camp.assets() : gens;
        return pick.get(r.nextInt(pick.size())).id();
    }

    /** A key of its own for the bench: logistics role, every mission. Returns the secret. */
    private static String createKey(BenchSchema schema) throws SQLException {
        String secret = ApiKeys.newSecret();
        try (Connection c = schema.dataSource().getConnection()) {
            ApiKeyStore.insert(c, new ApiKeyRecord(ApiKeys.newId(), "bench", KEY_ROLE, List.of("*"), List.of(),
                null, null, null), ApiKeys.hash(secret));
        }
        return secret;
    }

    /** Bytes on disk of the whole database, which counts TimescaleDB's chunks too (they live in another schema). */
    private static long databaseSize(BenchSchema schema) {
        return schema.count("SELECT pg_database_size(current_database())");
    }

    /** Bytes on disk per table of the schema (with indexes and TOAST), largest first. */
    private static Map<String, Long> sizes(BenchSchema schema) throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        try (Connection c = schema.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT c.relname, pg_total_relation_size(c.oid) "
                 + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                 + "WHERE n.nspname = ? AND c.relkind IN ('r', 'p', 'm') ORDER BY 2 DESC, 1")) {
            ps.setString(1, schema.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return out;
    }
}
