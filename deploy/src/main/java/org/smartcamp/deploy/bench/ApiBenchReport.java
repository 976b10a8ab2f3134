package org.smartcamp.deploy.bench;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The API part's figures and its markdown section: the data it ran over, then per concurrency level a table of
 * latency percentiles and throughput per route and overall, each p95 against the target.
 *
 * @param options        what was seeded and driven
 * @param counts         rows written
 * @param sizes          bytes on disk per table of the part's schema
 * @param databaseGrowth bytes the whole database grew by while seeding (this counts TimescaleDB's chunks, which
 *                       live in another schema)
 * @param engine         the engine and its version, as the schema migration found them
 * @param routes         each route of the mix and what it asks
 * @param levels         one per concurrency level, in order
 */
public record ApiBenchReport(ApiBenchOptions options, YearOfData.Counts counts, Map<String, Long> sizes,
                             long databaseGrowth, String engine, Map<String, String> routes,
                             List<ApiLoad.Level> levels) {
    static final double TARGET_P95_MS = 50;
    static final double TARGET_RPS_32 = 600;

    public ApiBenchReport {
        sizes = Map.copyOf(sizes);
        routes = Collections.unmodifiableMap(new LinkedHashMap<>(routes));
        levels = List.copyOf(levels);
    }

    /** Whether every route's p95 and the overall p95 met the target at every level. */
    public boolean targetMet() {
        return levels.stream().allMatch(l -> l.all().p95() <= TARGET_P95_MS
            && l.routes().stream().allMatch(r -> r.p95() <= TARGET_P95_MS));
    }

    /** The section: data, method, one table per level, and the verdict against the target. */
    public String markdown() {
        StringBuilder sb = new StringBuilder("## API latency and throughput on the analytics routes\n\n");
        sb.append(data()).append("\n\n").append(method()).append("\n\n");
        for (ApiLoad.Level level : levels) {
            sb.append(table(level)).append('\n');
        }
        sb.append(verdict()).append('\n');
        return sb.toString();
    }

    private String data() {
        YearOfData.Counts c = counts;
        long tables = sizes.values().stream().mapToLong(Long::longValue).sum();
        return String.format(Locale.ROOT, "**Data** (seeded in %.1f s, %s): %d camps in %d mission(s), %d assets "
                + "(generators, fuel tanks, PV, batteries, vehicles, water tanks of the bundled scenarios), "
                + "%,d series; %d days of hourly rollups (%,d rows) and daily rollups (%,d rows), daily "
                + "analytics figures per asset and camp (%,d rows), current figures (%,d rows), detected events "
                + "with evidence (%,d rows), and raw readings for the last %d days every %d s (%,d rows; a year "
                + "of raw readings for every series would take far longer to seed than the bench should run, and "
                + "the routes over a year read the rollups and figures, not raw readings). Size on disk with "
                + "indexes: %s in the bench's tables (%s); the database grew by %s while seeding.",
            c.took().toMillis() / 1000.0, engine, c.camps(), c.missions(), c.assets(), c.series(),
            options.days(), c.hourly(), c.daily(), c.figuresDaily(), c.figuresCurrent(), c.events(), options.rawDays(),
            options.rawInterval(), c.raw(), mb(tables), tables(),
            mb(databaseGrowth));
    }

    private String tables() {
        StringBuilder sb = new StringBuilder();
        sizes.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(6)
            .forEach(e -> sb.append(sb.length() == 0 ? "" : ", ").append(e.getKey()).append(' ')
                .append(mb(e.getValue())));
        return sb.toString();
    }

    private String method() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "**Method**: the API (`ApiService`) runs in "
                + "the bench's process on a free port with %d database connections, an API key of role `%s` for every "
                + "mission, the audit log on and the rate limit lifted. Clients are `java.net.http.HttpClient` "
                + "(HTTP/1.1, keep-alive) in the same process, each in a closed loop taking the routes below in turn "
                + "with a random camp each time; every latency is kept and percentiles are nearest-rank. Each level "
                + "runs %d s after a %d s warm-up. Every request must answer 200, or the bench fails. Routes:\n",
            options.poolSize(), ApiBench.KEY_ROLE, options.duration().toSeconds(), options.warmup().toSeconds()));
        routes.forEach((name, what) -> sb.append("\n- **").append(name).append("**: ")
            .append(what));
        return sb.toString();
    }

    private static String table(ApiLoad.Level level) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "**%s** (%.0f s%s):\n\n",
            clients(level.clients()), level.elapsed().toMillis() / 1000.0, level.mode().isEmpty() ? ""
                : String.format(Locale.ROOT, ", %s; %,d answers 304; heap of the bench's process (API and clients) "
                + "at most %d MB in use, %d MB after a collection", level.mode(), level.notModified(),
                level.heapPeak() >> 20, level.heapAfterGc() >> 20)));
        sb.append("| route | requests | requests/s | p50 | p95 | p99 | max | mean answer | non-200 | p95 <= 50 ms |\n")
            .append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (ApiLoad.RouteResult r : level.routes()) {
            row(sb, level, r, r.name());
        }
        row(sb, level, level.all(), "**all routes**");
        return sb.toString();
    }

    private static void row(StringBuilder sb, ApiLoad.Level level, ApiLoad.RouteResult r, String name) {
        sb.append(String.format(Locale.ROOT, "| %s | %,d | %,.1f | %s | %s | %s | %s | %s | %d | %s |\n", name,
            r.requests(), level.requestsPerSecond(r), ms(r.p50()), ms(r.p95()), ms(r.p99()), ms(r.max()),
            kb(r.meanBytes()), r.failures(), margin(r.p95())));
    }

    /** Issue 19's targets per mode: p95 at 8 clients at most 50 ms, at least 600 requests/s at 32 clients. */
    private String loadTargets() {
        StringBuilder sb = new StringBuilder();
        levels.stream().map(ApiLoad.Level::mode).distinct().forEach(mode -> {
            sb.append("- ").append(mode.isEmpty() ? "all" : mode).append(':');
            levels.stream().filter(l -> l.mode().equals(mode)).forEach(l -> {
                if (l.clients() == 8) {
                    sb.append(String.format(Locale.ROOT, " p95 with 8 clients %s (target <= 50 ms: %s);",
                        ms(l.all().p95()), margin(l.all().p95())));
                }
                if (l.clients() == 32) {
                    double rps = l.requestsPerSecond(l.all());
                    sb.append(String.format(Locale.ROOT, " %,.0f requests/s with 32 clients (target >= 600: %s); "
                        + "heap after collections at most %d MB, %d MB in use at most (target <= 256 MB; API and "
                        + "clients together);", rps, rps >= TARGET_RPS_32 ? "met" : "missed", l.heapAfterGc() >> 20,
                        l.heapPeak() >> 20));
                }
            });
            sb.append('\n');
        });
        return sb.toString();
    }

    private String verdict() {
        StringBuilder sb = new StringBuilder("**Targets of issue 19**:\n\n").append(loadTargets())
            .append("\n**Target** \"analytics routes p95 at most 50 ms over a year of data\": ");
        sb.append(targetMet() ? "met" : "not met").append(options.days() < 365 ? String.format(Locale.ROOT,
            " (over %d days of data here, not a year)", options.days()) : "").append(". ");
        for (ApiLoad.Level level : levels) {
            ApiLoad.RouteResult worst = level.routes().stream()
                .max(Comparator.comparingDouble(ApiLoad.RouteResult::p95)).orElseThrow();
            sb.append(String.format(Locale.ROOT, "With %s: overall p95 %s (%s), %,.0f requests/s; slowest "
                    + "route %s with p95 %s (%s). ", clients(level.clients()), ms(level.all().p95()),
                margin(level.all().p95()), level.requestsPerSecond(level.all()), worst.name(), ms(worst.p95()),
                margin(worst.p95())));
        }
        return sb.toString().trim();
    }

    private static String clients(int n) {
        return n + (n == 1 ? " client" : " concurrent clients");
    }

    /** "met, 12.3 ms under" or "missed by 4.0 ms". */
    static String margin(double p95) {
        double d = TARGET_P95_MS - p95;
        return d >= 0 ? String.format(Locale.ROOT, "met, %.1f ms under", d)
            : String.format(Locale.ROOT, "missed by %.1f ms", -d);
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, "%.1f ms", millis);
    }

    private static String kb(double bytes) {
        return String.format(Locale.ROOT, "%.1f kB", bytes / 1024);
    }

    private static String mb(double bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024 * 1024));
    }
}
