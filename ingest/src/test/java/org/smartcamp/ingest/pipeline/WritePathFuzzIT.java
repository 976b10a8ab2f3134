package org.smartcamp.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smartcamp.ingest.inventory.InventoryImporter;
import org.smartcamp.ingest.inventory.InventoryLoader;
import org.smartcamp.ingest.mqtt.InboundMessage;
import org.smartcamp.ingest.store.AssetRegistry;
import org.smartcamp.ingest.store.CopyBatchWriter;
import org.smartcamp.platform.DataSources;
import org.smartcamp.ingest.store.DatabaseConfig;
import org.smartcamp.ingest.testsupport.FuzzSeeds;
import org.smartcamp.ingest.testsupport.MigratedStore;
import org.smartcamp.ingest.testsupport.TestServices;
import org.smartcamp.ingest.wire.DecodedMessage;
import org.smartcamp.ingest.wire.Reading;
import org.smartcamp.ingest.wire.TelemetryBatch;
import org.smartcamp.ingest.wire.TelemetryDecoder;
import org.smartcamp.ingest.wire.TelemetryEncoder;
import org.smartcamp.ingest.wire.TopicAddress;
import org.smartcamp.ingest.wire.WireFormatException;
import org.smartcamp.ingest.wire.WireLimits;

/**
 * Coverage-guided fuzzing of the write path (Jazzer) against the real database, in a schema of its own: each
 * input is an MQTT message ({@code topic\npayload}, or a payload alone on camp c-a's topic) handed to the ingest's
 * pipeline as the broker hands it over: decode, validate, batch, resolve against the registry, COPY, commit,
 * acknowledge. Whatever the input, the message is acknowledged, its readings and dead letters account for it
 * ({@link WriteLedger}), and a valid canary message sent after it is stored: one bad message never stops the
 * ingest. A write that fails is a finding, because the pipeline would retry it for ever. In a normal build it
 * runs over the committed corpus ({@code WritePathFuzzITInputs/writeMessage}); with {@code JAZZER_FUZZ=1} it
 * fuzzes (docs/faults.md, fuzzing).
 */
class WritePathFuzzIT {
    /** The decoder's clock: the corpus's times are near it, so they stay inside the window for ever. */
    static final Instant NOW = Instant.parse("2026-11-22T10:15:30Z");
    private static final String DEFAULT_TOPIC = "smartcamp/v1/m1/c-a/gw-1/telemetry";
    private static final TopicAddress CANARY = new TopicAddress("m1", "canary", "gw-canary");
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String INVENTORY = """
        missions:
          - id: m1
            camps:
              - id: c-a
                assets:
                  - {id: a-gen, kind: generator, rated_kw: 100}
                  - {id: a-tank, kind: fuel_tank, capacity_l: 10000}
              - id: c-b
                assets:
                  - {id: b-gen, kind: generator, rated_kw: 60}
              - id: canary
                assets:
                  - {id: canary-gen, kind: generator, rated_kw: 10}
          - id: m2
            camps:
              - id: c-x
        """;
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final TelemetryDecoder DECODER = new TelemetryDecoder(WireLimits.V1, CLOCK);

    private static MigratedStore store;
    private static HikariDataSource dataSource;
    private static CopyBatchWriter writer;
    private static WriteLedger ledger;
    private static int databasePort;
    private static long canaries;

    private final Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
    private Vertx vertx;
    private ObservedStore observed;
    private IngestPipeline pipeline;
    private int messageId;

    @BeforeAll
    static void migrate() {
        store = MigratedStore.create("fuzz");
        new InventoryImporter(store.dataSource()).importInventory(InventoryLoader.parse("fuzz", INVENTORY));
        // Commits that do not wait for the disk: what is fuzzed is what the writer does with an input, not
        // durability, and this triples the inputs a second.
        dataSource = DataSources.create(new DatabaseConfig(store.db().url() + "&options=-c%20synchronous_commit%3Doff",
            store.db().user(), store.db().password(), 2, null));
        writer = new CopyBatchWriter(dataSource, new AssetRegistry(dataSource));
        ledger = new WriteLedger(dataSource);
        int port = URI.create(TestServices.jdbcUrl().substring("jdbc:".length())).getPort();
        databasePort = port < 0 ? 5432 : port;
    }

    @AfterAll
    static void drop() {
        dataSource.close();
        store.close();
    }

