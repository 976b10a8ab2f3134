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
        Shape shape = new Shape(mission, total, perMessage, gateways, now);
        List<Message> messages = new ArrayList<>((int) shape.messages());
        for (long seq = 0; seq < shape.messages(); seq++) {
            messages.add(shape.message(seq));
        }
        return new Workload(mission, messages, total);
    }

    /**
     * The workload of {@link #create} as a function of the message's index, so that a stream too long to hold
     * can be made one message at a time and checked by arithmetic: message {@code seq} is gateway
     * {@code seq % gateways}'s {@code seq / gateways}-th, and holds that gateway's readings (ticks)
     * {@code perMessage * (seq / gateways)} onwards (every message is full but the last). Tick {@code k} of a
     * gateway is asset {@code (k % 50) / 5}, metric {@code k % 5}, event time {@link #start} + {@code k / 50} s,
     * value {@link #value}.
     *
     * @param total readings in all messages
     */
    public record Shape(String mission, long total, int perMessage, int gateways, Instant now) {
        /** Readings of one gateway per second of event time. */
        public static final int PER_TICK = ASSETS_PER_GATEWAY * METRICS.length;
        /** Assets of each gateway. */
        public static final int ASSETS = ASSETS_PER_GATEWAY;

        public long messages() {
            return (total + perMessage - 1) / perMessage;
        }

        /** The first event time: at least an hour before {@code now}, the stream ending an hour before it. */
        public Instant start() {
            return now.minusSeconds(Math.max(3600, total / ((long) gateways * PER_TICK) + 3600));
        }

        /** Readings of message {@code seq}. */
        public int readings(long seq) {
            return (int) Math.min(perMessage, total - seq * perMessage);
        }

        /** Message {@code seq}, encoded. */
        public Message message(long seq) {
            int g = (int) (seq % gateways);
            int n = readings(seq);
            long first = seq / gateways * perMessage;
            Instant start = start();
            List<Reading> readings = new ArrayList<>(n);
            for (long k = first; k < first + n; k++) {
                int slot = (int) (k % PER_TICK);
                readings.add(new Reading(asset(g, slot / METRICS.length), METRICS[slot % METRICS.length],
                    start.plusSeconds(k / PER_TICK), value(k), null, org.smartcamp.ingest.wire.Quality.GOOD));
            }
            TopicAddress address = new TopicAddress(mission, "camp-" + g, "gw-" + g);
            byte[] payload = TelemetryEncoder.encode(new TelemetryBatch(seq, now, readings));
            return new Message(g, address.telemetryTopic(), payload, n, readings);
        }

        /** The value of a gateway's tick {@code k}. */
        public static double value(long k) {
            return 100 + (k % 977) / 10.0;
        }

        /** The tick of asset {@code assetIndex}, metric {@code metricIndex}, {@code second}s after {@link #start}. */
        public static long tick(int assetIndex, int metricIndex, long second) {
            return second * PER_TICK + (long) assetIndex * METRICS.length + metricIndex;
        }

        /** The metric names, by index. */
        public static List<String> metrics() {
            return List.of(METRICS);
        }

        /** The asset id of {@code gateway}'s asset {@code index}. */
        public String asset(int gateway, int index) {
            return Workload.asset(mission, gateway, index);
        }
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
