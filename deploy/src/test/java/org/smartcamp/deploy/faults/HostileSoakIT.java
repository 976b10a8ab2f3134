package org.smartcamp.deploy.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.smartcamp.deploy.bench.IngestChild;
import org.smartcamp.deploy.faults.ReadinessProbe.Phase;

/**
 * The hostile soak (issue 13): one paced stream in which every tenth message is hostile (the poison kinds of
 * {@link HostileMix}), while the ingest is killed with SIGKILL and restarted, the broker restarted and PostgreSQL
 * stopped, in cycles. At the end every valid reading is stored exactly once, every hostile message is
 * dead-lettered exactly once with its reason, the ingest's memory stayed bounded, and readiness was UP while all
 * ran and DOWN while the database was down longer than {@code ingest.stuckAfter}. The short profile runs one
 * cycle in under a minute of stream; the long one cycles every five minutes through 30 minutes' worth of readings
 * ({@code -Dsmartcamp.faults.soakMinutes} shortens it).
 */
class HostileSoakIT extends FaultSuite {
    /** One message in this many is hostile. */
    private static final int HOSTILE_EVERY = 10;
    /** How long after a fault ends readiness may still be DOWN (reconnect, catching up). */
    private static final Duration GRACE = Duration.ofSeconds(10);
    /** Slack past stuckAfter before readiness must say DOWN (sampling, the first wait to notice). */
    private static final Duration STUCK_SLACK = Duration.ofSeconds(3);

    /**
     * @param rate       readings per second of the stream (valid readings; hostile ones come on top)
     * @param length     how long the stream lasts
     * @param cycle      one fault cycle: a kill, a broker restart and a database outage
     * @param outage     how long PostgreSQL stays down in each cycle
     * @param stuckAfter the ingest's {@code ingest.stuckAfter}
     */
    private record Soak(double rate, Duration length, Duration cycle, Duration outage, Duration stuckAfter) {
        static Soak of(FaultProfile profile) {
            if (profile == FaultProfile.LONG) {
                long minutes = Long.getLong("smartcamp.faults.soakMinutes", 30);
                return new Soak(1_000, Duration.ofMinutes(minutes), Duration.ofMinutes(5), Duration.ofSeconds(30),
                    Duration.ofSeconds(10));
            }
            return new Soak(1_000, Duration.ofSeconds(45), Duration.ofSeconds(45), Duration.ofSeconds(15),
                Duration.ofSeconds(5));
        }

        long readings() {
            return (long) (rate * length.toSeconds());
        }

        long cycles() {
            return Math.max(1, length.toSeconds() / cycle.toSeconds());
        }
    }

