package org.smartcamp.deploy.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.smartcamp.deploy.bench.IngestChild;
import org.smartcamp.deploy.faults.ReadinessProbe.Phase;

/**
 * The hostile soak (issue 13): one paced stream in which every tenth message is hostile (the poison kinds of
 * {@link HostileMix}), while the ingest is killed with SIGKILL and restarted, the broker restarted and PostgreSQL
 * stopped, in cycles. At the end every valid reading is stored exactly once, every hostile message is
 * dead-lettered exactly once with its reason, the ingest's memory stayed bounded, and readiness was UP while all
 * ran and DOWN while the database was down longer than {@code ingest.stuckAfter}.
 *
 * <p>The long profile first measures the sustainable rate on this machine, now, with the soak's own ingest settings
 * and message mix (hostile ones included; {@link FaultSuite#sustainable}), then publishes at that rate (times
 * {@code -Dsmartcamp.faults.soakRate}, default 1.0) for 30 minutes ({@code -Dsmartcamp.faults.soakMinutes}),
 * cycling the faults every five minutes; the stream is paced by messages, so publishing takes the configured
 * length. The short profile (CI) runs one cycle of 45 s at a fixed 1,000 readings/s, well below what the ingest
 * sustains even on a loaded machine.
 */
class HostileSoakIT extends FaultSuite {
    /** One message in this many is hostile. */
    private static final int HOSTILE_EVERY = 10;
    /** How long after a fault ends readiness may still be DOWN (reconnect, catching up). */
    private static final Duration GRACE = Duration.ofSeconds(10);
    /** Slack past stuckAfter before readiness must say DOWN (sampling, the first wait to notice). */
    private static final Duration STUCK_SLACK = Duration.ofSeconds(3);
    /**
     * The most readings (valid and hostile message slots) a soak publishes, so that a fast machine does not fill
     * its disk: 100 million rows take about 13 GB in PostgreSQL with their index, on top of WAL. At 30 minutes this
     * caps the rate at 55,556 readings/s, twice what the ingest sustains on the development machine (about 27,000).
     */
    private static final long MAX_READINGS = 100_000_000;

    /**
     * @param length     how long the stream publishes
     * @param cycle      one fault cycle: a kill, a broker restart and a database outage
     * @param outage     how long PostgreSQL stays down in each cycle
     * @param stuckAfter the ingest's {@code ingest.stuckAfter}
     * @param fixedRate  readings per second (100 per message slot, hostile messages included), or 0 to measure
     *                   the sustainable rate first
     * @param scale      the measured rate is multiplied by this
     */
    private record Soak(Duration length, Duration cycle, Duration outage, Duration stuckAfter, double fixedRate,
                        double scale) {
        static Soak of(FaultProfile profile) {
            if (profile == FaultProfile.LONG) {
                long minutes = Long.getLong("smartcamp.faults.soakMinutes", 30);
                double scale = Double.parseDouble(System.getProperty("smartcamp.faults.soakRate", "1.0"));
                if (!(scale > 0)) {
                    throw new IllegalArgumentException("-Dsmartcamp.faults.soakRate is " + scale
                        + "; expected a positive factor of the sustainable rate");
                }
                return new Soak(Duration.ofMinutes(minutes), Duration.ofMinutes(5), Duration.ofSeconds(30),
                    Duration.ofSeconds(10), 0, scale);
            }
            return new Soak(Duration.ofSeconds(45), Duration.ofSeconds(45), Duration.ofSeconds(15),
                Duration.ofSeconds(5), 1_000, 1);
        }

        long cycles() {
            return Math.max(1, length.toSeconds() / cycle.toSeconds());
        }

        Map<String, String> settings() {
            return Map.of("SMARTCAMP_INGEST_STUCK_AFTER", stuckAfter.toMillis() + "ms");
        }
    }

