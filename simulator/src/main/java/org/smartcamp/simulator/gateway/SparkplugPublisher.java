package org.smartcamp.simulator.gateway;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.smartcamp.ingest.wire.Reading;
import org.smartcamp.simulator.gateway.sparkplug.SparkplugEdgeNode;
import org.smartcamp.simulator.gateway.sparkplug.SparkplugEdgeNode.Publication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Sparkplug B edge node's MQTT connection. Its will is the NDEATH with the connection's {@code bdSeq}; once
 * connected it subscribes to its NCMD topic and publishes NBIRTH and the DBIRTHs before any data, again after every
 * reconnection ({@code bdSeq} one up) and whenever a host asks with {@code Node Control/Rebirth}. Everything is sent
 * at QoS 1, never retained, within a bounded window of unacknowledged messages. Data whose delivery failed is
 * encoded again with a new sequence number after the births of the new connection, so the sequence a host sees has
 * no gap. {@link #close} waits for every acknowledgement, then publishes the DDEATHs and the NDEATH.
 */
final class SparkplugPublisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SparkplugPublisher.class);
    private static final int QOS = 1;

    /** Readings of one device from one gateway message. */
    record Fragment(String device, List<Reading> readings, boolean historical, Instant sent) {
    }

    private final MqttPublisherConfig config;
    private final String clientId;
    private final SparkplugEdgeNode node;
    private final Clock clock;
    private final MqttAsyncClient client;
    private final MqttConnectionOptions options;
    private final ExecutorService rebirths;
    private final Queue<Fragment> failed = new ConcurrentLinkedQueue<>();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong bdSeq = new AtomicLong();
    private final AtomicInteger rebirthRequests = new AtomicInteger();
    private volatile boolean birthDue = true;
    private PublishWindow window;

    SparkplugPublisher(MqttPublisherConfig config, String clientId, SparkplugEdgeNode node, Clock clock) {
        this.config = config;
        this.clientId = clientId;
        this.node = node;
        this.clock = clock;
        this.options = MqttClients.options(config);
        try {
            this.client = new MqttAsyncClient(config.serverUri(), clientId, new MemoryPersistence());
        } catch (MqttException | IllegalArgumentException e) {
            throw new TelemetrySinkException("invalid broker address '" + config.serverUri() + "': "
                + e.getMessage(), e);
        }
        this.rebirths = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "sparkplug-rebirth-" + clientId);
            t.setDaemon(true);
            return t;
        });
    }

    /** Connects with the NDEATH as will and publishes the births; blocks until done. */
    synchronized void connect() {
        setWill(bdSeq.get());
        client.setCallback(new Callbacks());
        try {
            IMqttToken token = client.connect(options);
            token.waitForCompletion(config.timeout().toMillis());
            window = PublishWindow.of(token, config, clientId);
            LOG.info("Edge node {} connected to {} as {} (window {})", node.topics().edgeNode(), config.serverUri(),
                clientId, window.size());
        } catch (MqttException e) {
            throw new TelemetrySinkException("cannot reach the MQTT broker at " + config.serverUri() + " as "
                + clientId + ": " + MqttClients.describe(e), e);
        }
        ensureBorn();
    }

    /** Publishes the readings of {@code fragments} (after any whose delivery failed before), births first if due. */
    synchronized void publish(List<Fragment> fragments) {
        Fragment retry;
        while ((retry = failed.poll()) != null) {
            publishData(retry);
        }
        for (Fragment f : fragments) {
            publishData(f);
        }
    }

    /** Readings whose DDATA the broker acknowledged. */
    long delivered() {
        return delivered.get();
    }

    /** NCMD rebirth requests received so far. */
    int rebirthRequests() {
        return rebirthRequests.get();
    }

    private void publishData(Fragment f) {
        while (true) {
            ensureBorn();
            List<Publication> pubs = node.data(f.device(), f.readings(), f.historical(), f.sent());
            boolean sent = true;
            for (Publication p : pubs) {
                sent = sent && send(p, p.readings() > 0 ? f : null);
            }
            if (sent) {
                return;
            }
            birthDue = true;
        }
    }

    /** Waits for a connection and publishes the births when they are due (first, after a reconnect, on request). */
    private void ensureBorn() {
        long deadline = System.nanoTime() + config.timeout().toNanos();
        while (!client.isConnected() || birthDue) {
            if (!client.isConnected()) {
                if (System.nanoTime() > deadline) {
                    throw new TelemetrySinkException("the broker at " + config.serverUri() + " was unreachable for "
                        + config.timeout().toSeconds() + " s (client " + clientId + ")");
                }
                MqttClients.pause();
                continue;
            }
            birthDue = false;
            try {
                client.subscribe(node.topics().commands(), QOS).waitForCompletion(config.timeout().toMillis());
                for (Publication p : node.births(bdSeq.get(), clock.instant())) {
                    if (!send(p, null)) {
                        birthDue = true;
                        break;
                    }
                }
            } catch (MqttException e) {
                LOG.warn("Births of {} failed ({}); trying again", clientId, MqttClients.describe(e));
                birthDue = true;
            }
        }
    }

    /**
     * Publishes one message at QoS 1 within the window; false when the connection is lost (the caller starts
     * again after the births).
     */
    private boolean send(Publication p, Fragment source) {
        window.acquire();
        long deadline = System.nanoTime() + config.timeout().toNanos();
        while (true) {
            try {
                client.publish(p.topic(), p.payload(), QOS, false, null, new Completion(p, source));
                return true;
            } catch (MqttException e) {
                boolean full = e.getReasonCode() == MqttClientException.REASON_CODE_MAX_INFLIGHT;
                if (!client.isConnected() || !full || System.nanoTime() > deadline) {
                    window.release();
                    if (!client.isConnected()) {
                        return false;
                    }
                    throw new TelemetrySinkException("cannot publish to " + p.topic() + ": "
                        + MqttClients.describe(e), e);
                }
                MqttClients.pause();
            }
        }
    }

    /** Waits until everything is acknowledged, publishes the deaths, then disconnects. */
    @Override
    public synchronized void close() {
        try {
            awaitAcknowledged();
            ensureBorn();
            Instant now = clock.instant();
            for (Publication p : node.deviceDeaths(now)) {
                send(p, null);
            }
            send(node.nodeDeath(bdSeq.get(), now), null);
            awaitAcknowledged();
        } finally {
            rebirths.shutdownNow();
            MqttClients.disconnect(client, config, LOG);
        }
    }

    private void awaitAcknowledged() {
        if (window != null) {
            window.awaitAcknowledged(failed, this::publishData);
        }
    }

    private void setWill(long seq) {
        Publication death = node.nodeDeath(seq, clock.instant());
        MqttMessage will = new MqttMessage(death.payload(), QOS, false, new MqttProperties());
        options.setWill(death.topic(), will);
    }

    private synchronized void rebirth() {
        try {
            ensureBorn();
        } catch (TelemetrySinkException e) {
            LOG.warn("Rebirth of {} failed: {}", clientId, e.getMessage());
        }
    }

    /** Paho's callbacks: never block here (they run on Paho's thread); births go to their own thread. */
    private final class Callbacks implements MqttCallback {
        @Override
        public void disconnected(MqttDisconnectResponse response) {
            birthDue = true;
            // the next connection is a new session: its will and births carry the next bdSeq
            setWill(bdSeq.updateAndGet(s -> (s + 1) % 256));
            LOG.warn("Edge node {} lost the broker ({}); it will be born again with bdSeq {}", clientId,
                response == null || response.getException() == null ? "disconnected"
                    : MqttClients.describe(response.getException()), bdSeq.get());
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            LOG.warn("MQTT error on {}: {}", clientId, exception.getMessage());
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            if (topic.equals(node.topics().commands()) && SparkplugEdgeNode.isRebirthRequest(message.getPayload())) {
                LOG.info("Edge node {} asked for a rebirth", node.topics().edgeNode());
                rebirthRequests.incrementAndGet();
                birthDue = true;
                rebirths.execute(SparkplugPublisher.this::rebirth);
            }
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // counted by Completion
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            if (reconnect) {
                rebirths.execute(SparkplugPublisher.this::rebirth);
            }
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            // no enhanced authentication
        }
    }

    private final class Completion implements MqttActionListener {
        private final Publication publication;
        private final Fragment source;

        Completion(Publication publication, Fragment source) {
            this.publication = publication;
            this.source = source;
        }

        @Override
        public void onSuccess(IMqttToken token) {
            delivered.addAndGet(publication.readings());
            window.release();
        }

        @Override
        public void onFailure(IMqttToken token, Throwable exception) {
            LOG.warn("Delivery to {} failed ({}); {}", publication.topic(),
                exception == null ? "unknown" : exception.getMessage(),
                source == null ? "births are due again" : "sending it again after the births");
            if (source != null) {
                failed.add(source);
            } else {
                birthDue = true;
            }
            window.release();
        }
    }
}
