package org.smartcamp.api.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.smartcamp.api.store.MonthlyReportStore;
import org.smartcamp.api.store.Registry;

/** The report's bundles: the same keys in English and French, every key the code asks for present, none unused. */
class ReportBundlesTest {

    private static Properties bundle(String lang) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ReportBundlesTest.class.getResourceAsStream("/i18n/reports_" + lang + ".properties")) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void bothLanguagesHaveTheSameKeysAndNoEmptyValue() throws IOException {
        Properties en = bundle("en");
        Properties fr = bundle("fr");
        assertThat(new TreeSet<>(fr.stringPropertyNames())).isEqualTo(new TreeSet<>(en.stringPropertyNames()));
        for (Properties p : List.of(en, fr)) {
            p.forEach((k, v) -> assertThat(v.toString()).as(k.toString()).isNotBlank());
        }
    }

    @Test
    void everyKeyTheCodeAsksForIsInTheBundleAndEveryKeyIsUsed() throws IOException {
        Set<String> used = new TreeSet<>();
        // every string literal shaped like a key (the code passes some to helpers that call get)
        Pattern get = Pattern.compile("\"([a-z][a-zA-Z]*\\.[a-zA-Z][a-zA-Z.]*)\"");
        Pattern prefixed = Pattern.compile("get\\(\"([a-zA-Z]+\\.)\" \\+");
        try (Stream<Path> files = Files.list(Path.of("src/main/java/org/smartcamp/api/report"))) {
            for (Path f : files.toList()) {
                String src = Files.readString(f);
                Matcher m = get.matcher(src);
                while (m.find()) {
                    used.add(m.group(1));
                }
                Matcher p = prefixed.matcher(src);
                while (p.find()) {
                    for (var fig : MonthlyReport.SOURCES) {
                        used.add(p.group(1) + fig.id());
                    }
                }
            }
        }
        used.remove(ReportText.BUNDLE);
        Set<String> keys = new TreeSet<>(bundle("en").stringPropertyNames());
        assertThat(keys).containsAll(used);
        assertThat(used).containsAll(keys);
    }

    @Test
    void aReportWithEveryKindOfCellRendersInBothLanguages() throws IOException {
        Registry.Camp camp = new Registry.Camp("c1", "m1", "Camp «Un» ₂ 😀");
        List<Registry.Asset> assets = List.of(new Registry.Asset(1, "g1", "c1", "generator"),
            new Registry.Asset(2, "t1", "c1", "fuel_tank"), new Registry.Asset(3, "v1", "c1", "vehicle"));
        JsonObject figure = new JsonObject().put("subjectKind", "asset").put("subjectId", "g1").put("camp", "c1")
            .put("figure", "fuel_consumed_l").put("value", 1234.5).put("unit", "L").put("coverage", 0.5);
        JsonObject event = new JsonObject().put("id", 7L).put("kind", "theft").put("asset", "t1")
            .put("start", "2026-11-02T01:00:00Z").put("end", "2026-11-02T01:30:00Z").put("quantity", 250.0)
            .put("unit", "L").put("explanation", "Loss of 250 L");
        JsonObject stock = new JsonObject().put("timestamp", "2026-11-01T00:00:00Z").put("asset", "t1")
            .put("first", 5000.0).put("last", 4000.0);
        MonthlyReportStore.Data data = new MonthlyReportStore.Data(camp, YearMonth.of(2026, 11), assets,
            List.of(figure), List.of(), List.of(event), List.of(stock), List.of(), Map.of("g1", "t1"),
            java.time.ZoneId.of("Africa/Nairobi"),
            Map.of("t1", List.of(new JsonObject().put("day", "2026-11-02").put("leakL", 12.5))), true);
        for (Locale locale : ReportText.LANGUAGES) {
            for (ReportFormat format : ReportFormat.values()) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                format.write(new MonthlyReport(data, ReportText.of(locale)), Instant.parse("2026-12-01T00:00:00Z"),
                    out);
                assertThat(out.size()).as(locale + " " + format).isGreaterThan(1000);
            }
        }
        assertThat(ReportText.of(Locale.FRENCH).quantity(1234.5, 1, "L")).isEqualTo("1\u00a0234,5\u00a0L");
        assertThat(ReportText.of(Locale.ENGLISH).quantity(1234.5, 1, "L")).isEqualTo("1,234.5\u00a0L");
        assertThat(ReportText.negotiate(null, "de-DE, fr;q=0.8, en;q=0.5")).isEqualTo(Locale.FRENCH);
        assertThat(ReportText.negotiate(null, null)).isEqualTo(Locale.ENGLISH);
    }
}
