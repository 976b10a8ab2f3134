package org.smartcamp.analytics.job;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.smartcamp.ingest.store.ReceivedMessage;
import org.smartcamp.ingest.store.TelemetryStore;
import org.smartcamp.ingest.store.WriteBatch;
import org.smartcamp.ingest.wire.DecodedMessage;
import org.smartcamp.ingest.wire.PayloadFormat;
import org.smartcamp.simulator.ProgressListener;
import org.smartcamp.simulator.SimulationResult;
import org.smartcamp.simulator.SimulationRunner;
import org.smartcamp.simulator.Speed;
import org.smartcamp.simulator.gateway.OutgoingMessage;
import org.smartcamp.simulator.gateway.TelemetrySink;
import org.smartcamp.simulator.scenario.Scenario;
import org.smartcamp.simulator.scenario.ScenarioLoader;
import org.smartcamp.simulator.truth.GroundTruth;

/**
 * A bundled scenario's messages in the order its gateways sent them (outage backlogs and resends included), fed to
 * the ingest's store as they would have arrived: each message received when it was sent.
 */
final class SimulatedFeed {
    private final Scenario scenario;
    private final GroundTruth truth;
    private final List<OutgoingMessage> messages;
    private int next;

    private SimulatedFeed(Scenario scenario, GroundTruth truth, List<OutgoingMessage> messages) {
        this.scenario = scenario;
        this.truth = truth;
        this.messages = messages;
    }

    static SimulatedFeed run(String name, Duration duration) throws InterruptedException {
        Scenario base = ScenarioLoader.load(name);
        Scenario scenario = base.with(null, null, duration);
        List<OutgoingMessage> sent = new ArrayList<>();
        TelemetrySink sink = new TelemetrySink() {
            @Override
            public void send(OutgoingMessage message) {
                sent.add(message);
            }

            @Override
            public void close() {
            }
        };
        SimulationResult result = new SimulationRunner().run(scenario, sink, Speed.MAX, ProgressListener.NONE);
        return new SimulatedFeed(scenario, result.truth(), sent);
    }

    Scenario scenario() {
        return scenario;
    }

    GroundTruth truth() {
        return truth;
    }

    /** Writes the messages sent up to {@code t} not written yet, in batches of 20; returns readings offered. */
    int writeUntil(TelemetryStore store, Instant t) {
        int readings = 0;
        List<ReceivedMessage> batch = new ArrayList<>();
        while (next < messages.size() && !messages.get(next).batch().sent().isAfter(t)) {
            OutgoingMessage m = messages.get(next++);
            batch.add(new ReceivedMessage(m.address().telemetryTopic(), m.batch().sent(), m.payload(),
                new DecodedMessage(m.address(), PayloadFormat.SMARTCAMP_JSON, m.batch().seq(), m.batch().sent(),
                    m.batch().readings(), List.of())));
            readings += m.batch().readings().size();
            if (batch.size() == 20) {
                store.write(new WriteBatch(batch, List.of()));
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            store.write(new WriteBatch(batch, List.of()));
        }
        return readings;
    }
}
