package org.smartcamp.deploy.accuracy;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.smartcamp.ingest.mqtt.InboundMessage;
import org.smartcamp.ingest.pipeline.IngestPipeline;
import org.smartcamp.simulator.gateway.OutgoingMessage;
import org.smartcamp.simulator.gateway.TelemetrySink;
import org.smartcamp.simulator.gateway.TelemetrySinkException;

/**
 * Hands simulated gateway messages to the ingest's own pipeline (decode, validate, batch, COPY, deduplicate)
 * as if they had come from the broker, without the network: every message arrives when its gateway sent it,
 * so a backlog after a link outage arrives late and a resend arrives twice, exactly as in a camp. Blocks while
 * the pipeline holds {@code maxUnacknowledged} messages, as the broker's receive maximum would.
 */
final class PipelineSink implements TelemetrySink {
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(5);
    private final IngestPipeline pipeline;
    private final int maxUnacknowledged;
    private int nextId = 1;

    PipelineSink(IngestPipeline pipeline, int maxUnacknowledged) {
        this.pipeline = pipeline;
        this.maxUnacknowledged = maxUnacknowledged;
    }

    @Override
    public void send(OutgoingMessage message) {
        while (pipeline.unacknowledged() >= maxUnacknowledged) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TelemetrySinkException("interrupted while the ingest pipeline was full", e);
            }
        }
        int id = nextId;
        nextId = nextId == 65_535 ? 1 : nextId + 1;
        pipeline.offer(new InboundMessage(message.address().telemetryTopic(), message.payload(), id, 1, 0,
            message.batch().sent()));
    }

    @Override
    public void close() {
        try {
            pipeline.drain(DRAIN_TIMEOUT).toCompletionStage().toCompletableFuture()
                .get(DRAIN_TIMEOUT.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TelemetrySinkException("interrupted while draining the ingest pipeline", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new TelemetrySinkException("the ingest pipeline did not drain: " + e.getMessage(), e);
        }
        if (pipeline.unacknowledged() > 0) {
            throw new TelemetrySinkException(pipeline.unacknowledged() + " messages were not committed", null);
        }
    }
}