    @BeforeEach
    void startPipeline() {
        vertx = Vertx.vertx();
        observed = new ObservedStore(writer);
        pipeline = new IngestPipeline(vertx, DECODER, observed,
            new BatchConfig(WireLimits.V1.maxReadingsPerMessage(), Duration.ofMillis(50), Duration.ofMillis(200)),
            new MicrometerIngestMetrics(new SimpleMeterRegistry()), m -> acknowledged.add(m.messageId()), CLOCK);
    }

    @AfterEach
    void stopPipeline() {
        vertx.close().await();
    }

    /** One MQTT message through the write path, then a canary. */
    @FuzzTest(maxDuration = "20s")
    void writeMessage(byte[] input) {
        // Jazzer's SSRF detector refuses every connection once fuzzing starts; the pool reconnects to the database.
        BugDetectors.allowNetworkConnections((host, port) -> port == databasePort);
        Message message = Message.of(input);
        ledger.clear();
        DecodedMessage expected = expectedDecode(message);
        ObservedStore.Outcome outcome = deliver(message.topic(), message.payload());
        ledger.assertAccounted(expected, outcome.result());
        assertCanaryStored();
    }

    /** The corpus's valid messages are valid: every reading of them is stored and nothing is dead-lettered. */
    @ParameterizedTest
    @ValueSource(strings = {"valid-batch.bin", "valid-senml.bin", "new-camp-asset-and-metric.bin"})
    void theValidSeedsAreStoredWhole(String seed) {
        Message message = Message.of(FuzzSeeds.read(WritePathFuzzIT.class, "writeMessage", seed));
        ledger.clear();
        DecodedMessage decoded = DECODER.decode(message.topic(), message.payload());

        ObservedStore.Outcome outcome = deliver(message.topic(), message.payload());

        assertThat(decoded.rejected()).isEmpty();
        assertThat(outcome.result().stored()).isEqualTo(decoded.readings().size()).isPositive();
        assertThat(outcome.result().deadLettered()).isZero();
        ledger.assertAccounted(decoded, outcome.result());
    }

    /** What the decoder makes of the message, or {@code null} when it refuses it whole. */
    private static DecodedMessage expectedDecode(Message message) {
        try {
            return DECODER.decode(message.topic(), message.payload());
        } catch (WireFormatException e) {
            return null;
        }
    }

    /** A valid message of a camp of its own, sent after the fuzzed one, is committed and acknowledged. */
    private void assertCanaryStored() {
        canaries++;
        Reading reading = Reading.of("canary-gen", "power.active", NOW.minusSeconds(3600).plusMillis(canaries),
            canaries);
        byte[] payload = TelemetryEncoder.encode(new TelemetryBatch(canaries, NOW, List.of(reading)));
        ObservedStore.Outcome outcome = deliver(CANARY.telemetryTopic(), payload);
        assertThat(outcome.result().stored()).as("the canary after the message stored").isEqualTo(1);
    }

    /**
     * Offers a message to the pipeline and waits for its batch's write and acknowledgement.
     *
     * @throws AssertionError when the write failed (the pipeline would retry it for ever) or nothing was acked
     */
    private ObservedStore.Outcome deliver(String topic, byte[] payload) {
        int id = ++messageId;
        pipeline.offer(new InboundMessage(topic, payload, id, 1, 1L, NOW));
        Future<Void> drained = pipeline.drain(DEADLINE);
        ObservedStore.Outcome outcome = observed.next(DEADLINE);
        if (!outcome.committed()) {
            throw new AssertionError("the write failed; the ingest would retry this message for ever and store"
                + " nothing after it", outcome.failure());
        }
        try {
            drained.toCompletionStage().toCompletableFuture().get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("the pipeline did not drain", e);
        }
        assertThat(acknowledged).as("message acknowledged after its batch was committed").contains(id);
        assertThat(pipeline.unacknowledged()).isZero();
        return outcome;
    }

    /** A fuzz input as an MQTT message: the topic up to the first line feed, the payload after it. */
    private record Message(String topic, byte[] payload) {
        static Message of(byte[] input) {
            for (int i = 0; i < input.length; i++) {
                if (input[i] == '\n') {
                    return new Message(new String(input, 0, i, StandardCharsets.UTF_8),
                        Arrays.copyOfRange(input, i + 1, input.length));
                }
            }
            return new Message(DEFAULT_TOPIC, input);
        }
    }
}
