package org.smartcamp.deploy.faults;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.smartcamp.simulator.gateway.MqttPublisherConfig;
import org.smartcamp.simulator.gateway.MqttTelemetrySink;
import org.smartcamp.simulator.gateway.OutgoingMessage;
import org.smartcamp.simulator.gateway.SparkplugTelemetrySink;
import org.smartcamp.simulator.gateway.TelemetrySink;
import org.smartcamp.simulator.gateway.WireProtocol;

/**
 * Gateways publishing a list of messages on a thread of their own, through the simulator's gateway client (one
 * persistent QoS 1 session per gateway, a bounded window, reconnects and resends what the broker did not
 * acknowledge), flat out or paced at a number of readings per second. With {@link WireProtocol#SPARKPLUG} each camp
 * publishes as a Sparkplug B edge node instead (births, data by alias, one sequence, births again after a
 * reconnection or when the ingest asks).
 */
final class Feed {
    private final List<OutgoingMessage> messages;
    private final double perSecond;
    private final boolean byMessages;
    private final MqttPublisherConfig config;
    private final WireProtocol protocol;
    private final AtomicLong sentReadings = new AtomicLong();
    private final AtomicLong sentMessages = new AtomicLong();
    private final CompletableFuture<Duration> done = new CompletableFuture<>();

    /**
     * @param messages   what to publish, in order (made as they are published when the list is a generated one)
     * @param perSecond  pacing, readings or messages per second, or 0 for as fast as the broker takes
     * @param byMessages pace by messages: each takes the same time whatever it holds (a hostile message refused as
     *                   a whole carries no readings, and would otherwise go out at once)
     * @param protocol   what the gateways publish with
     */
    Feed(String mqttUrl, String clientPrefix, List<OutgoingMessage> messages, double perSecond, boolean byMessages,
         WireProtocol protocol) {
        this.protocol = protocol;
        this.messages = messages;
        this.perSecond = perSecond;
        this.byMessages = byMessages;
        this.config = new MqttPublisherConfig(mqttUrl, clientPrefix, null, null, Duration.ofHours(1), 20,
            Duration.ofSeconds(60));
    }

    /** Starts publishing. */
    Feed start() {
        Thread t = new Thread(this::run, "fault-feed");
        t.setDaemon(true);
        t.start();
        return this;
    }

    private void run() {
        long start = System.nanoTime();
        try (TelemetrySink sink = protocol == WireProtocol.SPARKPLUG ? new SparkplugTelemetrySink(config)
                : new MqttTelemetrySink(config)) {
            double unitNanos = perSecond > 0 ? 1e9 / perSecond : 0;
            double due = 0;
            for (OutgoingMessage m : messages) {
                LockSupport.parkNanos(start + (long) due - System.nanoTime());
                sink.send(m);
                sentMessages.incrementAndGet();
                sentReadings.addAndGet(m.batch().readings().size());
                due += (byMessages ? 1 : m.batch().readings().size()) * unitNanos;
            }
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
            return;
        }
        done.complete(Duration.ofNanos(System.nanoTime() - start));
    }

    /** Readings handed to the gateways' clients so far (resent ones count again). */
    long sentReadings() {
        return sentReadings.get();
    }

    long sentMessages() {
        return sentMessages.get();
    }

    boolean isDone() {
        return done.isDone();
    }

    /**
     * Waits until the broker acknowledged every message.
     *
     * @return how long publishing took
     * @throws IllegalStateException when a gateway failed (the cause says why) or {@code timeout} passed
     */
    Duration await(Duration timeout) throws InterruptedException {
        try {
            return done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the gateways did not finish publishing: " + e, e);
        }
    }
}
