package org.smartcamp.analytics.alarm.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartcamp.ingest.testsupport.MigratedStore;

/**
 * The dispatcher against a real PostgreSQL outbox and real HTTP receivers: signatures, one key per notification,
 * backoff, failure with the reason, the rate limit of a flapping condition, and two dispatchers sharing the rows.
 */
class WebhookDeliveryIT {
    private static final String SECRET = "whsec-test-0123456789";
    private static final String CHANNELS = "[{\"type\":\"webhook\",\"url\":\"%s\",\"secret\":\"env:HOOK_SECRET\"}]";

    private MigratedStore store;
    private OutboxRows rows;
    private SimpleMeterRegistry registry;

    @BeforeEach
    void setUp() {
        store = MigratedStore.create("alarm_webhook");
        rows = new OutboxRows(store.dataSource());
        registry = new SimpleMeterRegistry();
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private OutboxDispatcher dispatcher(DeliveryConfig config, double jitter, Duration timeout) {
        WebhookChannel webhook = new WebhookChannel(timeout, Secrets.of(Map.of("HOOK_SECRET", SECRET)),
            Clock.systemUTC());
        return new AlarmDelivery(config, List.of(webhook), () -> jitter).dispatcher(store.dataSource(), registry,
            Clock.systemUTC());
    }

    private static DeliveryConfig fast(int maxAttempts) {
        return new DeliveryConfig(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofSeconds(5), maxAttempts,
            Duration.ofHours(1));
    }

    private double counted(String outcome) {
        return registry.get("smartcamp.alarm.notifications." + outcome).tag("channel", "webhook").counter().count();
    }

    @Test
    void eachNotificationArrivesSignedWithItsOwnKeyOnce() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.ok(SECRET)) {
            long rule = rows.rule("theft-juba1", CHANNELS.formatted(receiver.url()), null, null);
            Instant t0 = Instant.now().minusSeconds(60);
            long alarm = rows.alarm(rule, "critical", t0);
            List<OutboxRows.Row> sent = List.of(
                rows.notify(rule, alarm, "raised", "critical", "webhook", receiver.url(), t0),
                rows.notify(rule, alarm, "acknowledged", "critical", "webhook", receiver.url(), t0.plusSeconds(10)),
                rows.notify(rule, alarm, "cleared", "critical", "webhook", receiver.url(), t0.plusSeconds(20)));

            assertThat(dispatcher(fast(3), 1, Duration.ofSeconds(5)).drain()).isEqualTo(3);

            assertThat(receiver.received()).hasSize(3).allSatisfy(r -> assertThat(r.signatureValid())
                .as("signature %s", r.signature()).isTrue());
            assertThat(receiver.keys()).containsExactlyInAnyOrderElementsOf(sent.stream().map(OutboxRows.Row::key)
                .toList());
            assertThat(receiver.received()).extracting(WebhookReceiver.Received::event)
                .containsExactly("alarm.raised", "alarm.acknowledged", "alarm.cleared");
            assertThat(receiver.received().get(0).body()).contains("\"idempotencyKey\": \"" + sent.get(0).key())
                .doesNotContain(SECRET);
            sent.forEach(r -> assertThat(rows.status(r.id())).isEqualTo("delivered"));
            assertThat(counted("sent")).isEqualTo(3);
            // A wrong secret does not verify: the receiver's check is a real one.
            assertThat(WebhookSignature.verify("other", receiver.received().get(0).signature(),
                receiver.received().get(0).body(), Instant.now().getEpochSecond(), 300)).isFalse();
        }
    }

    @Test
    void aReceiverThatFailsFiveTimesGetsTheNotificationWithGrowingDelays() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(SECRET, n -> n <= 5 ? 500 : 200)) {
            long rule = rows.rule("theft-juba1", CHANNELS.formatted(receiver.url()), null, null);
            long alarm = rows.alarm(rule, "critical", Instant.now());
            OutboxRows.Row row = rows.notify(rule, alarm, "raised", "critical", "webhook", receiver.url(),
                Instant.now());

            // jitter 1: each wait is the bound itself, 100, 200, 400, 800, 1600 ms
            OutboxDispatcher d = dispatcher(fast(10), 1, Duration.ofSeconds(5)).start();
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> "delivered".equals(rows.status(row.id())));
            } finally {
                d.stop(Duration.ofSeconds(5));
            }

            List<WebhookReceiver.Received> got = receiver.received();
            assertThat(got).hasSize(6);
            assertThat(receiver.keys()).containsExactly(row.key());
            List<Long> gaps = new ArrayList<>();
            for (int i = 1; i < got.size(); i++) {
                gaps.add(Duration.between(got.get(i - 1).at(), got.get(i).at()).toMillis());
            }
            for (int i = 0; i < gaps.size(); i++) {
                assertThat(gaps.get(i)).as("wait before attempt %d of %s", i + 2, gaps)
                    .isGreaterThanOrEqualTo(100L << i);
            }
            assertThat(gaps).isSorted();
            assertThat(rows.attempts(row.id())).isEqualTo(6);
            assertThat(rows.lastError(row.id())).startsWith("HTTP 500 from " + receiver.url());
            assertThat(counted("retried")).isEqualTo(5);
            assertThat(counted("sent")).isEqualTo(1);
        }
    }

    @Test
    void aReceiverThatNeverAnswersEndsFailedWithTheReason() throws Exception {
        try (WebhookReceiver silent = new WebhookReceiver(SECRET, n -> 0);
             WebhookReceiver gone = new WebhookReceiver(SECRET, n -> 410)) {
            long rule = rows.rule("theft-juba1", "[{\"type\":\"webhook\",\"url\":\"" + silent.url() + "\","
                + "\"secret\":\"env:HOOK_SECRET\"},{\"type\":\"webhook\",\"url\":\"" + gone.url() + "\"}]", null, null);
            long alarm = rows.alarm(rule, "critical", Instant.now());
            int seq = rows.transition(alarm, "raised", "critical", Instant.now());
            OutboxRows.Row toSilent = rows.outbox(rule, alarm, seq, "raised", "critical", "webhook", silent.url(), "en",
                Instant.now());
            OutboxRows.Row toGone = rows.outbox(rule, alarm, seq, "raised", "critical", "webhook", gone.url(), "en",
                Instant.now());

            OutboxDispatcher d = dispatcher(fast(3), 1, Duration.ofMillis(300)).start();
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> "failed".equals(rows.status(toSilent.id())));
            } finally {
                d.stop(Duration.ofSeconds(5));
            }

            assertThat(rows.attempts(toSilent.id())).isEqualTo(3);
            assertThat(rows.lastError(toSilent.id())).isEqualTo("gave up after 3 attempts: no answer from "
                + silent.url() + " within 300 ms");
            assertThat(silent.keys()).containsExactly(toSilent.key());
            // A 4xx is deterministic: failed at the first attempt, unsigned since the rule names no secret.
            assertThat(rows.status(toGone.id())).isEqualTo("failed");
            assertThat(rows.attempts(toGone.id())).isEqualTo(1);
            assertThat(rows.lastError(toGone.id())).isEqualTo("HTTP 410 from " + gone.url() + ": {\"status\":410}");
            assertThat(gone.received()).singleElement().satisfies(r -> assertThat(r.signature()).isNull());
            assertThat(counted("failed")).isEqualTo(2);
        }
    }

    @Test
    void aFlappingConditionSendsNoMoreThanTheRateLimit() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.ok(SECRET)) {
            long rule = rows.rule("flapping", CHANNELS.formatted(receiver.url()), null, 5);
            Instant t0 = Instant.now().minus(Duration.ofMinutes(10));
            long alarm = rows.alarm(rule, "major", t0);
            List<OutboxRows.Row> all = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                // 20 transitions in 10 minutes: raised, cleared, reopened, cleared, ...
                String action = i == 0 ? "raised" : i % 2 == 1 ? "cleared" : "reopened";
                all.add(rows.notify(rule, alarm, action, "major", "webhook", receiver.url(), t0.plusSeconds(30L * i)));
            }

            assertThat(dispatcher(fast(3), 1, Duration.ofSeconds(5)).drain()).isEqualTo(20);

            assertThat(receiver.received()).hasSize(5);
            assertThat(receiver.keys()).containsExactlyInAnyOrderElementsOf(all.subList(0, 5).stream()
                .map(OutboxRows.Row::key).toList());
            assertThat(rows.count("delivered")).isEqualTo(5);
            assertThat(rows.count("suppressed")).isEqualTo(15);
            assertThat(rows.lastError(all.get(19).id())).isEqualTo("rate limit of rule flapping: 5 notifications "
                + "already sent to this webhook target in the last hour (rate_per_hour 5)");
            assertThat(counted("suppressed")).isEqualTo(15);
        }
    }

    @Test
    void twoDispatchersShareTheOutboxAndSendEachNotificationOnce() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.ok(SECRET)) {
            long rule = rows.rule("theft-juba1", CHANNELS.formatted(receiver.url()), null, null);
            long alarm = rows.alarm(rule, "critical", Instant.now());
            for (int i = 0; i < 40; i++) {
                rows.notify(rule, alarm, i == 0 ? "raised" : "reopened", "critical", "webhook", receiver.url(),
                    Instant.now());
            }
            OutboxDispatcher a = dispatcher(fast(3), 1, Duration.ofSeconds(5));
            OutboxDispatcher b = dispatcher(fast(3), 1, Duration.ofSeconds(5));
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<Integer> fa = pool.submit(a::drain);
                Future<Integer> fb = pool.submit(b::drain);
                assertThat(fa.get() + fb.get()).isEqualTo(40);
            } finally {
                pool.shutdownNow();
            }
            assertThat(receiver.received()).hasSize(40);
            assertThat(receiver.keys()).hasSize(40);
            assertThat(rows.count("delivered")).isEqualTo(40);
        }
    }

    @Test
    void quietHoursDeferAllButTheListedSeverities() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.ok(SECRET)) {
            // Inside the window whatever the time of day: from 1 h ago to 1 h ahead, in Juba's time zone.
            java.time.ZoneId juba = java.time.ZoneId.of("Africa/Juba");
            java.time.LocalTime now = Instant.now().atZone(juba).toLocalTime().withSecond(0).withNano(0);
            String quiet = "{\"from\":\"" + now.minusHours(1) + "\",\"to\":\"" + now.plusHours(1) + "\","
                + "\"timezone\":\"Africa/Juba\",\"except\":[\"critical\"]}";
            long rule = rows.rule("quiet", CHANNELS.formatted(receiver.url()), quiet, null);
            long warning = rows.alarm(rule, "warning", Instant.now());
            long critical = rows.alarm(rule, "critical", Instant.now());
            OutboxRows.Row deferred = rows.notify(rule, warning, "raised", "warning", "webhook", receiver.url(),
                Instant.now());
            OutboxRows.Row urgent = rows.notify(rule, critical, "raised", "critical", "webhook", receiver.url(),
                Instant.now());

            assertThat(dispatcher(fast(3), 1, Duration.ofSeconds(5)).drain()).isEqualTo(2);

            assertThat(receiver.keys()).containsExactly(urgent.key());
            assertThat(rows.status(deferred.id())).isEqualTo("pending");
            assertThat(rows.attempts(deferred.id())).isZero();
            assertThat(rows.lastError(deferred.id())).startsWith("deferred by the quiet hours of rule quiet until ");
            assertThat(counted("deferred")).isEqualTo(1);
        }
    }
}
