package org.smartcamp.simulator.gateway;

/**
 * Where simulated gateways send their messages: an MQTT broker or a file. {@link #send} may block to slow the
 * simulation down to what the destination takes; {@link #close} returns once everything sent is delivered.
 */
public interface TelemetrySink extends AutoCloseable {

    /**
     * Sends one message.
     *
     * @throws TelemetrySinkException when it cannot be delivered
     */
    void send(OutgoingMessage message);

    /**
     * Delivers what is still in flight and releases the destination.
     *
     * @throws TelemetrySinkException when messages could not be delivered
     */
    @Override
    void close();
}
