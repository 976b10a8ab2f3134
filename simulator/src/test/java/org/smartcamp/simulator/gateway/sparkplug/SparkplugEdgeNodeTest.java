package org.smartcamp.simulator.gateway.sparkplug;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.tahu.message.SparkplugBPayloadDecoder;
import org.eclipse.tahu.message.SparkplugBPayloadEncoder;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.MetricDataType;
import org.eclipse.tahu.message.model.SparkplugBPayload;
import org.junit.jupiter.api.Test;
import org.smartcamp.ingest.wire.Quality;
import org.smartcamp.ingest.wire.Reading;
import org.smartcamp.simulator.gateway.sparkplug.SparkplugEdgeNode.Publication;

/** What the edge node publishes, decoded with Eclipse Tahu's own decoder. */
class SparkplugEdgeNodeTest {
    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final SparkplugTopics TOPICS = new SparkplugTopics("unmiss", "juba1");

    private final SparkplugEdgeNode node = new SparkplugEdgeNode(TOPICS);

    @Test
    void nbirthHasSequenceZeroTheBdSeqAndTheRebirthControlWithNamesAliasesAndTypes() throws Exception {
        List<Publication> births = node.births(7, T0);

        assertThat(births).singleElement().extracting(Publication::topic).isEqualTo("spBv1.0/unmiss/NBIRTH/juba1");
        SparkplugBPayload nbirth = decode(births.get(0));
        assertThat(nbirth.getSeq()).isZero();
        Metric bdSeq = metric(nbirth, SparkplugEdgeNode.BD_SEQ);
        assertThat(bdSeq.getDataType()).isEqualTo(MetricDataType.Int64);
        assertThat(bdSeq.getValue()).isEqualTo(7L);
        Metric rebirth = metric(nbirth, SparkplugEdgeNode.REBIRTH);
        assertThat(rebirth.getDataType()).isEqualTo(MetricDataType.Boolean);
        assertThat(nbirth.getMetrics()).allSatisfy(m -> assertThat(m.getAlias()).isNotNull());
    }

    @Test
    void aNewDeviceIsBornWithEveryMetricThenItsDataGoesByAliasWithEventTimes() throws Exception {
        node.births(0, T0);
        List<Reading> readings = List.of(reading("gen-1", "power.active", 0, 42.5, "kW"),
            reading("gen-1", "engine.running", 0, 1, "bool"), reading("gen-1", "power.active", 60, 43.0, "kW"));

        List<Publication> out = node.data("gen-1", readings, false, T0.plusSeconds(60));

        assertThat(out).extracting(Publication::topic).containsExactly("spBv1.0/unmiss/DBIRTH/juba1/gen-1",
            "spBv1.0/unmiss/DDATA/juba1/gen-1");
        SparkplugBPayload dbirth = decode(out.get(0));
        assertThat(dbirth.getSeq()).isEqualTo(1);
        Metric power = metric(dbirth, "power.active");
        Metric running = metric(dbirth, "engine.running");
        assertThat(power.getDataType()).isEqualTo(MetricDataType.Double);
        assertThat(running.getDataType()).isEqualTo(MetricDataType.Boolean);
        assertThat(power.getAlias()).isNotEqualTo(running.getAlias());

        SparkplugBPayload ddata = decode(out.get(1));
        assertThat(ddata.getSeq()).isEqualTo(2);
        assertThat(out.get(1).readings()).isEqualTo(3);
        assertThat(ddata.getMetrics()).allSatisfy(m -> {
            assertThat(m.getName()).isNull();
            assertThat(m.isHistorical()).isFalse();
        });
        assertThat(ddata.getMetrics()).extracting(Metric::getAlias).containsExactly(power.getAlias(),
            running.getAlias(), power.getAlias());
        assertThat(ddata.getMetrics()).extracting(Metric::getTimestamp).containsExactly(Date.from(T0),
            Date.from(T0), Date.from(T0.plusSeconds(60)));
        assertThat(ddata.getMetrics()).extracting(Metric::getValue).containsExactly(42.5, true, 43.0);
    }

    @Test
    void aliasesAreUniqueAcrossTheDevicesOfTheNodeAndANewMetricBringsANewDbirth() throws Exception {
        node.births(0, T0);
        node.data("gen-1", List.of(reading("gen-1", "power.active", 0, 1, "kW")), false, T0);
        node.data("tank-1", List.of(reading("tank-1", "fuel.level", 0, 1, "mm")), false, T0);
        List<Publication> more = node.data("gen-1", List.of(reading("gen-1", "power.active", 60, 2, "kW"),
            reading("gen-1", "fuel.rate", 60, 3, "L/h")), false, T0);

        assertThat(more).extracting(Publication::topic).first().asString().contains("/DBIRTH/");
        List<Publication> rebirth = node.births(1, T0);
        assertThat(rebirth).extracting(Publication::topic).containsExactly("spBv1.0/unmiss/NBIRTH/juba1",
            "spBv1.0/unmiss/DBIRTH/juba1/gen-1", "spBv1.0/unmiss/DBIRTH/juba1/tank-1");
        Set<Long> aliases = new HashSet<>();
        List<String> names = new ArrayList<>();
        for (Publication p : rebirth) {
            for (Metric m : decode(p).getMetrics()) {
                assertThat(aliases.add(m.getAlias())).as("alias of %s is unique", m.getName()).isTrue();
                names.add(m.getName());
            }
        }
        assertThat(names).contains("power.active", "fuel.rate", "fuel.level");
        assertThat(decode(rebirth.get(1)).getMetrics()).extracting(Metric::getValue).containsExactly(2.0, 3.0);
    }

