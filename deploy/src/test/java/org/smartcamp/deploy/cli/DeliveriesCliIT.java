package org.smartcamp.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartcamp.deploy.testsupport.Launcher;
import org.smartcamp.deploy.testsupport.ProjectFiles;
import org.smartcamp.ingest.testsupport.TestDatabase;

/** {@code smartcamp deliveries}: delivery notes recorded for the reconciliation, a bad file refused whole. */
class DeliveriesCliIT {
    private static TestDatabase db;
    private static Map<String, String> env;

    @BeforeAll
    static void registerTheExampleCamps() throws Exception {
        db = TestDatabase.create("deliveries");
        env = Launcher.databaseEnv(db);
        assertThat(Launcher.run(env, "migrate").exit()).isZero();
        assertThat(Launcher.run(env, "inventory", "config/inventory.example.yaml").exit()).isZero();
    }

    @AfterAll
    static void dropSchema() {
        db.close();
    }

    @Test
    void theExampleFileTheReadmeNamesIsRecorded() throws Exception {
        String readme = Files.readString(ProjectFiles.root().resolve("README.md"));
        assertThat(readme).contains("deploy/bin/smartcamp deliveries deploy/config/deliveries.example.csv");

        Launcher.Run run = Launcher.run(env, "deliveries", "config/deliveries.example.csv");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("deliveries recorded: 2");
    }

    @Test
    void recordsTheNotesAndACorrectedNoteReplacesTheFirst() throws Exception {
        Path file = csv("tank_id,delivered_at,litres,reference\n"
            + "juba1-tank-bulk,2026-11-20T09:30:00Z,12000,DN-4711\n"
            + "juba1-tank-bulk,2026-11-21T08:00:00Z,8000,\n");
        Path corrected = csv("tank_id,delivered_at,litres,reference\n"
            + "juba1-tank-bulk,2026-11-20T09:30:00Z,11800,\"DN-4711, corrected\"\n");

        Launcher.Run run = Launcher.run(env, "deliveries", file.toString());
        Launcher.Run again = Launcher.run(env, "deliveries", corrected.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("deliveries recorded: 2");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(db.queryLong("SELECT count(*) FROM fuel_deliveries")).isEqualTo(2);
        assertThat(db.queryLong("SELECT litres::bigint FROM fuel_deliveries WHERE reference = 'DN-4711, corrected'"))
            .isEqualTo(11_800);
        assertThat(db.queryLong("SELECT count(*) FROM fuel_deliveries WHERE reference IS NULL")).isEqualTo(1);
    }

    @Test
    void aFileWithBadLinesOrUnknownTanksIsRefusedWholeNamingEveryProblem() throws Exception {
        long before = db.queryLong("SELECT count(*) FROM fuel_deliveries");
        Path bad = csv("tank_id,delivered_at,litres,reference\n"
            + "juba1-tank-day-1,2026-11-22T07:00:00Z,500,ok\n"
            + "juba1-tank-day-1,yesterday,500,x\n"
            + "juba1-tank-day-1,2026-11-22T08:00:00Z,-5,x\n"
            + "juba1-tank-day-1,2026-11-22T09:00:00Z,lots,x\n");
        Path unknown = csv("tank_id,delivered_at,litres\nno-such-tank,2026-11-22T07:00:00Z,500\n"
            + "juba1-gen-1,2026-11-22T07:00:00Z,500\n");
        Path noHeader = csv("juba1-tank-day-1,2026-11-22T07:00:00Z,500\n");

        Launcher.Run badRun = Launcher.run(env, "deliveries", bad.toString());
        Launcher.Run unknownRun = Launcher.run(env, "deliveries", unknown.toString());
        Launcher.Run noHeaderRun = Launcher.run(env, "deliveries", noHeader.toString());

        assertThat(badRun.exit()).isEqualTo(1);
        assertThat(badRun.err()).contains("3 bad line(s), nothing recorded").contains("line 2: delivered_at")
            .contains("line 3: delivery litres must be positive").contains("line 4: litres is not a number");
        assertThat(unknownRun.exit()).isEqualTo(1);
        assertThat(unknownRun.err()).contains("not registered fuel tanks: no-such-tank, juba1-gen-1");
        assertThat(noHeaderRun.exit()).isEqualTo(1);
        assertThat(noHeaderRun.err()).contains("the header must name tank_id,delivered_at,litres,reference");
        assertThat(db.queryLong("SELECT count(*) FROM fuel_deliveries")).isEqualTo(before);
    }

    private static Path csv(String text) throws Exception {
        Path f = Files.createTempFile("deliveries", ".csv");
        Files.writeString(f, text);
        return f;
    }
}
