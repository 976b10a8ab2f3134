package org.smartcamp.ingest.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.smartcamp.ingest.wire.WireFixtures.NOW;
import static org.smartcamp.ingest.wire.WireFixtures.assertRefused;
import static org.smartcamp.ingest.wire.WireFixtures.decode;
import static org.smartcamp.ingest.wire.WireFixtures.decodeBatch;
import static org.smartcamp.ingest.wire.WireFixtures.singleRejection;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TelemetryDecoderTest {
    private static final String TS = "\"2026-11-22T10:15:00Z\"";

    private static String reading(String asset, String metric, String ts, String value) {
        return "{\"asset\":" + asset + ",\"metric\":" + metric + ",\"ts\":" + ts + ",\"value\":" + value + "}";
    }

    private static String withValue(String value) {
        return reading("\"juba1-gen-1\"", "\"power.active\"", TS, value);
    }

    private static String withTs(String ts) {
        return reading("\"juba1-gen-1\"", "\"power.active\"", ts, "1");
    }

    /** A reading with one more field (e.g. {@code "unit":"kW"}) after the four required ones. */
    private static String withExtra(String field) {
        return "{\"asset\":\"juba1-gen-1\",\"metric\":\"power.active\",\"ts\":" + TS + ",\"value\":1," + field + "}";
    }

    @Test
    void decodesABatchWithEveryField() {
        DecodedMessage m = decode("{\"seq\":42,\"sent\":\"2026-11-22T10:15:02Z\",\"readings\":["
            + "{\"asset\":\"juba1-gen-1\",\"metric\":\"power.active\",\"ts\":\"2026-11-22T10:15:00Z\","
            + "\"value\":41.5,\"unit\":\"kW\",\"quality\":\"uncertain\"}]}");

        assertThat(m.address()).isEqualTo(new TopicAddress("unmiss", "juba1", "gw-1"));
        assertThat(m.format()).isEqualTo(PayloadFormat.SMARTCAMP_JSON);
        assertThat(m.seq()).isEqualTo(42L);
        assertThat(m.sent()).isEqualTo(Instant.parse("2026-11-22T10:15:02Z"));
        assertThat(m.readings()).containsExactly(new Reading("juba1-gen-1", "power.active",
            Instant.parse("2026-11-22T10:15:00Z"), 41.5, "kW", Quality.UNCERTAIN));
        assertThat(m.rejected()).isEmpty();
    }

    @Test
    void optionalUnitAndQualityDefaultToNoneAndGoodAndUnknownFieldsAreIgnored() {
        DecodedMessage m = decode("{\"seq\":0,\"sent\":1795342529000,\"fw\":\"2.1\",\"readings\":["
            + withExtra("\"note\":\"ignored\",\"unit\":null,\"quality\":null") + "]}");

        assertThat(m.seq()).isZero();
        assertThat(m.sent()).isEqualTo(Instant.ofEpochMilli(1795342529000L));
        assertThat(m.readings()).singleElement().satisfies(r -> {
            assertThat(r.unit()).isNull();
            assertThat(r.quality()).isEqualTo(Quality.GOOD);
        });
    }

    @Test
    void anEmptyReadingsArrayIsAValidMessage() {
        DecodedMessage m = decode("{\"seq\":7,\"sent\":\"2026-11-22T10:15:29Z\",\"readings\":[]}");

        assertThat(m.seq()).isEqualTo(7L);
        assertThat(m.readings()).isEmpty();
        assertThat(m.rejected()).isEmpty();
    }

    @Test
    void keepsGoodReadingsNextToBadOnesAndReportsTheBadOnesByIndexWithTheirRawJson() {
        String bad = withValue("NaN");
        DecodedMessage m = decodeBatch(withValue("1"), bad, withValue("3"));

        assertThat(m.readings()).extracting(Reading::value).containsExactly(1.0, 3.0);
        RejectedReading r = m.rejected().get(0);
        assertThat(m.rejected()).hasSize(1);
        assertThat(r.index()).isEqualTo(1);
        assertThat(r.reason()).isEqualTo(RejectReason.NOT_FINITE);
        assertThat(r.detail()).startsWith("readings[1]: ");
        assertThat(r.raw()).isEqualTo(bad);
    }

    // --- whole-message refusals ---

    @Test
    void payloadAtTheSizeLimitIsDecodedOneByteMoreIsRefused() {
        String head = "{\"seq\":1,\"sent\":\"2026-11-22T10:15:29Z\",\"readings\":[]}";
        int limit = WireLimits.V1.maxPayloadBytes();
        String atLimit = head + " ".repeat(limit - head.length());

        assertThat(atLimit.getBytes(StandardCharsets.UTF_8)).hasSize(262_144);
        assertThat(decode(atLimit).seq()).isEqualTo(1L);
        assertRefused(atLimit + " ", RejectReason.PAYLOAD_TOO_LARGE).withMessageContaining("262145 bytes");
    }

    @Test
    void fiveThousandReadingsAreDecodedOneMoreIsRefusedAsAWhole() {
        String atLimit = "{\"seq\":1,\"sent\":\"2026-11-22T10:15:29Z\",\"readings\":["
            + String.join(",", Collections.nCopies(5_000, "1")) + "]}";
        String beyond = atLimit.replace("[1,", "[1,1,");

        assertThat(decode(atLimit).rejected()).hasSize(5_000)
            .allMatch(r -> r.reason() == RejectReason.WRONG_TYPE);
        assertRefused(beyond, RejectReason.TOO_MANY_READINGS).withMessageContaining("5001 readings");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "   ",
        "seq=1",
        "{\"seq\":1,",
        "{\"seq\":1,\"sent\":\"2026-11-22T10:15:29Z\",\"readings\":[]} {}",
        "{\"seq\":1,\"sent\":\"2026-11-22T10:15:29Z\",\"readings\":[]} x",
        "42",
        "\"text\"",
        "null",
        "{'seq':1}",
        "{\"seq\":1,\"seq\":2,\"sent\":\"2026-11-22T10:15:29Z\",\"readings\":[]}"
    })
    void refusesPayloadsThatAreNotOneJsonObjectOrArrayAsMalformed(String payload) {
        assertRefused(payload, RejectReason.MALFORMED_JSON);
    }

    @Test
    void aDuplicateKeyInsideOneReadingRefusesTheWholeMessage() {
        String dup = "{\"asset\":\"a\",\"asset\":\"b\",\"metric\":\"power.active\",\"ts\":" + TS + ",\"value\":1}";

        assertRefused("{\"seq\":1,\"sent\":\"2026-11-22T10:15:29Z\",\"readings\":[" + withValue("1") + "," + dup
            + "]}", RejectReason.MALFORMED_JSON).withMessageContaining("Duplicate field 'asset'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"sent\":\"2026-11-22T10:15:29Z\",\"readings\":[]}              | MISSING_FIELD",
        "{\"seq\":null,\"sent\":\"2026-11-22T10:15:29Z\",\"readings\":[]} | MISSING_FIELD",
        "{\"seq\":1,\"readings\":[]}                                      | MISSING_FIELD",
        "{\"seq\":1,\"sent\":\"2026-11-22T10:15:29Z\"}                    | MISSING_FIELD",
        "{\"seq\":-1,\"sent\":\"2026-11-22T10:15:29Z\",\"readings\":[]}   | WRONG_TYPE",
        "{\"seq\":1.5,\"sent\":\"2026-11-22T10:15:29Z\",\"readings\":[]}  | WRONG_TYPE",
        "{\"seq\":\"1\",\"sent\":\"2026-11-22T10:15:29Z\",\"readings\":[]} | WRONG_TYPE",
        "{\"seq\":18446744073709551616,\"sent\":1,\"readings\":[]}        | WRONG_TYPE",
        "{\"seq\":1,\"sent\":\"2026-11-22T10:15:29\",\"readings\":[]}     | WRONG_TYPE",
        "{\"seq\":1,\"sent\":true,\"readings\":[]}                        | WRONG_TYPE",
        "{\"seq\":1,\"sent\":\"2026-11-22T10:15:29Z\",\"readings\":{}}    | WRONG_TYPE"
    })
    void aBadHeaderFieldRefusesTheWholeMessage(String payload, RejectReason reason) {
        assertRefused(payload, reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"9223372036854775807", "\"+300000-01-01T00:00:00Z\"", "\"2000-01-01T00:00:00Z\"",
        "\"2026-11-22T10:20:31Z\"", "0"})
    void aSentTimeOutsideTheTimestampWindowRefusesTheWholeMessage(String sent) {
        // beyond PostgreSQL's timestamptz range these failed every commit of their batch, forever (issue 13, D2)
        assertRefused("{\"seq\":1,\"sent\":" + sent + ",\"readings\":[" + withValue("1") + "]}",
            RejectReason.TIMESTAMP_OUT_OF_WINDOW);
    }

    @Test
    void aSentTimeInsideTheWindowIsKept() {
        DecodedMessage m = decode("{\"seq\":1,\"sent\":\"2026-09-01T00:00:00Z\",\"readings\":[]}");

        assertThat(m.sent()).isEqualTo(Instant.parse("2026-09-01T00:00:00Z"));
    }

    // --- encoding: UTF-8 without a byte order mark (issue 13, D14) ---

    @Test
    void aUtf16PayloadIsRefusedAsNotUtf8() {
        String json = "{\"seq\":1,\"sent\":\"2026-11-22T10:15:29Z\",\"readings\":[" + withValue("1") + "]}";

        for (var charset : new java.nio.charset.Charset[] {StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE,
            StandardCharsets.UTF_16, java.nio.charset.Charset.forName("UTF-32LE")}) {
            assertRefusedBytes(json.getBytes(charset), RejectReason.NOT_UTF8);
        }
    }

    @Test
    void aUtf8ByteOrderMarkIsRefused() {
        byte[] json = ("\uFEFF{\"seq\":1,\"sent\":\"2026-11-22T10:15:29Z\",\"readings\":[]}")
            .getBytes(StandardCharsets.UTF_8);

        assertRefusedBytes(json, RejectReason.BYTE_ORDER_MARK);
    }

    @Test
    void invalidUtf8InsideAStringIsRefusedAsNotUtf8() {
        byte[] head = "{\"seq\":1,\"sent\":\"2026-11-22T10:15:29Z\",\"readings\":[],\"fw\":\""
            .getBytes(StandardCharsets.UTF_8);
        byte[] json = java.util.Arrays.copyOf(head, head.length + 3);
        json[head.length] = (byte) 0xC3;
        json[head.length + 1] = (byte) '"';
        json[head.length + 2] = (byte) '}';

        assertRefusedBytes(json, RejectReason.NOT_UTF8);
    }

    @Test
    void anEscapedNulInAnAssetIdIsAnInvalidId() {
        RejectedReading r = singleRejection(decodeBatch(reading("\"juba1-\\u0000\"", "\"power.active\"", TS, "1")),
            RejectReason.INVALID_ID);

        assertThat(r.detail()).contains("juba1-");
    }

    private static void assertRefusedBytes(byte[] payload, RejectReason reason) {
        org.assertj.core.api.Assertions.assertThatExceptionOfType(WireFormatException.class)
            .isThrownBy(() -> WireFixtures.DECODER.decode(WireFixtures.TOPIC, payload))
            .matches(e -> e.reason() == reason, "reason " + reason);
    }

    // --- per-reading refusals ---

    @ParameterizedTest
    @ValueSource(strings = {"asset", "metric", "ts", "value"})
    void aReadingWithoutARequiredFieldIsRefusedAlone(String field) {
        String full = withValue("1");
        String absent = full.replaceFirst("\"" + field + "\":(\"[^\"]*\"|[0-9]+)", "\"other\":0");
        String nulled = full.replaceFirst("\"" + field + "\":(\"[^\"]*\"|[0-9]+)", "\"" + field + "\":null");

        DecodedMessage m = decodeBatch(absent, nulled, full);

        assertThat(m.readings()).hasSize(1);
        assertThat(m.rejected()).extracting(RejectedReading::reason)
            .containsExactly(RejectReason.MISSING_FIELD, RejectReason.MISSING_FIELD);
        assertThat(m.rejected().get(0).detail()).contains("'" + field + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"asset\":7,\"metric\":\"power.active\",\"ts\":\"2026-11-22T10:15:00Z\",\"value\":1}",
        "{\"asset\":\"juba1-gen-1\",\"metric\":[\"power\"],\"ts\":\"2026-11-22T10:15:00Z\",\"value\":1}",
        "{\"asset\":\"juba1-gen-1\",\"metric\":\"power.active\",\"ts\":\"2026-11-22T10:15:00Z\",\"value\":\"1\"}",
        "{\"asset\":\"juba1-gen-1\",\"metric\":\"power.active\",\"ts\":\"2026-11-22T10:15:00Z\",\"value\":{}}",
        "{\"asset\":\"juba1-gen-1\",\"metric\":\"power.active\",\"ts\":1795342500000.0,\"value\":1}",
        "{\"asset\":\"juba1-gen-1\",\"metric\":\"power.active\",\"ts\":true,\"value\":1}",
        "{\"asset\":\"juba1-gen-1\",\"metric\":\"power.active\",\"ts\":\"yesterday\",\"value\":1}",
        "{\"asset\":\"juba1-gen-1\",\"metric\":\"power.active\",\"ts\":\"2026-11-22T10:15:00Z\",\"value\":1,"
            + "\"unit\":3}",
        "{\"asset\":\"juba1-gen-1\",\"metric\":\"power.active\",\"ts\":\"2026-11-22T10:15:00Z\",\"value\":1,"
            + "\"quality\":0}",
        "[\"juba1-gen-1\",\"power.active\",\"2026-11-22T10:15:00Z\",1]",
        "\"juba1-gen-1\""
    })
    void aReadingWithAFieldOfTheWrongTypeIsRefusedAlone(String bad) {
        DecodedMessage m = decodeBatch(bad, withValue("2"));

        assertThat(m.readings()).extracting(Reading::value).containsExactly(2.0);
        assertThat(m.rejected()).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(RejectReason.WRONG_TYPE);
            assertThat(r.index()).isZero();
        });
    }

    @ParameterizedTest
    @CsvSource({
        "Juba1-gen-1, power.active",
        "-gen-1, power.active",
        "gen 1, power.active",
        "'', power.active",
        "juba1-gen-1, Power.active",
        "juba1-gen-1, power..active",
        "juba1-gen-1, 1power",
        "juba1-gen-1, power.active.",
        "juba1-gen-1, power/active",
        "juba1-gen-1, ''"
    })
    void assetsAndMetricsThatDoNotMatchTheirPatternAreInvalidIds(String asset, String metric) {
        DecodedMessage m = decodeBatch(reading("\"" + asset + "\"", "\"" + metric + "\"", TS, "1"));

        singleRejection(m, RejectReason.INVALID_ID);
    }

    @Test
    void idsAndMetricsAreAcceptedUpToSixtyFourCharacters() {
        String asset64 = "a".repeat(64);
        String metric64 = "m." + "x".repeat(62);

        assertThat(decodeBatch(reading("\"" + asset64 + "\"", "\"" + metric64 + "\"", TS, "1")).readings())
            .singleElement().satisfies(r -> assertThat(r.asset() + r.metric()).hasSize(128));
        singleRejection(decodeBatch(reading("\"" + asset64 + "a\"", "\"power.active\"", TS, "1")),
            RejectReason.INVALID_ID);
        singleRejection(decodeBatch(reading("\"juba1-gen-1\"", "\"" + metric64 + "x\"", TS, "1")),
            RejectReason.INVALID_ID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "-Infinity", "+Infinity", "1e400"})
    void nanAndInfiniteValuesAreRefusedAsNotFinite(String value) {
        singleRejection(decodeBatch(withValue(value)), RejectReason.NOT_FINITE);
    }

    @Test
    void valuesUpToPlusMinusOneTrillionAreAcceptedBeyondIsOutOfRange() {
        DecodedMessage m = decodeBatch(withValue("1e12"), withValue("-1000000000000"), withValue("1.0000000000001e12"),
            withValue("-1.0000000000001e12"), withValue("123456789012345678901234567890"));

        assertThat(m.readings()).extracting(Reading::value).containsExactly(1e12, -1e12);
        assertThat(m.rejected()).extracting(RejectedReading::reason).containsOnly(RejectReason.OUT_OF_RANGE)
            .hasSize(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e-400", "-1e-400", "1e-310", "4.9e-324", "0.1e-2147483646"})
    void aNonZeroValueTooSmallForADoubleIsRefusedAsUnderflowNotStoredAsZero(String value) {
        singleRejection(decodeBatch(withValue(value)), RejectReason.UNDERFLOW);
    }

    @Test
    void zeroInEveryShapeAndTheSmallestNormalDoubleAreKept() {
        DecodedMessage m = decodeBatch(withValue("0"), withValue("0.0"), withValue("-0e10"), withValue("0e-400"),
            withValue("2.2250738585072014e-308"), withValue("1.5e-7"));

        assertThat(m.rejected()).isEmpty();
        assertThat(m.readings()).extracting(Reading::value)
            .containsExactly(0.0, 0.0, 0.0, 0.0, Double.MIN_NORMAL, 1.5e-7);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.1e-2147483647", "1e2147483648", "1e-9999999999"})
    void aNumberBeyondAnyRepresentableExponentRefusesTheWholeMessage(String value) {
        assertRefused("{\"seq\":1,\"sent\":\"2026-11-22T10:15:29Z\",\"readings\":[" + withValue(value) + "]}",
            RejectReason.OUT_OF_RANGE);
    }

    @Test
    void booleanValuesAreReadAsOneAndZero() {
        DecodedMessage m = decodeBatch(withValue("true"), withValue("false"), withValue("-0.5"), withValue("17"));

        assertThat(m.readings()).extracting(Reading::value).containsExactly(1.0, 0.0, -0.5, 17.0);
    }

    @Test
    void eventTimesAreAcceptedFromNinetyDaysBackToFiveMinutesAheadOfTheIngestClock() {
        DecodedMessage m = decodeBatch(withTs("\"2026-08-24T10:15:30Z\""), withTs("\"2026-08-24T10:15:29.999Z\""),
            withTs("\"2026-11-22T10:20:30Z\""), withTs("\"2026-11-22T10:20:30.001Z\""));

        assertThat(NOW.minus(WireLimits.V1.maxAge())).isEqualTo(Instant.parse("2026-08-24T10:15:30Z"));
        assertThat(m.readings()).extracting(Reading::ts).containsExactly(Instant.parse("2026-08-24T10:15:30Z"),
            Instant.parse("2026-11-22T10:20:30Z"));
        assertThat(m.rejected()).extracting(RejectedReading::index, RejectedReading::reason).containsExactly(
            tuple(1, RejectReason.TIMESTAMP_OUT_OF_WINDOW),
            tuple(3, RejectReason.TIMESTAMP_OUT_OF_WINDOW));
    }

    @ParameterizedTest
    @CsvSource({
        "'\"2026-11-22T10:15:00Z\"',                 2026-11-22T10:15:00Z",
        "'\"2026-11-22T13:15:00+03:00\"',            2026-11-22T10:15:00Z",
        "'\"2026-11-22T09:15:00.123456789-01:00\"',  2026-11-22T10:15:00.123456789Z",
        "'\"2026-11-22t10:15:00z\"',                 2026-11-22T10:15:00Z",
        "'\"2026-11-22T10:15Z\"',                    2026-11-22T10:15:00Z",
        "1795342500123,                              2026-11-22T10:15:00.123Z"
    })
    void eventTimesAreRfc3339WithAnOffsetOrEpochMilliseconds(String ts, Instant expected) {
        assertThat(decodeBatch(withTs(ts)).readings()).extracting(Reading::ts).containsExactly(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2026-11-22T10:15:00\"", "\"2026-11-22 10:15:00Z\"", "\"2026-11-22T10:15:00+0300\"",
        "\"2026-11-22\"", "\"1795342500000\"", "1795342500.5"})
    void eventTimesWithoutOffsetOrInOtherShapesAreWrongType(String ts) {
        singleRejection(decodeBatch(withTs(ts)), RejectReason.WRONG_TYPE);
    }

    @Test
    void qualityIsOneOfThreeLowerCaseNames() {
        DecodedMessage m = decodeBatch(withExtra("\"quality\":\"good\""), withExtra("\"quality\":\"uncertain\""),
            withExtra("\"quality\":\"bad\""), withExtra("\"quality\":\"BAD\""), withExtra("\"quality\":\"ok\""));

        assertThat(m.readings()).extracting(Reading::quality)
            .containsExactly(Quality.GOOD, Quality.UNCERTAIN, Quality.BAD);
        assertThat(m.rejected()).extracting(RejectedReading::reason)
            .containsExactly(RejectReason.WRONG_TYPE, RejectReason.WRONG_TYPE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"kW", "kVA", "1", "kWh", "bool", "h", "count", "degC", "kPa", "L/h", "L", "mm", "%",
        "W/m2", "V", "A", "deg", "km/h", "km", "W", "Cel", "%RH", "W/m^2", "m3", "/", "lat", "abcdefghijklmnop", ""})
    // "": a boolean may be sent with an empty unit; the store refuses it for any other metric (UnitsTest)
    void unitsAreShortTokensOfLettersDigitsAndSomeSigns(String unit) {
        assertThat(decodeBatch(withExtra("\"unit\":\"" + unit + "\"")).readings()).extracting(Reading::unit)
            .containsExactly(unit);
    }

    @ParameterizedTest
    @ValueSource(strings = {"°C", "k W", "abcdefghijklmnopq", "kW\\n", "(kW)", "m*s"})
    void unitsOutsideTheTokenRuleAreWrongType(String unit) {
        singleRejection(decodeBatch(withExtra("\"unit\":\"" + unit + "\"")), RejectReason.WRONG_TYPE);
    }
}
