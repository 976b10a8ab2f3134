package org.smartcamp.simulator.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.smartcamp.ingest.wire.Reading;
import org.smartcamp.ingest.wire.TelemetryBatch;
import org.smartcamp.ingest.wire.TelemetryEncoder;
import org.smartcamp.ingest.wire.TopicAddress;
import org.smartcamp.ingest.wire.WireLimits;
import org.smartcamp.simulator.GatewaySummary;
import org.smartcamp.simulator.Pacer;
import org.smartcamp.simulator.ProgressListener;
import org.smartcamp.simulator.SimulationSummary;
import org.smartcamp.simulator.gateway.MqttTelemetrySink;
import org.smartcamp.simulator.gateway.OutgoingMessage;
import org.smartcamp.simulator.gateway.TelemetrySink;

/**
 * Republishes a recorded file of readings, keeping their event times. Readings go out in the file's order,
 * grouped per gateway into messages of consecutive readings sent at the same moment; the moment is the
 * recorded send time when the file has one (so outage backlogs replay as backlogs) and the latest event time
 * seen so far otherwise. Pacing follows those moments at the given speed.
 */
public final class Replayer {
    private final WireLimits limits;

    public Replayer() {
        this(WireLimits.V1);
    }

    public Replayer(WireLimits limits) {
        this.limits = limits;
    }

    /** Replays {@code options.file()} to the broker of the options. */
    public SimulationSummary run(ReplayOptions options, ProgressListener progress) throws InterruptedException {
        try (MqttTelemetrySink sink = new MqttTelemetrySink(options.mqtt());
             RecordingReader reader = new RecordingReader(options.file())) {
            return replay(reader, sink, options, progress);
        }
    }

    /** Replays what {@code reader} reads into {@code sink}; the caller closes both. */
    public SimulationSummary replay(RecordingReader reader, TelemetrySink sink, ReplayOptions options,
                                   ProgressListener progress) throws InterruptedException {
        long wallStart = System.nanoTime();
        Map<TopicAddress, Stats> stats = new LinkedHashMap<>();
        List<Reading> batch = new ArrayList<>();
        TopicAddress address = null;
        Instant moment = null;
        Instant first = null;
        Pacer pacer = null;
        int max = Math.min(options.batchSize(), limits.maxReadingsPerMessage());
        while (reader.hasNext()) {
            RecordedReading r = reader.next();
            TopicAddress a = new TopicAddress(r.mission() != null ? r.mission() : options.mission(), r.camp(),
                r.gateway() != null ? r.gateway() : options.gateway());
            Instant m = r.sent() != null ? r.sent() : moment == null || r.reading().ts().isAfter(moment)
                ? r.reading().ts() : moment;
            if (first == null) {
                first = m;
                pacer = new Pacer(options.speed(), first);
            }
            if (!batch.isEmpty() && (!a.equals(address) || !m.equals(moment) || batch.size() >= max)) {
                send(sink, pacer, address, moment, batch, stats, progress);
                batch = new ArrayList<>();
            }
            address = a;
            moment = m;
            batch.add(r.reading());
        }
        if (!batch.isEmpty()) {
            send(sink, pacer, address, moment, batch, stats, progress);
        }
        List<GatewaySummary> gateways = new ArrayList<>();
        stats.forEach((a, s) -> gateways.add(new GatewaySummary(a, s.messages, s.readings, 0, 0, 0)));
        return new SimulationSummary(options.file().getFileName().toString(), first, moment, gateways,
            Duration.ofNanos(System.nanoTime() - wallStart));
    }

    private void send(TelemetrySink sink, Pacer pacer, TopicAddress address, Instant moment, List<Reading> batch,
                      Map<TopicAddress, Stats> stats, ProgressListener progress) throws InterruptedException {
        Stats s = stats.computeIfAbsent(address, x -> new Stats());
        pacer.await(moment);
        TelemetryBatch b = new TelemetryBatch(s.messages, moment, batch);
        byte[] payload = TelemetryEncoder.encode(b);
        if (payload.length > limits.maxPayloadBytes() && batch.size() > 1) {
            int half = batch.size() / 2;
            send(sink, pacer, address, moment, batch.subList(0, half), stats, progress);
            send(sink, pacer, address, moment, batch.subList(half, batch.size()), stats, progress);
            return;
        }
        sink.send(new OutgoingMessage(address, b, payload, false));
        s.messages++;
        s.readings += batch.size();
        if (s.messages % 1000 == 0) {
            long readings = stats.values().stream().mapToLong(x -> x.readings).sum();
            long messages = stats.values().stream().mapToLong(x -> x.messages).sum();
            progress.onProgress(new ProgressListener.Progress(moment, Double.NaN, readings, messages));
        }
    }

    private static final class Stats {
        private long messages;
        private long readings;
    }
}
