package org.smartcamp.api.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartcamp.api.testsupport.ApiTestServer;
import org.smartcamp.api.testsupport.Http;
import org.smartcamp.api.testsupport.ReportCheck;

/**
 * The monthly camp report against the JSON routes for the same month (the API test fixture's March 2026 of camp
 * juba1, with a month of generator and tank figures added): every figure, event, stock reading and forecast the
 * routes serve is in the PDF's text (extracted with PDFBox) and the XLSX's cells (read back with POI), in English
 * and French, and the reconciliation equals the sum an auditor makes from the JSON.
 */
class ReportRoutesIT {
    private static final String MONTH = "from=2026-03-01&to=2026-04-01";
    private static ApiTestServer server;
    private static Http http;
    private static String[] key;

    @BeforeAll
    static void start() {
        server = ApiTestServer.start("api_report");
        http = server.http();
        key = new String[] {"X-API-Key", server.apiKey("logistics", List.of("unmiss"), List.of())};
        server.sql("UPDATE assets SET supply_tank_id = 'juba1-tank-1' WHERE camp_id = 'juba1' AND id = 'juba1-gen-1'");
        server.sql("""
            INSERT INTO analytics_daily VALUES
            ('asset', 'juba1-gen-1', '2026-03-01', 'fuel_consumed_l', 1234.5, 'L', 1.0, '2026-03-02 01:00+00', 'juba1'),
            ('asset', 'juba1-gen-1', '2026-03-02', 'fuel_consumed_l', 51.25, 'L', 0.5, '2026-03-03 01:00+00', 'juba1'),
            ('asset', 'juba1-gen-1', '2026-03-01', 'fuel_expected_l', 1240, 'L', 1.0, '2026-03-02 01:00+00', 'juba1'),
            ('asset', 'juba1-gen-1', '2026-03-01', 'energy_kwh', 4321.5, 'kWh', 0.9, '2026-03-02 01:00+00', 'juba1'),
            ('asset', 'juba1-gen-1', '2026-03-01', 'target_band_h', 15, 'h', 1.0, '2026-03-02 01:00+00', 'juba1'),
            ('asset', 'juba1-gen-1', '2026-03-01', 'wet_stacking_h', 5, 'h', 1.0, '2026-03-02 01:00+00', 'juba1'),
            ('asset', 'juba1-tank-1', '2026-03-01', 'loss_l', 0, 'L', 1.0, '2026-03-02 01:00+00', 'juba1'),
            ('asset', 'juba1-tank-1', '2026-03-02', 'loss_l', 120, 'L', 1.0, '2026-03-03 01:00+00', 'juba1'),
            ('asset', 'juba1-tank-1', '2026-03-02', 'refuel_l', 0, 'L', 1.0, '2026-03-03 01:00+00', 'juba1'),
            ('camp', 'juba1', '2026-03-01', 'co2_kg', 322.94, 'kg', 0.98, '2026-03-02 01:00+00', 'juba1'),
            ('camp', 'juba1', '2026-03-01', 'renewable_fraction', 0.125, '1', 0.9, '2026-03-02 01:00+00', 'juba1')
            """);
        // The tank's daily accounts: a detected leak took 30 L on March 2 and 5 L on March 3.
        server.sql("""
            INSERT INTO analytics_daily (subject_kind, subject_id, day, figure, value, unit, coverage, computed_at,
                camp_id, detail) VALUES
            ('asset', 'juba1-tank-1', '2026-03-02', 'fuel_residual_l', 0, 'L', 1.0, '2026-03-03 01:00+00', 'juba1',
             '{"leak_l": 30, "thefts_l": 120}'),
            ('asset', 'juba1-tank-1', '2026-03-03', 'fuel_residual_l', 0, 'L', 1.0, '2026-03-04 01:00+00', 'juba1',
             '{"leak_l": 5, "thefts_l": 0}')
            """);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ReportCheck check() {
        return new ReportCheck(http, key, "juba1", YearMonth.of(2026, 3));
    }

    @Test
    void thePdfHoldsEveryNumberTheJsonRoutesServeForTheMonthInEnglishAndFrench() {
        ReportCheck.Api api = check().api();
        assertThat(api.stock()).hasSize(2);
        assertThat(api.events()).extracting(e -> e.getString("kind")).containsExactlyInAnyOrder("refuel", "theft");
        check().pdfHolds(api);
        assertThat(api.leak("juba1-tank-1")).isEqualTo(35.0);
        assertThat(api.campBalance(YearMonth.of(2026, 3))[5]).as("9000 + 500 - 1285.75 - (120 + 35) - 8953")
            .isCloseTo(-893.75, within(1e-9));
        HttpResponse<byte[]> byHeader = http.bytes("/api/v1/camps/juba1/reports/2026-03",
            ReportCheck.with(key, "Accept-Language", "de-DE,fr;q=0.9,en;q=0.5"));
        assertThat(byHeader.headers().firstValue("Content-Language")).hasValue("fr");
        assertThat(check().pdfText("fr")).contains("Rapprochement").contains("1 285,750").contains("9 000,0 L")
            .contains("-893,8 L").contains("mars 2026").contains("Groupe électrogène").contains("35,0 L")
            .contains("155,0 L")
            .contains("En heure du camp (Africa/Juba, UTC+02:00 au début du mois), la période va du "
                + "1 mars 2026 02:00 au 1 avr. 2026 02:00");
        assertThat(check().pdfText("fr").replaceAll("\\s+", " ")).as("the theft's evidence, written in French")
            .contains("120 L ont disparu entre 02:00 et 02:10 UTC").contains("de 9 400 L à 9 280 L")
            .doesNotContain("Loss of 120 L");
        assertThat(check().pdfText("en")).contains("Reconciliation").contains("1,285.750").contains("9,000.0 L")
            .contains("-893.8 L").contains("Leaks (detected)");
        assertThat(check().pdfText("en").replaceAll("\\s+", " ")).contains("120 L went missing between 02:00");
    }

    @Test
    void theXlsxCellsEqualTheJsonRoutesNumbers() {
        check().xlsxHolds(check().api());
    }

    @Test
    void libreOfficeOpensTheXlsx(@TempDir Path dir) throws Exception {
        boolean present = Stream.of("/usr/bin/libreoffice", "/usr/bin/soffice").anyMatch(p -> Files.isExecutable(
            Path.of(p)));
        boolean required = System.getenv("SMARTCAMP_TEST_REQUIRE_LIBREOFFICE") != null;
        if (!present && !required) {
            org.slf4j.LoggerFactory.getLogger(ReportRoutesIT.class).warn("SKIPPED libreOfficeOpensTheXlsx: "
                + "libreoffice is not installed (apt-get install libreoffice-calc-nogui; .ci/run installs it and sets "
                + "SMARTCAMP_TEST_REQUIRE_LIBREOFFICE=1, which makes its absence a failure)");
        }
        assumeTrue(present || required, "libreoffice is not installed (libreoffice-calc-nogui)");
        ReportCheck.Api api = check().api();
        HttpResponse<byte[]> r = http.bytes("/api/v1/camps/juba1/reports/2026-03?format=xlsx&lang=en", key);
        Path xlsx = dir.resolve("report.xlsx");
        Files.write(xlsx, r.body());
        Process p = new ProcessBuilder("libreoffice", "-env:UserInstallation=file://" + dir.resolve("profile"),
            "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,"
            + "false,-1", "--outdir", dir.toString(), xlsx.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(log).isTrue();
        assertThat(p.exitValue()).as(log).isZero();
        Path rec = dir.resolve("report-reconciliation.csv");
        assertThat(rec).as(log + " " + List.of(dir.toFile().list())).exists();
        String csv = Files.readString(rec);
        assertThat(csv).contains("juba1-tank-1," + plain(api.stock().get(0).getDouble("first")) + ","
            + plain(api.monthly("juba1-tank-1", "refuel_l")) + ","
            + plain(api.monthly("juba1-gen-1", "fuel_consumed_l")) + ","
            + plain(api.monthly("juba1-tank-1", "loss_l") + api.leak("juba1-tank-1"))
            + "," + plain(api.stock().get(1).getDouble("last")) + ","
            + plain(api.campBalance(YearMonth.of(2026, 3))[5]) + ",");
        String figures = Files.readString(dir.resolve("report-figures.csv"));
        for (JsonObject m : api.monthly()) {
            assertThat(figures).contains(m.getString("subjectId") + "," + m.getString("figure") + ","
                + plain(m.getDouble("value")) + "," + m.getString("unit") + ",");
        }
    }

    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    @Test
    void aReportNeedsTheExportRoleTheCampInScopeAMonthAndAKnownLanguage() {
        String viewer = server.apiKey("viewer", List.of("unmiss"), List.of());
        assertThat(http.get("/api/v1/camps/juba1/reports/2026-03", "X-API-Key", viewer).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/camps/gao/reports/2026-03", key).status()).isEqualTo(403);
        Http.Answer month = http.get("/api/v1/camps/juba1/reports/2026-13", key);
        assertThat(month.status()).isEqualTo(400);
        assertThat(month.body()).contains("month");
        assertThat(http.get("/api/v1/camps/juba1/reports/2026-03?lang=de", key).body()).contains("lang");
        assertThat(http.get("/api/v1/camps/juba1/reports/2026-03?format=docx", key).body()).contains("format");
        assertThat(http.get("/api/v1/camps/juba1/reports/2026-03?sep=%3B", key).body()).contains("'sep'");
        HttpResponse<byte[]> xlsx = http.bytes("/api/v1/camps/juba1/reports/2026-03", ReportCheck.with(key, "Accept",
            ReportFormat.XLSX.mediaType()));
        assertThat(xlsx.headers().firstValue("Content-Type")).hasValue(ReportFormat.XLSX.mediaType());
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElseThrow())
            .contains("smartcamp-juba1-2026-03-en.xlsx");
    }
}
