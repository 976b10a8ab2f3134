package org.smartcamp.deploy.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.smartcamp.ingest.wire.Reading;
import org.smartcamp.ingest.wire.TelemetryBatch;
import org.smartcamp.ingest.wire.TelemetryEncoder;
import org.smartcamp.ingest.wire.TopicAddress;

/**
 * The message mix every phase of the bench uses: gateway batches as camps send them (each gateway reports ten
 * assets with several metrics, a batch per uplink), every reading unique, so the row count proves delivery.
 *
 * @param mission   mission id of the topics
 * @param messages  the encoded messages, in publishing order per gateway
 * @param readings  readings in all messages
 */
public record Workload(String mission, List<Message> messages, long readings) {
    static final String[] METRICS = {"power.active", "power.apparent", "power.factor", "engine.coolant_temp",
        "fuel.rate"};
    static final int ASSETS_PER_GATEWAY = 10;

    /** One MQTT message of one gateway. */
    public record Message(int gateway, String topic, byte[] payload, int readings, List<Reading> content) {
    }

    /**
     * Builds {@code total} readings in messages of {@code perMessage} readings spread over {@code gateways}
     * gateways, with event times in the hours before {@code now}.
     */
    public static Workload create(String mission, long total, int perMessage, int gateways, Instant now) {
        List<Message> messages = new ArrayList<>();
        long made = 0;
        int seq = 0;
        int perTick = ASSETS_PER_GATEWAY * METRICS.length;
        Instant start = now.minusSeconds(Math.max(3600, total / ((long) gateways * perTick) + 3600));
        long[] tick = new long[gateways];
        while (made < total) {
            int g = seq % gateways;
            int n = (int) Math.min(perMessage, total - made);
            List<Reading> readings = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                long k = tick[g]++;
                int slot = (int) (k % perTick);
                Instant ts = start.plusSeconds(k / perTick);
                readings.add(new Reading(asset(mission, g, slot / METRICS.length), METRICS[slot % METRICS.length], ts,
                    100 + (k % 977) / 10.0, null, org.smartcamp.ingest.wire.Quality.GOOD));
            }
            TopicAddress address = new TopicAddress(mission, "camp-" + g, "gw-" + g);
            byte[] payload = TelemetryEncoder.encode(new TelemetryBatch(seq, now, readings));
            messages.add(new Message(g, address.telemetryTopic(), payload, n, readings));
            made += n;
            seq++;
        }
        return new Workload(mission, messages, made);
    }

    static String asset(String mission, int gateway, int index) {
        return mission + "-g" + gateway + "-a" + index;
    }

    /** Messages of one gateway, in order. */
    List<Message> of(int gateway) {
        return messages.stream().filter(m -> m.gateway() == gateway).toList();
    }

    /** Bytes of all payloads. */
    long bytes() {
        return messages.stream().mapToLong(m -> m.payload().length).sum();
    }
}
