package org.smartcamp.simulator.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smartcamp.ingest.wire.Reading;
import org.smartcamp.ingest.wire.TopicAddress;
import org.smartcamp.ingest.wire.WireLimits;
import org.smartcamp.simulator.scenario.GatewaySpec;

class GatewayTest {
    private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
    private static final TopicAddress ADDRESS = new TopicAddress("m1", "c1", "gw-1");

    @Test
    void messagesStayWithinTheReadingAndPayloadLimitsWithConsecutiveSequenceNumbers() {
        WireLimits small = new WireLimits(4_000, 5_000, Duration.ofDays(90), Duration.ofMinutes(5), 1e12);
        Gateway gw = new Gateway(new GatewaySpec("gw-1", Duration.ofMinutes(1), 100), ADDRESS, T0, small, List.of(),
            List.of());
        for (int i = 0; i < 250; i++) {
            gw.offer(Reading.of("c1-gen-1", "power.active", T0.plusSeconds(i), i));
        }

        List<OutgoingMessage> out = gw.tick(T0);

        assertThat(out).allMatch(m -> m.payload().length <= 4_000 && m.batch().readings().size() <= 100);
        assertThat(out.stream().mapToInt(m -> m.batch().readings().size()).sum()).isEqualTo(250);
        assertThat(out.stream().map(m -> m.batch().seq()).toList())
            .isEqualTo(java.util.stream.LongStream.range(0, out.size()).boxed().toList());
        assertThat(gw.readingsSent()).isEqualTo(250);
    }

    @Test
    void whileDownItSendsNothingAndAfterwardsTheBacklogWithOriginalTimes() {
        Gateway gw = new Gateway(new GatewaySpec("gw-1", Duration.ofMinutes(1), 1000), ADDRESS, T0, WireLimits.V1,
            List.of(new Gateway.Window(T0.plusSeconds(60), T0.plusSeconds(600))), List.of());
        List<OutgoingMessage> sent = new ArrayList<>();
        for (int s = 0; s <= 660; s += 60) {
            gw.offer(Reading.of("c1-gen-1", "power.active", T0.plusSeconds(s), s));
            sent.addAll(gw.tick(T0.plusSeconds(s)));
        }

        assertThat(sent).extracting(m -> m.batch().sent()).containsExactly(T0, T0.plusSeconds(600),
            T0.plusSeconds(660));
        assertThat(sent.get(1).batch().readings()).extracting(Reading::ts)
            .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 10)
                .mapToObj(i -> T0.plusSeconds(60L * i)).toList());
        assertThat(sent).extracting(OutgoingMessage::backlog).containsExactly(false, true, false);
        assertThat(gw.outageReports()).singleElement().satisfies(w -> {
            assertThat(w.backlogReadings()).isEqualTo(10);
            assertThat(w.deliveredAt()).isEqualTo(T0.plusSeconds(600));
        });
    }
}