    @Test
    void hostileInputsAndFaultsInOneStream() throws Exception {
        Soak soak = Soak.of(PROFILE);
        AtomicReference<HostileMix> mix = new AtomicReference<>();
        try (FaultCase c = new FaultCase(env, PROFILE, "soak", (m, r, now) -> {
            mix.set(HostileMix.of(Workloads.stream(m, soak.readings(), now), HOSTILE_EVERY));
            return mix.get().messages;
        })) {
            String clientId = "ingest-" + c.mission;
            Map<String, String> settings = Map.of("SMARTCAMP_INGEST_STUCK_AFTER", soak.stuckAfter().toMillis() + "ms");
            Schedule faults = new Schedule(c, clientId, settings);
            try (Sampler sampler = c.sample(faults.live); ReadinessProbe probe = new ReadinessProbe(faults.ingest)) {
                long t0 = System.nanoTime();
                Feed feed = c.feed(soak.rate()).start();
                for (long cycle = 0; cycle < soak.cycles(); cycle++) {
                    faults.cycle(soak, t0 + cycle * soak.cycle().toNanos(), probe);
                }
                Duration published = feed.await(SETTLE);
                awaitRows(c, c.ledger.readings());
                long hostile = mix.get().hostileMessages();
                IngestChild ingest = faults.ingest;
                await().atMost(SETTLE).pollInterval(Duration.ofMillis(250)).until(() -> deadLetters(c) >= hostile
                    && ingest.metrics().queueDepth() == 0);
                // readiness once everything runs again, for long enough to judge it
                await().atMost(SETTLE).pollInterval(Duration.ofMillis(250))
                    .until(() -> probe.settled(Phase.RUNNING, GRACE).size() >= 8);
                probe.close();
                sampler.close();
                List<Double> peakRss = faults.peakRss;
                peakRss.add(ingest.peakRssBytes());

                List<ReadinessProbe.Sample> healthy = probe.settled(Phase.RUNNING, GRACE);
                List<ReadinessProbe.Sample> stuck = probe.settled(Phase.DATABASE_DOWN,
                    soak.stuckAfter().plus(STUCK_SLACK));
                Map<String, Long> byReason = c.store.deadLettersByReason();
                c.report("Hostile soak: poison messages, kills, broker restarts and database outages in one stream",
                        sampler, ingest)
                    .add("stream", "%,.0f valid readings/s, published in %d s (whole-message refusals carry no"
                        + " readings and are not paced), one message in %d hostile: %s", soak.rate(),
                        published.toSeconds(), HOSTILE_EVERY, mix.get().hostile)
                    .add("faults", "%d SIGKILL + restart of the ingest, %d broker restarts, %d PostgreSQL outages of"
                        + " %d s (ingest.stuckAfter %d s)", faults.kills, faults.brokerRestarts, faults.outages,
                        soak.outage().toSeconds(), soak.stuckAfter().toSeconds())
                    .add("dead letters", "%s (expected %s)", byReason, mix.get().expectedDeadLetters())
                    .add("ingest processes", "peak RSS %s MB", peakRss.stream().map(b -> String.format("%.0f",
                        FaultReport.mb(b))).toList())
                    .add("readiness", "%,d samples; UP in %d of %d taken %d s or more into a healthy phase; DOWN in"
                        + " %d of %d taken more than stuckAfter + %d s into a database outage", probe.samples().size(),
                        healthy.stream().filter(ReadinessProbe.Sample::up).count(), healthy.size(),
                        GRACE.toSeconds(), stuck.stream().filter(s -> !s.up()).count(), stuck.size(),
                        STUCK_SLACK.toSeconds())
                    .write();

                c.store.outcome(c.ledger).assertExactlyOnce(hostile);
                assertThat(byReason).as("dead letters per reason").isEqualTo(mix.get().expectedDeadLetters());
                assertThat(peakRss).as("peak RSS of each ingest process").allMatch(b ->
                    b < FaultProfile.RSS_BOUND_BYTES);
                assertThat(sampler.maxQueueDepth()).as("most messages an ingest held unacknowledged")
                    .isLessThanOrEqualTo(FaultProfile.RECEIVE_MAXIMUM);
                assertThat(healthy).as("readiness while everything ran").isNotEmpty()
                    .allMatch(ReadinessProbe.Sample::up);
                assertThat(stuck).as("readiness while the database was down and messages waited").isNotEmpty()
                    .noneMatch(ReadinessProbe.Sample::up);
            }
        }
    }

    /** The faults of the soak and the ingest processes they leave behind. */
    private static final class Schedule {
        final List<IngestChild> live = new CopyOnWriteArrayList<>();
        final List<Double> peakRss = new ArrayList<>();
        private final FaultCase c;
        private final String clientId;
        private final Map<String, String> settings;
        IngestChild ingest;
        int kills;
        int brokerRestarts;
        int outages;

        Schedule(FaultCase c, String clientId, Map<String, String> settings) throws Exception {
            this.c = c;
            this.clientId = clientId;
            this.settings = settings;
            this.ingest = c.ingest(clientId, settings);
            live.add(ingest);
        }

        /** One cycle from {@code base}: SIGKILL and restart at 10 %, broker restart at 35 %, outage at 55 %. */
        void cycle(Soak soak, long base, ReadinessProbe probe) throws Exception {
            waitUntil(base + soak.cycle().toNanos() / 10);
            probe.phase(Phase.INGEST_KILLED);
            peakRss.add(ingest.peakRssBytes());
            ingest.kill();
            live.clear();
            ingest = c.ingest(clientId, settings);
            live.add(ingest);
            probe.ingest(ingest);
            probe.phase(Phase.RUNNING);
            kills++;

            waitUntil(base + soak.cycle().toNanos() * 35 / 100);
            probe.phase(Phase.BROKER_DOWN);
            env.broker().restart();
            probe.phase(Phase.RUNNING);
            brokerRestarts++;

            waitUntil(base + soak.cycle().toNanos() * 55 / 100);
            probe.phase(Phase.DATABASE_DOWN);
            env.postgres().stop();
            waitUntil(System.nanoTime() + soak.outage().toNanos());
            env.postgres().start();
            probe.phase(Phase.RUNNING);
            outages++;
        }
    }

    private static long deadLetters(FaultCase c) {
        try {
            return c.store.deadLettersByReason().values().stream().mapToLong(Long::longValue).sum();
        } catch (java.sql.SQLException e) {
            return -1;
        }
    }

    /** Waits for a moment of the fault schedule (this is the schedule, not waiting for a result). */
    private static void waitUntil(long nanos) throws InterruptedException {
        long left = nanos - System.nanoTime();
        if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }
}
