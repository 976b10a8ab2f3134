package org.smartcamp.deploy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartcamp.deploy.testsupport.Launcher;
import org.smartcamp.ingest.testsupport.TestDatabase;

/**
 * The API part of {@code smartcamp bench}, small (one camp, 30 days, a few seconds per level), through the launcher
 * on the packaged jar against the real database: it seeds, serves, drives every route and writes its figures with
 * the machine and the command; every request answered 200, and its schema is gone afterwards.
 */
class ApiBenchIT {
    private static final List<String> ROUTES = List.of("figures/daily", "figures/current", "camps/{id}/fuel",
        "camps/{id}/power", "events", "readings 1d", "assets/{id}/readings raw", "data-quality");
    private static TestDatabase db;

    @BeforeAll
    static void createSchema() {
        db = TestDatabase.create("apibench");
    }

    @AfterAll
    static void dropSchema() {
        db.close();
    }

    @Test
    void theApiPartDrivesEveryRouteAndWritesItsFiguresWithTheMachineAndTheCommand() throws Exception {
        Path out = Files.createTempFile("benchmarks", ".md");
        long schemasBefore = benchSchemas();

        Launcher.Run run = Launcher.run(env(), "bench", "--parts", "api", "--api-camps", "2", "--api-days", "30",
            "--api-raw-days", "2", "--api-raw-interval", "300", "--api-clients", "2,4", "--api-seconds", "3",
            "--api-warmup-seconds", "1", "--api-pool-size", "4", "--out", out.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        String report = Files.readString(out);
        assertThat(report).contains("# Benchmarks", "Machine: ", " cores", " RAM; JDK ", "PostgreSQL ", "engine ",
            "Command: `smartcamp bench --parts api --api-camps 2 --api-days 30", "--api-clients 2,4",
            "**2 concurrent clients**", "**4 concurrent clients**", "2 camps in 1 mission(s)",
            "**Target** \"analytics routes p95 at most 50 ms over a year of data\"", "(over 30 days of data here");
        assertThat(report).doesNotContain("NaN").doesNotContain("--readings").doesNotContain("## Ingest");
        assertThat(report).contains(ApiBench.CACHE_OFF + ";", ApiBench.UNCONDITIONAL + ";",
            ApiBench.CONDITIONAL + ";");
        assertThat(report).containsPattern("conditional clients \\(If-None-Match\\); [1-9][0-9,]* answers 304")
            .containsPattern("[0-9]+ MB after a collection");
        for (String level : List.of("**2 concurrent clients**", "**4 concurrent clients**")) {
            String table = report.substring(report.indexOf(level));
            for (String route : ROUTES) {
                assertRowAnsweredOnly200(table, "| " + route + " |");
            }
            assertRowAnsweredOnly200(table, "| **all routes** |");
        }
        assertThat(benchSchemas()).isEqualTo(schemasBefore);
    }

    @Test
    void badApiOptionsAndUnknownPartsStopTheBenchBeforeAnythingRuns() throws Exception {
        long schemasBefore = benchSchemas();

        Launcher.Run tooLong = Launcher.run(env(), "bench", "--parts", "ingest,api", "--api-days", "500");
        Launcher.Run noClients = Launcher.run(env(), "bench", "--parts", "api", "--api-clients", "0");
        Launcher.Run unknown = Launcher.run(env(), "bench", "--parts", "api,ui");

        assertThat(tooLong.exit()).isEqualTo(2);
        assertThat(tooLong.err()).contains("days (at most 400)", "days 500").doesNotContain("bench: ");
        assertThat(noClients.exit()).isEqualTo(2);
        assertThat(noClients.err()).contains("clients [0]");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown part(s) [ui]");
        assertThat(benchSchemas()).isEqualTo(schemasBefore);
    }

    /** The route's first row from here on: some requests, none answered with anything but 200. */
    private static void assertRowAnsweredOnly200(String table, String start) {
        String row = table.lines().filter(l -> l.startsWith(start)).findFirst().orElseThrow(
            () -> new AssertionError("no row " + start + " in\n" + table));
        String[] cells = row.split("\\|");
        assertThat(Long.parseLong(cells[2].trim().replace(",", ""))).as(row).isPositive();
        assertThat(cells[9].trim()).as(row).isEqualTo("0");
        assertThat(cells[10].trim()).as(row).matches("(met, [0-9.]+ ms under|missed by [0-9.]+ ms)");
    }

    private static long benchSchemas() {
        return db.queryLong("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'bench\\_api\\_%'");
    }

    private static Map<String, String> env() {
        return Launcher.databaseEnv(db);
    }
}
