package org.smartcamp.deploy.broker;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Just enough MQTT 5 on a socket to see the broker's reason codes byte for byte: CONNECT with a user, PUBLISH at
 * QoS 1, read CONNACK and PUBACK. (Paho 1.2.5 drops the connection on a PUBACK that carries a failure reason code
 * without properties, as Mosquitto sends it, so it cannot show the code.)
 */
final class RawMqtt5Client implements AutoCloseable {
    /** What {@link #publish(String, byte[], boolean)} returns when the broker closed the connection. */
    static final int CLOSED = -1;
    private static final int PUBACK = 0x40;
    private static final int DISCONNECT = 0xE0;
    private final Socket socket;
    private final DataInputStream in;
    private int nextPacketId = 1;

    RawMqtt5Client(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(5_000);
        in = new DataInputStream(socket.getInputStream());
    }

    /** Sends CONNECT (clean start, with the user if not null) and returns the CONNACK's reason code. */
    int connect(String clientId, String user, String password) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        string(body, "MQTT");
        body.write(5);
        body.write(0x02 | (user == null ? 0 : 0xC0));
        body.write(0);
        body.write(30);
        body.write(0);
        string(body, clientId);
        if (user != null) {
            string(body, user);
            string(body, password);
        }
        send(0x10, body.toByteArray());
        byte[] connack = receive(0x20);
        return connack[1] & 0xFF;
    }

    /** Publishes at QoS 1 and returns the PUBACK's reason code (0 when the broker omits it for success). */
    int publish(String topic, String payload) throws IOException {
        return publish(topic, payload.getBytes(StandardCharsets.UTF_8), false);
    }

    /**
     * Publishes at QoS 1, with the retain flag when {@code retain}, and returns the PUBACK's reason code (0 when
     * the broker omits it for success), or the reason code of the DISCONNECT the broker sends instead, or
     * {@link #CLOSED} when it closes the connection without a word.
     */
    int publish(String topic, byte[] payload, boolean retain) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        string(body, topic);
        int id = nextPacketId++;
        body.write(id >> 8);
        body.write(id & 0xFF);
        body.write(0);
        body.writeBytes(payload);
        send(retain ? 0x33 : 0x32, body.toByteArray());
        byte[] answer;
        try {
            answer = receive(PUBACK, DISCONNECT);
        } catch (EOFException closed) {
            return CLOSED;
        }
        int codeAt = (answer[0] & 0xF0) == DISCONNECT ? 1 : 3;
        return answer.length > codeAt ? answer[codeAt] & 0xFF : 0;
    }

    /** Whether the broker has closed the connection (waits up to the socket timeout for it). */
    boolean closedByBroker() {
        try {
            return in.read() < 0;
        } catch (java.net.SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    private void send(int header, byte[] body) throws IOException {
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        packet.write(header);
        int length = body.length;
        do {
            int digit = length % 128;
            length /= 128;
            packet.write(length > 0 ? digit | 0x80 : digit);
        } while (length > 0);
        packet.writeBytes(body);
        socket.getOutputStream().write(packet.toByteArray());
        socket.getOutputStream().flush();
    }

    /** The packet's type then its body. */
    private byte[] receive(int expectedType, int orType) throws IOException {
        byte[] packet = packet();
        int type = packet[0] & 0xF0;
        if (type != expectedType && type != orType) {
            throw new IOException("expected packet type " + expectedType + ", got " + type);
        }
        packet[0] = (byte) type;
        return packet;
    }

    private byte[] receive(int expectedType) throws IOException {
        byte[] packet = receive(expectedType, expectedType);
        return Arrays.copyOfRange(packet, 1, packet.length);
    }

    private byte[] packet() throws IOException {
        int header = in.readUnsignedByte();
        int length = 0;
        int shift = 0;
        int digit;
        do {
            digit = in.readUnsignedByte();
            length |= (digit & 0x7F) << shift;
            shift += 7;
        } while ((digit & 0x80) != 0);
        byte[] packet = new byte[length + 1];
        packet[0] = (byte) header;
        in.readFully(packet, 1, length);
        return packet;
    }

    private static void string(ByteArrayOutputStream out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write(bytes.length >> 8);
        out.write(bytes.length & 0xFF);
        out.writeBytes(bytes);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
