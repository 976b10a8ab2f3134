package org.smartcamp.ingest.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.smartcamp.ingest.wire.Outgoing;
import org.smartcamp.ingest.wire.WireFormat;
import org.smartcamp.ingest.wire.WireLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives telemetry from the broker with the Eclipse Paho MQTT v5 client: persistent session (clean start
 * off, session expiry set), QoS 1, manual acknowledgements. A message is acknowledged only when
 * {@link #acknowledge} is called, after its readings are committed, so the broker redelivers anything the
 * ingest had not committed when it crashed. The broker should send at most {@code receiveMaximum} unacknowledged
 * messages; the source holds itself to that bound too ({@link ReceiveWindow}), so what the ingest holds in memory
 * stays bounded even with a broker that sends more.
 *
 * <p>Hostile-input limits, before memory is spent: CONNECT announces a Maximum Packet Size of the largest accepted
 * payload plus {@link #PACKET_OVERHEAD}, so a broker drops what the ingest would refuse; a larger payload that
 * arrives anyway is handed on cut to its first {@link #KEPT_BYTES} bytes (dead-lettered as too large). Retained
 * messages are never read: the subscription asks for Retain Handling 2 (no retained messages at subscribe), and a
 * message that still arrives with the retain flag is acknowledged and dropped, so a retained message is never
 * replayed into the store by a restart.
 */
public final class MqttTelemetrySource implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MqttTelemetrySource.class);
    private static final int QOS = 1;
    /** MQTT 5 subscription option: do not send retained messages when the subscription is made. */
    static final int RETAIN_HANDLING_NEVER = 2;
    /** Room in a PUBLISH packet for fixed header, topic, packet id and properties, beside the payload. */
    static final int PACKET_OVERHEAD = 8 * 1024;
    /** What is kept of a payload larger than the limit: enough to see what it was. */
    public static final int KEPT_BYTES = 4 * 1024;

    private final MqttConfig config;
    private final int maxPayloadBytes;
    private final Clock clock;
    private final AtomicLong connection = new AtomicLong();
    private final AtomicBoolean connected = new AtomicBoolean();
    private final AtomicLong warnedFull = new AtomicLong(-1);
    private final ReceiveWindow window;
    private final MqttAsyncClient client;
    private volatile Consumer<InboundMessage> sink = m -> { };
    private volatile Consumer<Boolean> connectionListener = c -> { };
    private volatile List<WireFormat.Subscription> subscriptions;
    private volatile Outgoing will;
    private volatile List<Outgoing> onConnected = List.of();

    /** A source accepting payloads up to the wire contract's limit ({@link WireLimits#V1}). */
    public MqttTelemetrySource(MqttConfig config, Clock clock) {
        this(config, WireLimits.V1.maxPayloadBytes(), clock);
    }

    /**
     * A source for payloads up to {@code maxPayloadBytes}.
     *
     * @param maxPayloadBytes the largest payload the ingest accepts ({@code wire.maxPayloadBytes})
     */
    public MqttTelemetrySource(MqttConfig config, int maxPayloadBytes, Clock clock) {
        this.config = Objects.requireNonNull(config);
        if (maxPayloadBytes <= 0) {
            throw new IllegalArgumentException("the payload limit must be positive");
        }
        this.maxPayloadBytes = maxPayloadBytes;
        this.clock = Objects.requireNonNull(clock);
        this.window = new ReceiveWindow(config.receiveMaximum());
        try {
            this.client = new MqttAsyncClient(config.serverUri(), config.clientId(), new MemoryPersistence());
        } catch (MqttException | IllegalArgumentException e) {
            throw new BrokerUnavailableException("invalid broker address '" + config.serverUri() + "': "
                + e.getMessage(), e);
        }
        client.setManualAcks(true);
        client.setCallback(new Callback());
    }

    /**
     * Where received messages go; called on Paho's callback thread, so it must hand them off quickly. Each
     * QoS 1 message given to it must later be passed to {@link #acknowledge} once: that frees its place in the
     * window of {@code receiveMaximum} messages the source hands out unacknowledged.
     */
    public void onMessage(Consumer<InboundMessage> consumer) {
        this.sink = Objects.requireNonNull(consumer);
    }

    /** Told {@code true} when the broker connection is up (and subscribed), {@code false} when it is lost. */
    public void onConnectionChange(Consumer<Boolean> listener) {
        this.connectionListener = Objects.requireNonNull(listener);
    }

    /**
     * What to subscribe to instead of the configuration's single filter (the formats' subscriptions; shareable ones
     * join {@link MqttConfig#sharedGroup} when set), the will the broker publishes if the connection dies, and what
     * to publish after each (re)connect. Call before {@link #start}.
     */
    public void use(List<WireFormat.Subscription> subscriptions, Outgoing will, List<Outgoing> onConnected) {
        this.subscriptions = List.copyOf(subscriptions);
        this.will = will;
        this.onConnected = List.copyOf(onConnected);
    }

    /**
     * Publishes in the background (a command to a gateway, the host's state); never blocks.
     *
     * @return false when not connected (nothing is sent)
     */
    public boolean publish(Outgoing message) {
        if (!client.isConnected()) {
            return false;
        }
        try {
            MqttMessage m = new MqttMessage(message.payload(), message.qos(), message.retained(), null);
            client.publish(message.topic(), m);
            return true;
        } catch (MqttException e) {
            LOG.warn("Could not publish on {}: {}", message.topic(), e.getMessage());
            return false;
        }
    }

    /**
     * Connects and subscribes; blocks until both are done. Reconnects by itself afterwards.
     *
     * @throws BrokerUnavailableException when the broker cannot be reached or refuses
     */
    public void start() {
        try {
            IMqttToken token = client.connect(connectionOptions());
            token.waitForCompletion(config.connectTimeout().toMillis() + 1_000);
            subscribe().waitForCompletion(config.connectTimeout().toMillis());
            announce();
            setConnected(true);
            LOG.info("Connected to {} as {}, subscribed to {} (session present: {})", config.serverUri(),
                config.clientId(), filters(), token.getSessionPresent());
        } catch (MqttException e) {
            throw new BrokerUnavailableException("cannot reach the MQTT broker at " + config.serverUri() + ": "
                + describe(e), e);
        }
    }

    /**
     * Acknowledges a message whose readings are committed. A message that arrived on an earlier connection is
     * not acknowledged: the broker redelivers it on the new one and the store skips it as a duplicate.
     *
     * @return whether a PUBACK was sent
     */
    public boolean acknowledge(InboundMessage message) {
        if (message.qos() == 0) {
            return true;
        }
        window.leave();
        if (message.connection() != connection.get() || !client.isConnected()) {
            return false;
        }
        try {
            client.messageArrivedComplete(message.messageId(), message.qos());
            return true;
        } catch (MqttException e) {
            LOG.debug("Could not acknowledge message {}: {}", message.messageId(), e.getMessage());
            return false;
        }
    }

    public boolean isConnected() {
        return connected.get();
    }

    /** Disconnects cleanly, keeping the session (and the unacknowledged messages) at the broker. */
    @Override
    public void close() {
        connection.incrementAndGet();
        try {
            if (client.isConnected()) {
                client.disconnect(2_000).waitForCompletion(5_000);
            }
        } catch (MqttException e) {
            LOG.debug("Disconnect failed: {}", e.getMessage());
        } finally {
            setConnected(false);
            try {
                client.close(true);
            } catch (MqttException e) {
                LOG.debug("Close failed: {}", e.getMessage());
            }
        }
    }

    private MqttConnectionOptions connectionOptions() {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(false);
        options.setSessionExpiryInterval(config.sessionExpiry().toSeconds());
        options.setReceiveMaximum(config.receiveMaximum());
        options.setMaximumPacketSize((long) maxPayloadBytes + PACKET_OVERHEAD);
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay(1, 30);
        options.setKeepAliveInterval((int) config.keepAlive().toSeconds());
        options.setConnectionTimeout((int) Math.max(1, config.connectTimeout().toSeconds()));
        if (config.username() != null) {
            options.setUserName(config.username());
        }
        if (config.password() != null) {
            options.setPassword(config.password().getBytes(StandardCharsets.UTF_8));
        }
        Outgoing w = will;
        if (w != null) {
            options.setWill(w.topic(), new MqttMessage(w.payload(), w.qos(), w.retained(), null));
        }
        return options;
    }

    private IMqttToken subscribe() throws MqttException {
        List<String> filters = filters();
        MqttSubscription[] subs = new MqttSubscription[filters.size()];
        for (int i = 0; i < subs.length; i++) {
            subs[i] = new MqttSubscription(filters.get(i), QOS);
            subs[i].setRetainHandling(RETAIN_HANDLING_NEVER);
        }
        return client.subscribe(subs);
    }

    /** The filters as subscribed: the formats' (shareable ones in the shared group), or the configuration's one. */
    List<String> filters() {
        List<WireFormat.Subscription> subs = subscriptions;
        if (subs == null) {
            return List.of(config.subscription());
        }
        return subs.stream().map(s -> s.shareable() && config.sharedGroup() != null
            ? "$share/" + config.sharedGroup() + "/" + s.filter() : s.filter()).toList();
    }

    private void announce() {
        for (Outgoing m : onConnected) {
            publish(m);
        }
    }

    private static Map<String, String> properties(MqttMessage message) {
        MqttProperties p = message.getProperties();
        if (p == null) {
            return Map.of();
        }
        Map<String, String> out = new HashMap<>();
        if (p.getContentType() != null) {
            out.put("content-type", p.getContentType());
        }
        List<UserProperty> user = p.getUserProperties();
        if (user != null) {
            for (UserProperty u : user) {
                out.putIfAbsent(u.getKey(), u.getValue());
            }
        }
        return out;
    }

    private void setConnected(boolean up) {
        if (connected.getAndSet(up) != up) {
            connectionListener.accept(up);
        }
    }

    private static String describe(MqttException e) {
        Throwable cause = e.getCause();
        return cause != null && cause.getMessage() != null ? cause.getMessage() : e.getMessage();
    }

    private final class Callback implements MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            if (message.isRetained()) {
                dropRetained(topic, message);
                return;
            }
            byte[] payload = message.getPayload();
            int size = payload.length;
            if (size > maxPayloadBytes) {
                payload = Arrays.copyOf(payload, Math.min(KEPT_BYTES, maxPayloadBytes));
            }
            InboundMessage inbound = new InboundMessage(topic, payload, message.getId(), message.getQos(),
                connection.get(), clock.instant(), size, properties(message));
            if (inbound.qos() > 0 && !admit(inbound)) {
                return;
            }
            sink.accept(inbound);
        }

        /**
         * A retained message is a stored copy the broker replays to every new subscription: reading it would store
         * (or refuse) its readings again at each restart. Only a broker that ignores Retain Handling sends it.
         */
        private void dropRetained(String topic, MqttMessage message) {
            LOG.warn("Dropped a retained message on {} ({} bytes): retained messages are never read", topic,
                message.getPayload().length);
            if (message.getQos() > 0) {
                try {
                    client.messageArrivedComplete(message.getId(), message.getQos());
                } catch (MqttException e) {
                    LOG.debug("Could not acknowledge retained message {}: {}", message.getId(), e.getMessage());
                }
            }
        }

        /** Waits for room in the window; false when the connection went meanwhile (the broker will resend). */
        private boolean admit(InboundMessage inbound) {
            if (window.isFull() && warnedFull.getAndSet(inbound.connection()) != inbound.connection()) {
                LOG.warn("The broker sent more than the receive maximum of {} unacknowledged messages; reading from it"
                    + " pauses until commits free room", config.receiveMaximum());
            }
            return window.enter(inbound.connection(), connection::get);
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            // Messages of the lost connection can no longer be acknowledged; the broker will redeliver them.
            connection.incrementAndGet();
            setConnected(false);
            LOG.warn("Lost the broker connection: {}", response.getReasonString() != null
                ? response.getReasonString() : String.valueOf(response.getException()));
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            if (!reconnect) {
                return;
            }
            try {
                subscribe();
                announce();
                setConnected(true);
                LOG.info("Reconnected to {}", serverUri);
            } catch (MqttException e) {
                LOG.warn("Resubscribing after reconnect failed: {}", e.getMessage());
            }
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            LOG.warn("MQTT error: {}", exception.getMessage());
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
        }
    }
}
