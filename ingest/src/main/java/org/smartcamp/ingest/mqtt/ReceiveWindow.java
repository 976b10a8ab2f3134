package org.smartcamp.ingest.mqtt;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The ingest's own bound on the messages it holds unacknowledged: at most {@code size} (the receive maximum it
 * announces). The broker should never send more than that, but a broker that does (Mosquitto 2.0.11 sends past
 * the receive maximum once acknowledgements arrive while messages are queued for the client) would otherwise fill
 * the heap with a whole backlog. A message beyond the window makes the receiving thread wait; Paho then stops
 * reading the socket and TCP holds the broker back. Thread-safe.
 */
final class ReceiveWindow {
    private static final long POLL_MS = 200;

    private final Semaphore room;

    ReceiveWindow(int size) {
        this.room = new Semaphore(size);
    }

    /**
     * Takes a place for a message of connection {@code connection}, waiting while the window is full.
     *
     * @param current the connection now up; when it is no longer {@code connection} the message can never be
     *                acknowledged, so waiting stops (the broker sends the message again on the new connection)
     * @return whether the message has a place (false: drop it unacknowledged)
     */
    boolean enter(long connection, LongSupplier current) {
        try {
            while (!room.tryAcquire(POLL_MS, TimeUnit.MILLISECONDS)) {
                if (current.getAsLong() != connection) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            // Paho interrupts its callback thread when it drops the connection.
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Frees the place of a message that was acknowledged (or can no longer be). */
    void leave() {
        room.release();
    }

    /** Whether a message arriving now would have to wait. */
    boolean isFull() {
        return room.availablePermits() == 0;
    }
}
