package org.smartcamp.analytics.alarm.delivery;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * A camp display as a real MQTT subscriber: subscribed to every camp's alarm topic ({@code smartcamp/alarms/#}) with
 * QoS 1, it records each message that arrives.
 */
public final class AlarmDisplay implements AutoCloseable {
    /** One message as the display received it. */
    public record Got(String topic, MqttMessage message) {
    }

    private final MqttClient client;
    private final List<Got> received = new CopyOnWriteArrayList<>();

    public AlarmDisplay(String brokerUrl) throws MqttException {
        client = new MqttClient(brokerUrl, "display-" + UUID.randomUUID(), new MemoryPersistence());
        client.setCallback(new Recorder());
        client.connect(new MqttConnectionOptions());
        client.subscribe("smartcamp/alarms/#", 1);
    }

    /** What arrived so far, in order. */
    public List<Got> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() throws MqttException {
        client.disconnect();
        client.close();
    }

    /** Records what arrives. */
    private final class Recorder implements MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            received.add(new Got(topic, message));
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
        }
    }
}
