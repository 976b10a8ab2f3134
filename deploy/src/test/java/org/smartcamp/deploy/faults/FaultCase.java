package org.smartcamp.deploy.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.smartcamp.deploy.bench.IngestChild;
import org.smartcamp.simulator.gateway.OutgoingMessage;
import org.smartcamp.simulator.gateway.WireProtocol;

/** One case of the suite: its mission, its database, the messages it publishes and what they add up to. */
final class FaultCase implements AutoCloseable {
    private static final Duration EVERY = Duration.ofMillis(250);

    /** Makes the messages of a case. */
    @FunctionalInterface
    interface Messages {
        List<OutgoingMessage> make(String mission, long readings, Instant now);
    }

    final String mission;
    final CaseStore store;
    final List<OutgoingMessage> messages;
    final Ledger ledger;
    private final FaultEnvironment env;
    private final FaultProfile profile;
    private final WireProtocol protocol;
    private final long before;
    private final List<IngestChild> started = new ArrayList<>();
    private Feed feed;

    /** A case in a mission and database of its own; {@code make} gets the profile's stream size and now. */
    FaultCase(FaultEnvironment env, FaultProfile profile, String name, Messages make) throws Exception {
        this(env, profile, FaultEnvironment.mission(name), null, make, WireProtocol.SMARTCAMP);
    }

    /** The same, the gateways publishing with {@code protocol} (Sparkplug B: each camp an edge node). */
    FaultCase(FaultEnvironment env, FaultProfile profile, String name, WireProtocol protocol, Messages make)
            throws Exception {
        this(env, profile, FaultEnvironment.mission(name), null, make, protocol);
    }

    private FaultCase(FaultEnvironment env, FaultProfile profile, String mission, FaultCase before, Messages make,
                      WireProtocol protocol) throws Exception {
        this.env = env;
        this.profile = profile;
        this.protocol = protocol;
        this.mission = mission;
        this.store = before == null ? env.store(mission) : before.store;
        this.messages = make.make(mission, profile.streamReadings(), Instant.now().truncatedTo(ChronoUnit.SECONDS));
        MessageLedger all = new MessageLedger();
        if (before != null) {
            all.add(before.messages);
        }
        this.before = all.readings();
        all.add(messages);
        this.ledger = all;
    }

    private FaultCase(FaultEnvironment env, FaultProfile profile, String mission, GeneratedStream stream)
            throws Exception {
        this.env = env;
        this.profile = profile;
        this.protocol = WireProtocol.SMARTCAMP;
        this.mission = mission;
        this.store = env.store(mission);
        this.messages = stream;
        this.ledger = stream;
        this.before = 0;
    }

    /**
     * A case in a mission and database of its own whose messages {@code make} generates one at a time as they are
     * published, for streams too long to hold ({@code make} gets the mission).
     */
    static FaultCase generated(FaultEnvironment env, FaultProfile profile, String name,
                               Function<String, GeneratedStream> make) throws Exception {
        String mission = FaultEnvironment.mission(name);
        return new FaultCase(env, profile, mission, make.apply(mission));
    }

    /** More messages into the same mission and database; its ledger holds both. */
    FaultCase next(Messages make) throws Exception {
        return new FaultCase(env, profile, mission, this, make, protocol);
    }

    /** Starts an ingest on this case's mission and database ({@code settings}: extra SMARTCAMP_* variables). */
    IngestChild ingest(String clientId, Map<String, String> settings) throws Exception {
        Map<String, String> all = new java.util.HashMap<>(protocolSettings());
        all.putAll(settings);
        IngestChild child = env.ingest(store, mission, clientId, all);
        started.add(child);
        return child;
    }

    /** What the ingest needs to read this case's protocol: Sparkplug B on, for this case's group (mission) only. */
    private Map<String, String> protocolSettings() {
        return protocol == WireProtocol.SPARKPLUG
            ? Map.of("SMARTCAMP_SPARKPLUG_ENABLED", "true", "SMARTCAMP_SPARKPLUG_GROUP", mission) : Map.of();
    }

    /** Starts the one ingest of a case, client id {@code ingest-{mission}}. */
    IngestChild ingest() throws Exception {
        return ingest("ingest-" + mission, Map.of());
    }

    /** Gateways ready to publish this case's messages (not started yet), paced by readings. */
    Feed feed(double readingsPerSecond) {
        feed = new Feed(env.broker().url(), "gw-" + mission + "-", messages, readingsPerSecond, false, protocol);
        return feed;
    }

    /**
     * Gateways ready to publish this case's messages paced by messages, hostile ones included, so that the stream
     * lasts {@code messages / messagesPerSecond} whatever the messages hold.
     */
    Feed feedByMessages(double messagesPerSecond) {
        feed = new Feed(env.broker().url(), "gw-" + mission + "-", messages, messagesPerSecond, true, protocol);
        return feed;
    }

    /** Samples the latest feed (after what earlier cases published) and the store while {@code ingests} run. */
    Sampler sample(List<IngestChild> ingests) {
        return sample(ingests, store::rows);
    }

    /** The same, with {@code stored} telling how many readings are stored (-1: cannot tell now). */
    Sampler sample(List<IngestChild> ingests, LongSupplier stored) {
        return new Sampler(() -> before + (feed == null ? 0 : feed.sentReadings()), stored, () -> ingests, EVERY);
    }

    /** A report of this case: the outcome and the memory of {@code ingest}; the samples go beside it as CSV. */
    FaultReport report(String title, Sampler sampler, IngestChild ingest) throws Exception {
        sampler.write(env.workDir().resolve(mission + "-samples.csv"));
        return new FaultReport(title, profile).outcome(store.outcome(ledger), ledger.messages())
            .memory(Math.max(sampler.peakHeapBytes(), ingest.peakHeapBytes()), ingest.peakRssBytes(),
                sampler.maxQueueDepth());
    }

    /** Stops the ingests this case started (SIGTERM), so the next case runs alone. */
    @Override
    public void close() throws InterruptedException {
        for (IngestChild child : started) {
            child.close();
        }
    }

    /**
     * Fails unless every published reading is stored once with its value, nothing was refused, the ingest left
     * nothing unacknowledged, never held more than its receive maximum, and its memory stayed bounded.
     */
    void assertExactlyOnce(IngestChild ingest, Sampler sampler) throws Exception {
        store.outcome(ledger).assertExactlyOnce();
        IngestChild.Metrics m = ingest.metrics();
        assertThat(m.deadLetters()).as("dead letters counted by the ingest").isZero();
        assertThat(m.stored()).as("readings the ingest counted as stored").isLessThanOrEqualTo(ledger.readings());
        assertThat(m.queueDepth()).as("messages left unacknowledged").isZero();
        assertThat(sampler.maxQueueDepth()).as("most messages the ingest held unacknowledged")
            .isLessThanOrEqualTo(FaultProfile.RECEIVE_MAXIMUM);
        assertThat(ingest.peakRssBytes()).as("ingest peak RSS").isLessThan(FaultProfile.RSS_BOUND_BYTES);
    }
}
