package org.smartcamp.ingest.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smartcamp.ingest.wire.WireFixtures.NOW;
import static org.smartcamp.ingest.wire.WireFixtures.assertRefused;
import static org.smartcamp.ingest.wire.WireFixtures.decode;
import static org.smartcamp.ingest.wire.WireFixtures.singleRejection;

import java.time.Instant;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SenmlDecoderTest {
    /** 2026-11-22T10:15:00Z in epoch seconds, 30 s before the test clock. */
    private static final long T = 1_795_342_500L;

    private static String one(String record) {
        return "[" + record + "]";
    }

    @Test
    void resolvesBaseNameTimeUnitAndValueIntoReadings() {
        DecodedMessage m = decode("[{\"bn\":\"juba1-gen-1/\",\"bt\":" + T + ",\"bu\":\"kW\",\"bv\":40,"
            + "\"n\":\"power.active\",\"v\":1.5},"
            + "{\"n\":\"power.active\",\"t\":10,\"v\":2},"
            + "{\"n\":\"engine.coolant_temp\",\"u\":\"Cel\",\"t\":-30,\"v\":42}]");

        assertThat(m.format()).isEqualTo(PayloadFormat.SENML_JSON);
        assertThat(m.seq()).isNull();
        assertThat(m.sent()).isNull();
        assertThat(m.rejected()).isEmpty();
        assertThat(m.readings()).containsExactly(
            new Reading("juba1-gen-1", "power.active", Instant.parse("2026-11-22T10:15:00Z"), 41.5, "kW",
                Quality.GOOD),
            new Reading("juba1-gen-1", "power.active", Instant.parse("2026-11-22T10:15:10Z"), 42, "kW",
                Quality.GOOD),
            new Reading("juba1-gen-1", "engine.coolant_temp", Instant.parse("2026-11-22T10:14:30Z"), 82, "Cel",
                Quality.GOOD));
    }

    @Test
    void aLaterBaseNameReplacesTheEarlierOneForTheRecordsThatFollow() {
        DecodedMessage m = decode("[{\"bn\":\"gen-1/\",\"n\":\"power.active\",\"t\":" + T + ",\"v\":1},"
            + "{\"bn\":\"gen-2/power.\",\"n\":\"active\",\"t\":" + T + ",\"v\":2},"
            + "{\"n\":\"apparent\",\"t\":" + T + ",\"v\":3}]");

        assertThat(m.readings()).extracting(r -> r.asset() + " " + r.metric())
            .containsExactly("gen-1 power.active", "gen-2 power.active", "gen-2 power.apparent");
    }

    @Test
    void theNameMayComeWhollyFromTheBaseName() {
        DecodedMessage m = decode(one("{\"bn\":\"juba1-pump-1/pump.running\",\"vb\":true}"));

        assertThat(m.readings()).singleElement().satisfies(r -> {
            assertThat(r.metric()).isEqualTo("pump.running");
            assertThat(r.value()).isEqualTo(1.0);
        });
    }

    @Test
    void booleanValuesAreOneAndZeroAndIgnoreTheBaseValue() {
        DecodedMessage m = decode("[{\"bn\":\"gen-1/\",\"bv\":10,\"n\":\"engine.running\",\"vb\":true},"
            + "{\"n\":\"engine.running\",\"vb\":false,\"t\":-1}]");

        assertThat(m.readings()).extracting(Reading::value).containsExactly(1.0, 0.0);
    }

    @Test
    void timesBelowTwoToTheTwentyEighthAreRelativeToTheIngestClock() {
        DecodedMessage m = decode("[{\"n\":\"gen-1/power.active\",\"v\":1},"
            + "{\"n\":\"gen-1/power.active\",\"t\":-60,\"v\":2},"
            + "{\"bt\":-3600,\"n\":\"gen-1/power.active\",\"t\":0.25,\"v\":3},"
            + "{\"bt\":0,\"n\":\"gen-1/power.active\",\"t\":300,\"v\":4}]");

        assertThat(m.readings()).extracting(Reading::ts).containsExactly(NOW, NOW.minusSeconds(60),
            NOW.minusSeconds(3600).plusMillis(250), NOW.plusSeconds(300));
    }

    @Test
    void timesFromTwoToTheTwentyEighthOnAreSecondsSinceTheEpoch() {
        DecodedMessage m = decode("[{\"n\":\"gen-1/power.active\",\"t\":268435455,\"v\":1},"
            + "{\"n\":\"gen-1/power.active\",\"t\":268435456,\"v\":2}]");

        assertThat(m.rejected()).extracting(RejectedReading::reason)
            .containsOnly(RejectReason.TIMESTAMP_OUT_OF_WINDOW);
        assertThat(m.rejected().get(0).detail()).contains("2035-");
        assertThat(m.rejected().get(1).detail()).contains("1978-07-04T21:24:16Z");
    }

    @Test
    void absoluteTimesKeepMicroseconds() {
        DecodedMessage m = decode("[{\"bt\":" + T + ",\"n\":\"gen-1/power.active\",\"t\":0.123456,\"v\":1}]");

        assertThat(m.readings()).extracting(Reading::ts)
            .containsExactly(Instant.parse("2026-11-22T10:15:00.123456Z"));
    }

    @Test
    void theTimeWindowAppliesToTheResolvedTime() {
        DecodedMessage m = decode("[{\"bt\":" + T + ",\"n\":\"gen-1/power.active\",\"t\":330,\"v\":1},"
            + "{\"n\":\"gen-1/power.active\",\"t\":330.001,\"v\":2},"
            + "{\"bt\":0,\"n\":\"gen-1/power.active\",\"t\":-7776000,\"v\":3},"
            + "{\"n\":\"gen-1/power.active\",\"t\":-7776000.001,\"v\":4}]");

        assertThat(m.readings()).extracting(Reading::value).containsExactly(1.0, 3.0);
        assertThat(m.rejected()).extracting(RejectedReading::reason)
            .containsOnly(RejectReason.TIMESTAMP_OUT_OF_WINDOW).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e10", "9.3e12", "1e19", "1e300", "-1e19"})
    void hugeTimesAreOutOfTheWindowInsteadOfWrappingAround(String t) {
        singleRejection(decode(one("{\"n\":\"gen-1/power.active\",\"t\":" + t + ",\"v\":1}")),
            RejectReason.TIMESTAMP_OUT_OF_WINDOW);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"n\":\"gen-1/power.active\",\"v\":NaN}",
        "{\"n\":\"gen-1/power.active\",\"v\":-Infinity}",
        "{\"n\":\"gen-1/power.active\",\"t\":Infinity,\"v\":1}",
        "{\"n\":\"gen-1/power.active\",\"bt\":NaN,\"v\":1}"
    })
    void nonFiniteValuesAndTimesAreNotFinite(String record) {
        singleRejection(decode(one(record)), RejectReason.NOT_FINITE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"n\":\"gen-1/power.active\",\"v\":1e-400}",
        "{\"n\":\"gen-1/power.active\",\"bv\":-1e-400,\"v\":0}"
    })
    void nonZeroValuesTooSmallForADoubleAreUnderflowNotZero(String record) {
        singleRejection(decode(one(record)), RejectReason.UNDERFLOW);
    }

    @Test
    void theBaseValueCountsTowardsTheRange() {
        DecodedMessage m = decode("[{\"bv\":999999999999,\"n\":\"gen-1/energy.active\",\"v\":1},"
            + "{\"n\":\"gen-1/energy.active\",\"v\":2,\"t\":1}]");

        assertThat(m.readings()).extracting(Reading::value).containsExactly(1e12);
        assertThat(m.rejected()).extracting(RejectedReading::reason).containsExactly(RejectReason.OUT_OF_RANGE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"n\":\"gen-1/site.name\",\"vs\":\"Juba 1\"}",
        "{\"n\":\"gen-1/blob\",\"vd\":\"AAEC\"}",
        "{\"n\":\"gen-1/fuel.used\",\"s\":120}",
        "{\"n\":\"gen-1/power.active\",\"v\":1,\"crit_\":true}"
    })
    void stringDataSumsAndUnknownMustUnderstandFieldsAreUnsupported(String record) {
        singleRejection(decode(one(record)), RejectReason.UNSUPPORTED_VALUE);
    }

    @Test
    void unknownOrdinaryFieldsAndVersionAndUpdateTimeAreIgnored() {
        DecodedMessage m = decode(one("{\"bver\":10,\"n\":\"gen-1/power.active\",\"v\":1,\"ut\":60,\"note\":1}"));

        assertThat(m.readings()).hasSize(1);
    }

    @Test
    void aRecordWithOnlyBaseFieldsIsRefusedButItsBaseFieldsStillApply() {
        DecodedMessage m = decode("[{\"bn\":\"juba1-gen-1/\",\"bt\":" + T + ",\"bu\":\"kW\"},"
            + "{\"n\":\"power.active\",\"v\":7}]");

        assertThat(m.rejected()).singleElement().satisfies(r -> {
            assertThat(r.index()).isZero();
            assertThat(r.reason()).isEqualTo(RejectReason.MISSING_FIELD);
        });
        assertThat(m.readings()).containsExactly(new Reading("juba1-gen-1", "power.active",
            Instant.parse("2026-11-22T10:15:00Z"), 7, "kW", Quality.GOOD));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"n\":\"gen-1\",\"v\":1}",
        "{\"v\":1}",
        "{\"n\":\"/power.active\",\"v\":1}",
        "{\"n\":\"gen-1/\",\"v\":1}",
        "{\"n\":\"GEN-1/power.active\",\"v\":1}",
        "{\"n\":\"gen-1/power/active\",\"v\":1}",
        "{\"n\":\"urn:dev:mac:0024befffe804ff1/power.active\",\"v\":1}"
    })
    void namesThatAreNotAssetSlashMetricAreInvalidIds(String record) {
        singleRejection(decode(one(record)), RejectReason.INVALID_ID);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"n\":\"gen-1/power.active\",\"v\":true}",
        "{\"n\":\"gen-1/power.active\",\"v\":\"1\"}",
        "{\"n\":\"gen-1/power.active\",\"vb\":1}",
        "{\"n\":\"gen-1/power.active\",\"v\":1,\"t\":true}",
        "{\"n\":\"gen-1/power.active\",\"v\":1,\"t\":\"2026-11-22T10:15:00Z\"}",
        "{\"bt\":false,\"n\":\"gen-1/power.active\",\"v\":1}",
        "{\"bv\":true,\"n\":\"gen-1/power.active\",\"v\":1}",
        "{\"n\":7,\"v\":1}",
        "{\"bn\":[\"gen-1/\"],\"n\":\"power.active\",\"v\":1}",
        "{\"n\":\"gen-1/power.active\",\"u\":\"°C\",\"v\":1}",
        "[\"gen-1/power.active\",1]"
    })
    void fieldsOfTheWrongTypeAreWrongType(String record) {
        singleRejection(decode(one(record)), RejectReason.WRONG_TYPE);
    }

    @Test
    void aBadRecordIsRefusedAloneWithItsIndex() {
        DecodedMessage m = decode("[{\"bn\":\"gen-1/\",\"bt\":" + T + ",\"n\":\"power.active\",\"v\":1},"
            + "{\"n\":\"power.active\",\"t\":1,\"v\":NaN},{\"n\":\"power.active\",\"t\":2,\"v\":3}]");

        assertThat(m.readings()).extracting(Reading::value).containsExactly(1.0, 3.0);
        assertThat(m.rejected()).singleElement().satisfies(r -> {
            assertThat(r.index()).isEqualTo(1);
            assertThat(r.detail()).startsWith("senml[1]: ");
            assertThat(r.raw()).isEqualTo("{\"n\":\"power.active\",\"t\":1,\"v\":NaN}");
        });
    }

    @Test
    void anEmptyPackIsAValidMessageWithoutReadings() {
        assertThat(decode("[]").readings()).isEmpty();
    }

    @Test
    void fiveThousandRecordsAreDecodedOneMoreIsRefusedAsAWhole() {
        String record = "{\"n\":\"gen-1/power.active\",\"v\":1}";
        String atLimit = "[" + String.join(",", Collections.nCopies(5_000, record)) + "]";

        assertThat(decode(atLimit).readings()).hasSize(5_000);
        assertRefused("[" + record + "," + atLimit.substring(1), RejectReason.TOO_MANY_READINGS);
    }
}
