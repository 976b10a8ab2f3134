package org.smartcamp.ingest.pipeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;
import java.util.function.IntSupplier;
import org.smartcamp.ingest.wire.RejectReason;

/** {@link IngestMetrics} in Micrometer; every meter is created here with its description. */
public final class MicrometerIngestMetrics implements IngestMetrics {
    private final MeterRegistry registry;
    private final Counter messages;
    private final Counter bytes;
    private final Counter received;
    private final Counter stored;
    private final Counter duplicates;
    private final Counter storeFailures;
    private final DistributionSummary batchSize;
    private final Timer batchLatency;
    private final Map<RejectReason, Counter> deadLetters = new EnumMap<>(RejectReason.class);

    public MicrometerIngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        messages = Counter.builder("smartcamp.ingest.messages.received")
            .description("Telemetry messages received from the broker").register(registry);
        bytes = Counter.builder("smartcamp.ingest.payload.received").baseUnit("bytes")
            .description("Payload bytes received from the broker").register(registry);
        received = Counter.builder("smartcamp.ingest.readings.received")
            .description("Readings received, valid or not").register(registry);
        stored = Counter.builder("smartcamp.ingest.readings.stored")
            .description("Readings newly committed to the store").register(registry);
        duplicates = Counter.builder("smartcamp.ingest.readings.duplicates")
            .description("Readings skipped because the same asset, metric and event time was stored already")
            .register(registry);
        storeFailures = Counter.builder("smartcamp.ingest.store.failures")
            .description("Batches whose commit failed and was retried").register(registry);
        batchSize = DistributionSummary.builder("smartcamp.ingest.batch.size").baseUnit("readings")
            .description("Readings per committed batch").publishPercentiles(0.5, 0.99).register(registry);
        batchLatency = Timer.builder("smartcamp.ingest.batch.latency")
            .description("Time to commit one batch").publishPercentiles(0.5, 0.99).register(registry);
        for (RejectReason reason : RejectReason.values()) {
            deadLetters.put(reason, Counter.builder("smartcamp.ingest.deadletters")
                .description("Messages or readings put in the dead-letter table, by reason")
                .tag("reason", reason.code()).register(registry));
        }
    }

    @Override
    public void messageReceived(int payloadBytes) {
        messages.increment();
        bytes.increment(payloadBytes);
    }

    @Override
    public void readingsReceived(int count) {
        received.increment(count);
    }

    @Override
    public void batchCommitted(int storedCount, int duplicateCount, int messageCount, Duration latency) {
        stored.increment(storedCount);
        duplicates.increment(duplicateCount);
        batchSize.record(storedCount + duplicateCount);
        batchLatency.record(latency);
    }

    @Override
    public void deadLettered(RejectReason reason, int count) {
        deadLetters.get(reason).increment(count);
    }

    @Override
    public void storeFailed() {
        storeFailures.increment();
    }

    @Override
    public void registerQueueDepth(IntSupplier depth) {
        Gauge.builder("smartcamp.ingest.queue.depth", depth::getAsInt)
            .description("Messages received and not yet acknowledged (bounded by the MQTT receive maximum)")
            .register(registry);
    }

    @Override
    public void registerBrokerConnected(BooleanSupplier connected) {
        Gauge.builder("smartcamp.ingest.broker.connected", () -> connected.getAsBoolean() ? 1 : 0)
            .description("1 while the broker connection is up, else 0").register(registry);
    }

    @Override
    public void registerStalled(DoubleSupplier seconds) {
        Gauge.builder("smartcamp.ingest.stalled", seconds::getAsDouble).baseUnit("seconds")
            .description("How long messages have waited with no batch committed; 0 while none waits or commits go"
                + " on. Readiness is DOWN from ingest.stuckAfter on")
            .register(registry);
    }
}