    @Test
    void hostileInputsAndFaultsInOneStream() throws Exception {
        Soak soak = Soak.of(PROFILE);
        HostileMix mix = new HostileMix(HOSTILE_EVERY);
        Pace pace = Pace.of(soak, soak.fixedRate() > 0 ? null : calibrate(soak, mix));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (FaultCase c = FaultCase.generated(env, PROFILE, "soak", m -> new GeneratedStream(m, pace.messages(),
                now, mix))) {
            GeneratedStream stream = (GeneratedStream) c.ledger;
            String clientId = "ingest-" + c.mission;
            Schedule faults = new Schedule(c, clientId, soak.settings());
            // counting a table of millions of rows four times a second would take a core from the ingest: while
            // the stream runs, the lag column comes from the ingests' own counters
            try (Sampler sampler = c.sample(faults.live, faults::stored);
                 ReadinessProbe probe = new ReadinessProbe(faults.ingest)) {
                long t0 = System.nanoTime();
                Feed feed = c.feedByMessages(pace.messageRate()).start();
                for (long cycle = 0; cycle < soak.cycles(); cycle++) {
                    faults.cycle(soak, t0 + cycle * soak.cycle().toNanos(), probe);
                }
                Duration limit = SETTLE.plus(soak.length());
                Duration published = feed.await(limit);
                long publishedAt = System.nanoTime();
                long hostile = stream.hostileMessages();
                IngestChild ingest = faults.ingest;
                await().atMost(limit).pollInterval(Duration.ofSeconds(2)).until(() -> c.store.rows()
                    >= stream.readings() && c.store.deadLetters() >= hostile && ingest.metrics().queueDepth() == 0);
                double drained = (System.nanoTime() - publishedAt) / 1e9;
                faults.load();
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
                FaultReport report = c.report("Hostile soak: poison messages, kills, broker restarts and database"
                    + " outages in one stream", sampler, ingest);
                pace.describe(report, stream, published)
                    .add("drained", "everything stored and dead-lettered %.1f s after publishing ended", drained)
                    .add("faults", "%d SIGKILL + restart of the ingest, %d broker restarts, %d PostgreSQL outages of"
                        + " %d s (ingest.stuckAfter %d s)", faults.kills, faults.brokerRestarts, faults.outages,
                        soak.outage().toSeconds(), soak.stuckAfter().toSeconds())
                    .add("dead letters", "%s (expected %s)", byReason, stream.expectedDeadLetters())
                    .add("ingest processes", "peak RSS %s MB", peakRss.stream().map(b -> String.format("%.0f",
                        FaultReport.mb(b))).toList())
                    .add("readiness", "%,d samples; UP in %d of %d taken %d s or more into a healthy phase; DOWN in"
                        + " %d of %d taken more than stuckAfter + %d s into a database outage", probe.samples().size(),
                        healthy.stream().filter(ReadinessProbe.Sample::up).count(), healthy.size(),
                        GRACE.toSeconds(), stuck.stream().filter(s -> !s.up()).count(), stuck.size(),
                        STUCK_SLACK.toSeconds())
                    .add("load average", "1-minute load average of the machine at the start, at each fault cycle"
                        + " and at the end: %s", faults.loads)
                    .write();

                c.store.outcome(c.ledger).assertExactlyOnce(hostile);
                assertThat(byReason).as("dead letters per reason").isEqualTo(stream.expectedDeadLetters());
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

    /**
     * The stream's pace.
     *
     * @param messageRate messages per second, hostile ones included
     * @param messages    messages of the stream
     * @param measured    the sustainable rate measured first, or null (a fixed rate)
     * @param capped      whether {@link #MAX_READINGS} capped the stream
     */
    private record Pace(double messageRate, long messages, Sustainable measured, boolean capped) {
        static Pace of(Soak soak, Sustainable measured) {
            long seconds = soak.length().toSeconds();
            double rate = measured == null ? soak.fixedRate() / FaultProfile.PER_MESSAGE
                : measured.messagesPerSecond() * soak.scale();
            long messages = Math.round(rate * seconds);
            if (messages * FaultProfile.PER_MESSAGE > MAX_READINGS) {
                messages = MAX_READINGS / FaultProfile.PER_MESSAGE;
                return new Pace((double) messages / seconds, messages, measured, true);
            }
            return new Pace(rate, messages, measured, false);
        }

        FaultReport describe(FaultReport report, GeneratedStream stream, Duration published) {
            if (measured != null) {
                report.add("sustainable rate", "%,.0f valid readings/s, %,.1f messages/s (%,d valid readings in %,d"
                    + " messages, one in %d hostile, published flat out to an ingest with the soak's settings, all"
                    + " stored and dead-lettered in %.1f s)", measured.readingsPerSecond(),
                    measured.messagesPerSecond(), measured.readings(), measured.messages(), HOSTILE_EVERY,
                    measured.seconds());
            }
            String basis = measured == null ? "fixed" : capped ? "capped at " + MAX_READINGS + " readings"
                : String.format(Locale.ROOT, "%.2f x the sustainable rate", measured.messagesPerSecond() == 0 ? 0
                : messageRate / measured.messagesPerSecond());
            return report.add("stream", "%,.2f messages/s (%s; %,.0f valid readings/s), %,d messages, published in"
                + " %.1f s, one message in %d hostile: %s", messageRate, basis,
                messageRate * stream.readings() / messages, messages, published.toNanos() / 1e9, HOSTILE_EVERY,
                stream.hostile());
        }
    }

    /**
     * The sustainable rate, measured as {@link FaultInjectionIT} measures it, on an ingest with the soak's settings
     * and with the soak's message mix, in a mission and database of its own.
     */
    private static Sustainable calibrate(Soak soak, HostileMix mix) throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long messages = PROFILE.calibrationReadings() / FaultProfile.PER_MESSAGE;
        try (FaultCase c = FaultCase.generated(env, PROFILE, "soakcal", m -> new GeneratedStream(m, messages, now,
                mix))) {
            c.ingest("ingest-" + c.mission, soak.settings());
            return sustainable(c, mix.hostileMessages(messages));
        }
    }

    /** The faults of the soak and the ingest processes they leave behind. */
    private static final class Schedule {
        final List<IngestChild> live = new CopyOnWriteArrayList<>();
        final List<Double> peakRss = new ArrayList<>();
        private final FaultCase c;
        private final String clientId;
        private final Map<String, String> settings;
        /** The 1-minute load average at the start and at each cycle. */
        final List<String> loads = new CopyOnWriteArrayList<>();
        /** Readings the killed processes had counted as stored. */
        private volatile long storedByKilled;
        volatile IngestChild ingest;
        int kills;
        int brokerRestarts;
        int outages;

        Schedule(FaultCase c, String clientId, Map<String, String> settings) throws Exception {
            this.c = c;
            this.clientId = clientId;
            this.settings = settings;
            this.ingest = c.ingest(clientId, settings);
            live.add(ingest);
            load();
        }

        /** Notes the machine's 1-minute load average. */
        void load() {
            try {
                loads.add(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
            } catch (IOException e) {
                loads.add("?");
            }
        }

        /**
         * Readings the ingest processes counted as stored (the killed ones as of their last answer), or -1 while
         * the live one does not answer: cheap, and close enough for the lag column.
         */
        long stored() {
            try {
                return storedByKilled + (long) ingest.metrics().stored();
            } catch (IOException e) {
                return -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }

        /** One cycle from {@code base}: SIGKILL and restart at 10 %, broker restart at 35 %, outage at 55 %. */
        void cycle(Soak soak, long base, ReadinessProbe probe) throws Exception {
            load();
            waitUntil(base + soak.cycle().toNanos() / 10);
            probe.phase(Phase.INGEST_KILLED);
            peakRss.add(ingest.peakRssBytes());
            long counted = Math.max(0, stored());
            ingest.kill();
            storedByKilled = counted;
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

    /** Waits for a moment of the fault schedule (this is the schedule, not waiting for a result). */
    private static void waitUntil(long nanos) throws InterruptedException {
        long left = nanos - System.nanoTime();
        if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }
}
