package org.smartcamp.api.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartcamp.api.testsupport.ApiTestServer;
import org.smartcamp.api.testsupport.Http;

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
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonArray items(String path) {
        JsonObject page = http.get(path, key).json();
        assertThat(page.getString("next")).as(path).isNull();
        return page.getJsonArray("items");
    }

    private static List<JsonObject> objects(JsonArray a) {
        return a.stream().map(o -> (JsonObject) o).toList();
    }

    /** What the JSON routes serve for the month, as the report's sources. */
    private record Api(List<JsonObject> monthly, List<JsonObject> daily, List<JsonObject> events,
                       List<JsonObject> stock, List<JsonObject> current) {
        static Api read() {
            return new Api(objects(items("/api/v1/figures/monthly?camp=juba1&limit=10000&" + MONTH)),
                objects(items("/api/v1/figures/daily?camp=juba1&subject=camp&figure=fuel_consumed_l&" + MONTH)),
                objects(items("/api/v1/events?camp=juba1&kind=refuel,short_fill,theft,leak&" + MONTH)),
                objects(items("/api/v1/readings?camp=juba1&metric=fuel.volume&bucket=1d&" + MONTH)),
                objects(items("/api/v1/figures/current?camp=juba1&figure=days_of_supply")));
        }

        double monthly(String subject, String figure) {
            return monthly.stream().filter(r -> subject.equals(r.getString("subjectId"))
                && figure.equals(r.getString("figure"))).findFirst().orElseThrow().getDouble("value");
        }

        /** opening + received - consumed - losses - closing of juba1-tank-1, from the JSON alone. */
        double residual() {
            double opening = stock.get(0).getDouble("first");
            double closing = stock.get(stock.size() - 1).getDouble("last");
            return opening + monthly("juba1-tank-1", "refuel_l") - monthly("juba1-gen-1", "fuel_consumed_l")
                - monthly("juba1-tank-1", "loss_l") - closing;
        }
    }

    private static String pdfText(String query, String... headers) throws IOException {
        HttpResponse<byte[]> r = http.bytes("/api/v1/camps/juba1/reports/2026-03" + query, with(headers));
        assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (PDDocument doc = Loader.loadPDF(r.body())) {
            return normal(new PDFTextStripper().getText(doc));
        }
    }

    private static String normal(String s) {
        return s.replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    private static String[] with(String... more) {
        return Stream.concat(Stream.of(key), Stream.of(more)).toArray(String[]::new);
    }

    @Test
    void thePdfHoldsEveryNumberTheJsonRoutesServeForTheMonthInEnglishAndFrench() throws IOException {
        Api api = Api.read();
        assertThat(api.stock()).hasSize(2);
        assertThat(api.events()).extracting(e -> e.getString("kind")).containsExactlyInAnyOrder("refuel", "theft");
        for (Locale locale : ReportText.LANGUAGES) {
            ReportText t = ReportText.of(locale);
            String text = pdfText("?lang=" + locale.getLanguage());
            assertThat(text).contains(normal(t.month(java.time.YearMonth.of(2026, 3))));
            for (JsonObject r : api.monthly()) {
                assertThat(text).as(r.encode()).contains(normal(t.number(r.getDouble("value"), 3)))
                    .contains(normal(t.percent(r.getDouble("coverage"))));
            }
            for (JsonObject r : api.daily()) {
                assertThat(text).contains(normal(t.date(LocalDate.parse(r.getString("day")))))
                    .contains(normal(t.quantity(r.getDouble("value"), 1, "L")));
            }
            for (JsonObject e : api.events()) {
                assertThat(text).contains(String.valueOf(e.getLong("id")))
                    .contains(normal(t.time(Instant.parse(e.getString("start")))))
                    .contains(normal(t.number(e.getDouble("quantity"), 1)));
            }
            assertThat(text).contains(normal(t.quantity(api.stock().get(0).getDouble("first"), 1, "L")))
                .contains(normal(t.quantity(api.stock().get(1).getDouble("last"), 1, "L")))
                .contains(normal(t.quantity(api.current().get(0).getDouble("value"), 1, "d")))
                .contains(normal(t.quantity(api.residual(), 1, "L")));
        }
        String fr = pdfText("", "Accept-Language", "fr-FR,fr;q=0.9,en;q=0.5");
        assertThat(fr).contains("Rapprochement").contains("1 285,750").contains("9 000,0 L").contains("mars 2026")
            .contains("Groupe électrogène");
        assertThat(pdfText("")).contains("Reconciliation").contains("1,285.750").contains("9,000.0 L");
    }

    @Test
    void theXlsxCellsEqualTheJsonRoutesNumbers() throws IOException {
        Api api = Api.read();
        HttpResponse<byte[]> r = http.bytes("/api/v1/camps/juba1/reports/2026-03?format=xlsx&lang=fr", key);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Language")).hasValue("fr");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
            Sheet figures = wb.getSheet("figures");
            assertThat(figures.getRow(api.monthly().size() + 1)).as("the row after the last figure").isNull();
            for (int i = 0; i < api.monthly().size(); i++) {
                JsonObject m = api.monthly().get(i);
                Row row = figures.getRow(i + 1);
                assertThat(row.getCell(1).getStringCellValue()).isEqualTo(m.getString("subjectId"));
                assertThat(row.getCell(2).getStringCellValue()).isEqualTo(m.getString("figure"));
                assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(m.getDouble("value"));
                assertThat(row.getCell(5).getNumericCellValue()).isEqualTo(m.getDouble("coverage"));
            }
            Sheet stock = wb.getSheet("stock");
            assertThat(stock.getRow(1).getCell(1).getNumericCellValue())
                .isEqualTo(api.stock().get(0).getDouble("first"));
            assertThat(stock.getRow(1).getCell(3).getNumericCellValue())
                .isEqualTo(api.stock().get(1).getDouble("last"));
            Sheet rec = wb.getSheet("reconciliation");
            assertThat(rec.getRow(1).getCell(6).getNumericCellValue()).isCloseTo(api.residual(), within(1e-9));
            assertThat(rec.getRow(1).getCell(3).getNumericCellValue())
                .isEqualTo(api.monthly("juba1-gen-1", "fuel_consumed_l"));
            Sheet daily = wb.getSheet("dailyFuel");
            assertThat(daily.getRow(31)).isNotNull();
            assertThat(daily.getRow(32)).as("31 days").isNull();
            for (JsonObject d : api.daily()) {
                int day = LocalDate.parse(d.getString("day")).getDayOfMonth();
                assertThat(daily.getRow(day).getCell(1).getNumericCellValue()).isEqualTo(d.getDouble("value"));
            }
            List<Long> ids = new ArrayList<>();
            for (String sheet : List.of("deliveryEvents", "lossEvents")) {
                Sheet s = wb.getSheet(sheet);
                for (int i = 1; i <= s.getLastRowNum(); i++) {
                    if (s.getRow(i) != null && s.getRow(i).getCell(0) != null
                        && s.getRow(i).getCell(0).getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                        ids.add((long) s.getRow(i).getCell(0).getNumericCellValue());
                    }
                }
            }
            assertThat(ids).containsExactlyInAnyOrderElementsOf(api.events().stream().map(e -> e.getLong("id"))
                .toList());
            assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).contains("mars 2026");
        }
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
        Api api = Api.read();
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
            + plain(api.monthly("juba1-gen-1", "fuel_consumed_l")) + "," + plain(api.monthly("juba1-tank-1", "loss_l"))
            + "," + plain(api.stock().get(1).getDouble("last")) + "," + plain(api.residual()) + ",");
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
        HttpResponse<byte[]> xlsx = http.bytes("/api/v1/camps/juba1/reports/2026-03", with("Accept",
            ReportFormat.XLSX.mediaType()));
        assertThat(xlsx.headers().firstValue("Content-Type")).hasValue(ReportFormat.XLSX.mediaType());
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElseThrow())
            .contains("smartcamp-juba1-2026-03-en.xlsx");
    }
}
