package org.smartcamp.deploy.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.smartcamp.deploy.bench.IngestChild;

/**
 * Horizontal scale-out: three {@code smartcamp ingest} processes in one MQTT 5 shared subscription group on
 * Mosquitto split a stream and store it exactly once; when one is killed in the middle, the other two go on with
 * their shares and the killed one's share waits in its session at the broker until it comes back under the same
 * client id (as a Kubernetes StatefulSet pod does), after which everything is stored once. docs/ingest.md explains
 * the same on clustered brokers.
 */
class ScaleOutIT extends FaultSuite {
    private static final int REPLICAS = 3;

    @Test
    void threeIngestsInOneSharedGroupSplitTheLoadAndOneKilledMidwayLosesNothing() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long n = PROFILE.scaleOutReadings();
        try (FaultCase first = new FaultCase(env, PROFILE, "scale", (m, r, t) -> Workloads.stream(m, n,
                now.minus(Duration.ofDays(2))))) {
            Map<String, String> group = Map.of("SMARTCAMP_MQTT_SHARED_GROUP", "ingest-" + first.mission);
            List<IngestChild> replicas = new CopyOnWriteArrayList<>();
            for (int i = 0; i < REPLICAS; i++) {
                replicas.add(first.ingest(clientId(first, i), group));
            }
            first.feed(0).start().await(SETTLE);
            awaitRows(first, n);
            // a replica counts a batch just after committing it
            await().atMost(SETTLE).until(() -> Arrays.stream(storedBy(replicas)).sum() >= n);
            double[] split = storedBy(replicas);

            double[] before = storedBy(replicas);
            try (FaultCase second = first.next((m, r, t) -> Workloads.stream(m, n, now));
                 Sampler sampler = second.sample(replicas)) {
                Feed feed = second.feed(PROFILE.streamRate()).start();
                awaitRows(second, n + n / 3);
                IngestChild victim = replicas.get(REPLICAS - 1);
                double killedShare = victim.metrics().stored() - before[REPLICAS - 1];
                victim.kill();
                replicas.remove(victim);
                feed.await(SETTLE);
                await().atMost(SETTLE).during(Duration.ofSeconds(3)).until(() -> idle(replicas));
                long stranded = 2 * n - second.store.rows();
                long restart = System.nanoTime();
                IngestChild back = second.ingest(clientId(second, REPLICAS - 1), group);
                replicas.add(back);
                awaitRows(second, 2 * n);
                double drained = (System.nanoTime() - restart) / 1e9;
                sampler.close();
                double[] after = storedBy(replicas);
                second.report("Three ingests in one shared subscription group, one killed midway", sampler, back)
                    .add("split of the first readings", "%,d readings: %s", n, shares(split, n))
                    .add("the next readings", "%,d readings: replica 1 %,.0f, replica 2 %,.0f"
                        + " stored while replica 3 was killed with SIGKILL after storing %,.0f; %,d readings"
                        + " waited in its session at the broker and were stored by it after its restart (same client"
                        + " id) in %.1f s", n, after[0] - before[0], after[1] - before[1], killedShare, stranded,
                        drained)
                    .write();
                second.assertExactlyOnce(back, sampler);
            }
            for (int i = 0; i < REPLICAS; i++) {
                assertThat(split[i]).as("replica %d's share of %d readings", i + 1, n)
                    .isBetween(0.2 * n, 0.5 * n);
            }
            assertThat(split[0] + split[1] + split[2]).as("readings stored by the three replicas").isEqualTo(n);
        }
    }

    private static String clientId(FaultCase c, int replica) {
        return "ingest-" + c.mission + "-" + replica;
    }

    private static boolean idle(List<IngestChild> replicas) throws Exception {
        for (IngestChild r : replicas) {
            if (r.metrics().queueDepth() > 0) {
                return false;
            }
        }
        return true;
    }

    private static double[] storedBy(List<IngestChild> replicas) throws Exception {
        List<Double> out = new ArrayList<>();
        for (IngestChild r : replicas) {
            out.add(r.metrics().stored());
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String shares(double[] split, long n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < split.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "replica %d %,.0f (%.0f %%)", i + 1,
                split[i], 100 * split[i] / n));
        }
        return sb.toString();
    }
}
