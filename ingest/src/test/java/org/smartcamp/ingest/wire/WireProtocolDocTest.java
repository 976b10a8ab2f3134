package org.smartcamp.ingest.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.smartcamp.ingest.catalogue.Metric;
import org.smartcamp.ingest.catalogue.Unit;
import org.smartcamp.ingest.store.Units;

/**
 * Keeps docs/wire-protocol.md true: its JSON examples decode as the comment before each says, and its
 * catalogue, conversion, limit and dead-letter tables match the code.
 */
class WireProtocolDocTest {
    /** Surefire runs in the module directory. */
    private static final Path DOC = Path.of("../docs/wire-protocol.md");
    private static final Pattern EXAMPLE = Pattern.compile("<!-- example: ([^>]*?) -->\\n```json\\n(.*?)```",
        Pattern.DOTALL);
    private static final Pattern CATALOGUE_ROW = Pattern.compile(
        "\\('([^']+)',\\s*'([^']*)',\\s*'([^']+)',\\s*'([^']+)'\\)");
    private static final Pattern DOC_METRIC_ROW = Pattern.compile("(?m)^\\| `[a-z_]+\\.[a-z_.]+` \\| `");
    private static final Pattern CONVERSION_ROW = Pattern.compile(
        "(?m)^\\| `([^`]+)` \\| `([^`]+)` \\| ([0-9./]+) \\|$");
    private static final Pattern REASON_ROW = Pattern.compile("(?m)^\\| `([a-z0-9_]+)` \\| [^|]+ \\| "
        + "(whole message|one reading|whole message or one reading) \\| (decoder|store) \\|$");

    private final String doc = read();

    private static String read() {
        try {
            return Files.readString(DOC, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DOC.toAbsolutePath(), e);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyJsonExampleDecodesAsTheDocSays() {
        List<DynamicTest> tests = new ArrayList<>();
        Matcher m = EXAMPLE.matcher(doc);
        while (m.find()) {
            Map<String, String> expected = attributes(m.group(1));
            String json = m.group(2);
            tests.add(DynamicTest.dynamicTest("example " + (tests.size() + 1) + " " + m.group(1),
                () -> check(expected, json)));
        }
        assertThat(tests).as("every ```json block has an example comment").hasSize(occurrences("```json"))
            .hasSizeGreaterThanOrEqualTo(5);
        return tests.stream();
    }

    private void check(Map<String, String> expected, String json) {
        String topic = expected.getOrDefault("topic", WireFixtures.TOPIC);
        byte[] payload = json.getBytes(StandardCharsets.UTF_8);
        if (expected.containsKey("refused")) {
            assertThatExceptionOfType(WireFormatException.class)
                .isThrownBy(() -> WireFixtures.DECODER.decode(topic, payload))
                .satisfies(e -> assertThat(e.reason().code()).isEqualTo(expected.get("refused")));
            return;
        }
        DecodedMessage decoded = WireFixtures.DECODER.decode(topic, payload);
        assertThat(decoded.readings()).hasSize(Integer.parseInt(expected.get("readings")));
        assertThat(decoded.rejected()).extracting(r -> r.reason().code() + "@" + r.index())
            .containsExactlyElementsOf(expected.containsKey("rejected")
                ? Arrays.asList(expected.get("rejected").split(",")) : List.of());
        for (RejectedReading r : decoded.rejected()) {
            assertThat(doc).as("the doc shows the dead letter's payload and detail")
                .contains("`" + r.raw() + "`").contains("`" + r.detail() + "`");
        }
    }

    private static Map<String, String> attributes(String text) {
        Map<String, String> map = new HashMap<>();
        for (String pair : text.trim().split("\\s+")) {
            String[] kv = pair.split("=", 2);
            assertThat(kv).as("example attribute '%s' is key=value", pair).hasSize(2);
            assertThat(kv[0]).isIn("topic", "readings", "rejected", "refused");
            map.put(kv[0], kv[1]);
        }
        assertThat(map.containsKey("refused")).as("an example is either refused or says how many readings it keeps")
            .isNotEqualTo(map.containsKey("readings"));
        return map;
    }

    @Test
    void catalogueTableListsExactlyTheMetricsOfTheCatalogue() throws IOException {
        String sql;
        try (InputStream in = getClass().getResourceAsStream("/db/migration/V2__metric_catalogue.sql")) {
            assertThat(in).isNotNull();
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher row = CATALOGUE_ROW.matcher(sql);
        while (row.find()) {
            assertThat(Metric.of(row.group(1))).as("V2's %s is still in the catalogue", row.group(1)).isPresent();
        }
        for (Metric m : Metric.values()) {
            assertThat(doc).contains("| `" + m.wireName() + "` | `" + m.unit().symbol() + "` | " + m.kind().code()
                + " | " + m.sampling().code() + " | " + m.description() + " |\n");
        }
        assertThat(DOC_METRIC_ROW.matcher(doc).results().count()).isEqualTo(Metric.values().length);
    }

    @Test
    void conversionTableListsEveryAliasOfTheCatalogue() {
        Matcher row = CONVERSION_ROW.matcher(doc);
        int rows = 0;
        while (row.find()) {
            rows++;
            DoubleUnaryOperator convert = Units.converter(row.group(2), row.group(1));
            assertThat(convert).as("%s -> %s", row.group(2), row.group(1)).isNotNull();
            assertThat(convert.applyAsDouble(1.0)).as("%s -> %s", row.group(2), row.group(1))
                .isCloseTo(factor(row.group(3)), within(1e-15));
        }
        assertThat(rows).isEqualTo(Arrays.stream(Unit.values()).mapToInt(u -> u.aliases().size()).sum());
    }

    private static double factor(String text) {
        int slash = text.indexOf('/');
        return slash < 0 ? Double.parseDouble(text)
            : Double.parseDouble(text.substring(0, slash)) / Double.parseDouble(text.substring(slash + 1));
    }

    @Test
    void deadLetterTableHasOneRowPerRejectReason() {
        List<String> codes = REASON_ROW.matcher(doc).results().map(r -> r.group(1)).toList();

        assertThat(codes).containsExactlyInAnyOrderElementsOf(
            Arrays.stream(RejectReason.values()).map(RejectReason::code).toList());
    }

    @Test
    void limitsTableStatesTheLimitsOfV1() {
        WireLimits v1 = WireLimits.V1;

        assertThat(doc)
            .contains("| payload size | " + v1.maxPayloadBytes() + " bytes (256 KiB) |")
            .contains("| readings per message | " + v1.maxReadingsPerMessage() + " (")
            .contains("| event time, past | arrival − " + v1.maxAge().toDays() + " days |")
            .contains("| event time, future | arrival + " + v1.maxFutureSkew().toMinutes() + " minutes")
            .contains("`" + TopicAddress.ID.pattern() + "`")
            .contains("`" + ReadingValidator.METRIC.pattern().replace("(?=.{1,64}$)", "") + "`, 1 to 64 characters")
            .contains("`" + ReadingValidator.UNIT.pattern() + "`");
        assertThat(v1.maxAbsValue()).as("the doc says ±1e12").isEqualTo(1e12);
        assertThat(doc).contains("| value | finite, −1e12 ≤ value ≤ 1e12 |");
    }

    private int occurrences(String text) {
        int count = 0;
        for (int i = doc.indexOf(text); i >= 0; i = doc.indexOf(text, i + 1)) {
            count++;
        }
        return count;
    }
}
