package org.smartcamp.api.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.smartcamp.api.report.ReportText;

/**
 * Checks a camp's monthly report against the JSON routes for the same month: every monthly figure, the camp's
 * daily fuel, every fuel event, each tank's opening and closing reading, the days of supply and the camp's
 * reconciliation (summed here from the JSON alone) are in the PDF's text (PDFBox) in English and French and in the
 * XLSX's cells (POI). Assumes every generator and vehicle of the camp draws from one of its tanks.
 */
public final class ReportCheck {
    private final Http http;
    private final String[] key;
    private final String camp;
    private final YearMonth month;

    /** What the JSON routes serve for the month. */
    public record Api(List<JsonObject> monthly, List<JsonObject> daily, List<JsonObject> events,
                      List<JsonObject> stock, List<JsonObject> current, List<JsonObject> assets,
                      Map<String, List<JsonObject>> accounts) {

        /** The litres of a tank's detected leak in the month: its daily accounts' leakL summed. */
        public double leak(String tank) {
            return accounts.getOrDefault(tank, List.of()).stream().filter(d -> d.getValue("leakL") != null)
                .mapToDouble(d -> d.getDouble("leakL")).sum();
        }

        /** The value of a monthly figure of a subject (0 when the route has none). */
        public double monthly(String subject, String figure) {
            return monthly.stream().filter(r -> subject.equals(r.getString("subjectId"))
                && figure.equals(r.getString("figure"))).mapToDouble(r -> r.getDouble("value")).findFirst()
                .orElse(0);
        }

        /** Per tank: its month's first and last fuel.volume reading. */
        public Map<String, double[]> stocks() {
            Map<String, double[]> out = new LinkedHashMap<>();
            for (JsonObject r : stock) {
                double[] s = out.computeIfAbsent(r.getString("asset"), k -> new double[] {r.getDouble("first"), 0});
                s[1] = r.getDouble("last");
            }
            return out;
        }

        private List<String> ids(String kind) {
            return assets.stream().filter(a -> kind.equals(a.getString("kind"))).map(a -> a.getString("id")).toList();
        }

        /** The camp's reconciliation from the JSON: opening, received, consumed, losses, closing, residual. */
        public double[] campBalance(YearMonth month) {
            double opening = stocks().values().stream().mapToDouble(s -> s[0]).sum();
            double closing = stocks().values().stream().mapToDouble(s -> s[1]).sum();
            double received = stocks().keySet().stream().mapToDouble(t -> monthly(t, "refuel_l")).sum();
            double losses = stocks().keySet().stream().mapToDouble(t -> monthly(t, "loss_l") + leak(t)).sum();
            double consumed = ids("generator").stream().mapToDouble(g -> monthly(g, "fuel_consumed_l")).sum();
            Instant from = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            consumed += events.stream().filter(e -> "refuel".equals(e.getString("kind"))
                && ids("vehicle").contains(e.getString("asset")) && !Instant.parse(e.getString("start"))
                .isBefore(from)).mapToDouble(e -> e.getDouble("quantity")).sum();
            return new double[] {opening, received, consumed, losses, closing,
                opening + received - consumed - losses - closing};
        }
    }

    public ReportCheck(Http http, String[] key, String camp, YearMonth month) {
        this.http = http;
        this.key = key.clone();
        this.camp = camp;
        this.month = month;
    }

    private String range() {
        return "from=" + month.atDay(1) + "&to=" + month.plusMonths(1).atDay(1);
    }

    private List<JsonObject> items(String path) {
        JsonObject page = http.get(path, key).json();
        assertThat(page.getString("next")).as(path).isNull();
        return page.getJsonArray("items").stream().map(o -> (JsonObject) o).toList();
    }

    /** Reads the JSON routes for the month. */
    public Api api() {
        String c = "camp=" + camp + "&";
        List<JsonObject> assets = items("/api/v1/assets?" + c + "limit=10000");
        Map<String, List<JsonObject>> accounts = new LinkedHashMap<>();
        assets.stream().filter(a -> "fuel_tank".equals(a.getString("kind"))).map(a -> a.getString("id"))
            .forEach(t -> accounts.put(t, http.get("/api/v1/camps/" + camp + "/tanks/" + t + "/reconciliation?"
                + range(), key).json().getJsonArray("items").stream().map(o -> (JsonObject) o).toList()));
        return new Api(items("/api/v1/figures/monthly?" + c + "limit=10000&" + range()),
            items("/api/v1/figures/daily?" + c + "subject=camp&figure=fuel_consumed_l&" + range()),
            items("/api/v1/events?" + c + "kind=refuel,short_fill,theft,leak&limit=10000&" + range()),
            items("/api/v1/readings?" + c + "metric=fuel.volume&bucket=1d&limit=10000&" + range()),
            items("/api/v1/figures/current?" + c + "figure=days_of_supply"), assets, accounts);
    }

    private String path() {
        return "/api/v1/camps/" + camp + "/reports/" + month;
    }

