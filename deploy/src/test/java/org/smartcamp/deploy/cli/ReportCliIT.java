package org.smartcamp.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartcamp.deploy.testsupport.Launcher;
import org.smartcamp.ingest.testsupport.TestDatabase;

/** {@code smartcamp report}: the monthly report of a registered camp as PDF and XLSX; bad options refused. */
class ReportCliIT {
    private static TestDatabase db;
    private static Map<String, String> env;

    @BeforeAll
    static void registerTheExampleCamps() throws Exception {
        db = TestDatabase.create("report");
        env = Launcher.databaseEnv(db);
        assertThat(Launcher.run(env, "migrate").exit()).isZero();
        assertThat(Launcher.run(env, "inventory", "config/inventory.example.yaml").exit()).isZero();
    }

    @AfterAll
    static void dropSchema() {
        db.close();
    }

    @Test
    void writesThePdfInFrenchAndTheXlsx() throws Exception {
        String camp = db.queryString("SELECT camp_id FROM assets WHERE kind = 'fuel_tank' ORDER BY camp_id, id "
            + "LIMIT 1");
        String tank = db.queryString("SELECT id FROM assets WHERE camp_id = '" + camp + "' AND kind = 'fuel_tank' "
            + "ORDER BY id LIMIT 1");
        // A theft with the figures the detector writes: the French report explains it in French.
        db.execute("INSERT INTO analytics_events (camp_id, asset_id, kind, starts_at, ends_at, quantity, unit, "
            + "evidence, detected_at) VALUES ('" + camp + "', '" + tank + "', 'theft', '2026-11-10 02:00+00', "
            + "'2026-11-10 02:10+00', 120, 'L', '{\"windowStart\": \"2026-11-10T01:00:00Z\", \"windowEnd\": "
            + "\"2026-11-10T03:00:00Z\", \"metric\": \"fuel.volume\", \"readings\": [], \"figures\": "
            + "{\"litres\": 1200, \"level_before_l\": 9400, \"level_after_l\": 8200, \"expected_outflow_l\": 0, "
            + "\"threshold_l\": 60}, \"explanation\": \"1200 L went missing\"}', now())");
        Path dir = Files.createTempDirectory("report-cli");
        Path pdf = dir.resolve("r.pdf");
        Launcher.Run run = Launcher.run(env, "report", "--camp", camp, "--month", "2026-11", "--format", "pdf",
            "--lang", "fr", "--out", pdf.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("report written: " + pdf);
        try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(pdf))) {
            assertThat(new PDFTextStripper().getText(doc)).contains("novembre 2026").contains("Rapprochement");
            assertThat(new PDFTextStripper().getText(doc).replaceAll("\\s+", " ").replace('\u00a0', ' '))
                .contains("1 200 L ont disparu entre 02:00 et 02:10 UTC").doesNotContain("went missing");
        }
        Path xlsx = dir.resolve("r.xlsx");
        Launcher.Run x = Launcher.run(env, "report", "--camp", camp, "--month", "2026-11", "--format", "xlsx",
            "--out", xlsx.toString());
        assertThat(x.exit()).as(x.err()).isZero();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(xlsx)))) {
            assertThat(wb.getSheet("reconciliation")).isNotNull();
            assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).contains("November 2026");
        }
    }

    @Test
    void refusesAnUnknownCampMonthFormatOrLanguageNamingTheOption() throws Exception {
        Launcher.Run camp = Launcher.run(env, "report", "--camp", "nowhere", "--month", "2026-11");
        assertThat(camp.exit()).isNotZero();
        assertThat(camp.err()).contains("nowhere");
        assertThat(Launcher.run(env, "report", "--camp", "x", "--month", "2026-13").err()).contains("--month");
        assertThat(Launcher.run(env, "report", "--camp", "x", "--month", "2026-11", "--format", "doc").err())
            .contains("--format");
        assertThat(Launcher.run(env, "report", "--camp", "x", "--month", "2026-11", "--lang", "de").err())
            .contains("--lang");
    }
}