    @Test
    void theSequenceNumberCountsEveryMessageAndWrapsFrom255ToZero() throws Exception {
        node.births(0, T0);
        List<Long> seqs = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            for (Publication p : node.data("gen-1", List.of(reading("gen-1", "power.active", i, i, "kW")), false,
                    T0)) {
                seqs.add(decode(p).getSeq());
            }
        }
        assertThat(seqs).hasSize(301);
        for (int i = 0; i < seqs.size(); i++) {
            assertThat(seqs.get(i)).as("message %d after NBIRTH", i + 1).isEqualTo((i + 1) % 256L);
        }
        assertThat(seqs.get(254)).isEqualTo(255);
        assertThat(seqs.get(255)).isZero();
        assertThat(decode(node.births(1, T0).get(0)).getSeq()).as("a rebirth starts again at 0").isZero();
    }

    @Test
    void backlogDataIsHistoricalWithItsOriginalTimes() throws Exception {
        node.births(0, T0);
        node.data("gen-1", List.of(reading("gen-1", "power.active", 0, 1, "kW")), false, T0);

        Publication ddata = node.data("gen-1", List.of(reading("gen-1", "power.active", 600, 2, "kW"),
            reading("gen-1", "power.active", 660, 3, "kW")), true, T0.plusSeconds(7200)).get(0);

        SparkplugBPayload p = decode(ddata);
        assertThat(p.getTimestamp()).isEqualTo(Date.from(T0.plusSeconds(7200)));
        assertThat(p.getMetrics()).allSatisfy(m -> assertThat(m.isHistorical()).isTrue());
        assertThat(p.getMetrics()).extracting(Metric::getTimestamp).containsExactly(Date.from(T0.plusSeconds(600)),
            Date.from(T0.plusSeconds(660)));
    }

    @Test
    void deathsCarryTheBdSeqAndDeviceDeathsASequenceNumber() throws Exception {
        node.births(3, T0);
        node.data("gen-1", List.of(reading("gen-1", "power.active", 0, 1, "kW")), false, T0);

        List<Publication> ddeaths = node.deviceDeaths(T0);
        Publication ndeath = node.nodeDeath(3, T0);

        assertThat(ddeaths).singleElement().extracting(Publication::topic)
            .isEqualTo("spBv1.0/unmiss/DDEATH/juba1/gen-1");
        assertThat(decode(ddeaths.get(0)).getSeq()).isEqualTo(3);
        assertThat(ndeath.topic()).isEqualTo("spBv1.0/unmiss/NDEATH/juba1");
        SparkplugBPayload death = decode(ndeath);
        assertThat(death.getSeq()).isNull();
        assertThat(metric(death, SparkplugEdgeNode.BD_SEQ).getValue()).isEqualTo(3L);
    }

    @Test
    void onlyAnNcmdSettingRebirthToTrueAsksForARebirth() throws Exception {
        assertThat(SparkplugEdgeNode.isRebirthRequest(command(true))).isTrue();
        assertThat(SparkplugEdgeNode.isRebirthRequest(command(false))).isFalse();
        assertThat(SparkplugEdgeNode.isRebirthRequest(new byte[] {(byte) 0xff, 1, 2})).isFalse();
    }

    @Test
    void dataBeforeTheBirthIsRefused() {
        assertThatThrownBy(() -> node.data("gen-1", List.of(reading("gen-1", "power.active", 0, 1, "kW")), false,
            T0)).isInstanceOf(IllegalStateException.class).hasMessageContaining("NBIRTH");
    }

    /** An NCMD as a host application builds it with Tahu's encoder. */
    static byte[] command(boolean rebirth) throws Exception {
        SparkplugBPayload p = new SparkplugBPayload(new Date(), List.of(new Metric.MetricBuilder(
            SparkplugEdgeNode.REBIRTH, MetricDataType.Boolean, rebirth).createMetric()));
        return new SparkplugBPayloadEncoder().getBytes(p, false);
    }

    static SparkplugBPayload decode(Publication p) throws Exception {
        return new SparkplugBPayloadDecoder().buildFromByteArray(p.payload(), null);
    }

    private static Metric metric(SparkplugBPayload p, String name) {
        return p.getMetrics().stream().filter(m -> name.equals(m.getName())).findFirst().orElseThrow();
    }

    private static Reading reading(String asset, String metric, int second, double value, String unit) {
        return new Reading(asset, metric, T0.plusSeconds(second), value, unit, Quality.GOOD);
    }
}