    /** The PDF's text in {@code lang}, no-break spaces read as spaces. */
    public String pdfText(String lang) {
        HttpResponse<byte[]> r = http.bytes(path() + "?lang=" + lang, key);
        assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (PDDocument doc = Loader.loadPDF(r.body())) {
            return normal(new PDFTextStripper().getText(doc));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String normal(String s) {
        return s.replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    /** Every number of {@code api} is in the PDF, in each language. */
    public void pdfHolds(Api api) {
        for (Locale locale : ReportText.LANGUAGES) {
            ReportText t = ReportText.of(locale);
            String text = pdfText(locale.getLanguage());
            assertThat(text).contains(normal(t.month(month)));
            for (JsonObject r : api.monthly()) {
                assertThat(text).as(r.encode()).contains(normal(t.number(r.getDouble("value"), 3)))
                    .contains(normal(t.percent(r.getDouble("coverage"))));
            }
            for (JsonObject r : api.daily()) {
                assertThat(text).contains(normal(t.date(LocalDate.parse(r.getString("day")))) + " "
                    + normal(t.quantity(r.getDouble("value"), 1, "L")));
            }
            for (JsonObject e : api.events()) {
                assertThat(text).as(e.encode()).contains(e.getLong("id") + " ")
                    .contains(normal(t.time(Instant.parse(e.getString("start")))))
                    .contains(normal(t.number(e.getDouble("quantity"), 1)));
            }
            api.stocks().forEach((tank, s) -> assertThat(text).contains(tank + " "
                + normal(t.quantity(s[0], 1, "L"))).contains(normal(t.quantity(s[1], 1, "L"))));
            Instant from = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant to = month.plusMonths(1).atDay(2).atStartOfDay(ZoneOffset.UTC).toInstant();
            for (JsonObject c : api.current()) {
                Instant asOf = Instant.parse(c.getString("asOf"));
                if (!asOf.isBefore(from) && asOf.isBefore(to) && c.getDouble("value") != null) {
                    assertThat(text).contains(normal(t.quantity(c.getDouble("value"), 1, "d")));
                }
            }
            if (!api.stocks().isEmpty()) {
                assertThat(text).contains(normal(t.quantity(api.campBalance(month)[5], 1, "L")));
            }
            for (String tank : api.stocks().keySet()) {
                if (api.monthly().stream().anyMatch(r -> tank.equals(r.getString("subjectId"))
                    && "loss_l".equals(r.getString("figure")))) {
                    double thefts = api.monthly(tank, "loss_l");
                    assertThat(text).as("losses of " + tank).contains(tank + " " + normal(t.quantity(thefts, 1, "L")))
                        .contains(normal(t.quantity(api.leak(tank), 1, "L")))
                        .contains(normal(t.quantity(thefts + api.leak(tank), 1, "L")));
                }
            }
        }
    }

    /** The XLSX's cells equal the JSON's numbers. */
    public void xlsxHolds(Api api) {
        HttpResponse<byte[]> r = http.bytes(path() + "?format=xlsx&lang=fr", key);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Language")).hasValue("fr");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
            Sheet figures = wb.getSheet("figures");
            for (int i = 0; i < api.monthly().size(); i++) {
                JsonObject m = api.monthly().get(i);
                Row row = figures.getRow(i + 1);
                assertThat(row.getCell(1).getStringCellValue()).isEqualTo(m.getString("subjectId"));
                assertThat(row.getCell(2).getStringCellValue()).isEqualTo(m.getString("figure"));
                assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(m.getDouble("value"));
                assertThat(row.getCell(5).getNumericCellValue()).isEqualTo(m.getDouble("coverage"));
            }
            assertThat(figures.getRow(api.monthly().size() + 1)).as("the row after the last figure").isNull();
            Sheet stock = wb.getSheet("stock");
            for (int i = 1; i <= stock.getLastRowNum(); i++) {
                Row row = stock.getRow(i);
                double[] s = row == null || row.getCell(1) == null ? null : api.stocks().get(row.getCell(0)
                    .getStringCellValue());
                if (s != null) {
                    assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(s[0]);
                    assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(s[1]);
                }
            }
            if (!api.stocks().isEmpty()) {
                Sheet rec = wb.getSheet("reconciliation");
                Row campLine = null;
                for (int i = 1; i <= rec.getLastRowNum(); i++) {
                    Row row = rec.getRow(i);
                    if (row != null && row.getCell(0) != null && row.getCell(0).getStringCellValue().endsWith(" "
                        + camp)) {
                        campLine = row;
                    }
                }
                assertThat(campLine).as("the camp's reconciliation line").isNotNull();
                double[] expected = api.campBalance(month);
                for (int c = 0; c < expected.length; c++) {
                    assertThat(campLine.getCell(c + 1).getNumericCellValue()).as("column " + (c + 1))
                        .isCloseTo(expected[c], within(1e-6));
                }
            }
            Sheet daily = wb.getSheet("dailyFuel");
            assertThat(daily.getRow(month.lengthOfMonth())).isNotNull();
            assertThat(daily.getRow(month.lengthOfMonth() + 1)).isNull();
            for (JsonObject d : api.daily()) {
                int day = LocalDate.parse(d.getString("day")).getDayOfMonth();
                assertThat(daily.getRow(day).getCell(1).getNumericCellValue()).isEqualTo(d.getDouble("value"));
            }
            List<Long> ids = new ArrayList<>();
            for (String sheet : List.of("deliveryEvents", "lossEvents")) {
                Sheet s = wb.getSheet(sheet);
                for (int i = 1; i <= s.getLastRowNum(); i++) {
                    Row row = s.getRow(i);
                    if (row != null && row.getCell(0) != null && row.getCell(0).getCellType() == CellType.NUMERIC) {
                        ids.add((long) row.getCell(0).getNumericCellValue());
                    }
                }
            }
            assertThat(ids).containsExactlyInAnyOrderElementsOf(api.events().stream().map(e -> e.getLong("id"))
                .toList());
            assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue())
                .contains(ReportText.of(Locale.FRENCH).month(month));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The headers {@code key} plus {@code more}. */
    public static String[] with(String[] key, String... more) {
        return Stream.concat(Stream.of(key), Stream.of(more)).toArray(String[]::new);
    }
}
