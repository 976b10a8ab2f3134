package org.smartcamp.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ReceiveWindowTest {
    private final AtomicLong connection = new AtomicLong(1);

    @Test
    void aMessageBeyondTheWindowWaitsUntilAnotherIsAcknowledged() {
        ReceiveWindow window = new ReceiveWindow(2);
        assertThat(window.enter(1, connection::get)).isTrue();
        assertThat(window.enter(1, connection::get)).isTrue();
        assertThat(window.isFull()).isTrue();

        CompletableFuture<Boolean> third = CompletableFuture.supplyAsync(() -> window.enter(1, connection::get));
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> !third.isDone());
        window.leave();

        await().atMost(Duration.ofSeconds(2)).until(third::isDone);
        assertThat(third.join()).isTrue();
    }

    @Test
    void aWaitingMessageOfALostConnectionIsDroppedForTheBrokerToResend() {
        ReceiveWindow window = new ReceiveWindow(1);
        window.enter(1, connection::get);

        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> window.enter(1, connection::get));
        connection.set(2);

        await().atMost(Duration.ofSeconds(2)).until(waiting::isDone);
        assertThat(waiting.join()).isFalse();
        assertThat(window.isFull()).as("the dropped message took no place").isTrue();
        window.leave();
        assertThat(window.enter(2, connection::get)).isTrue();
    }

    @Test
    void anInterruptedWaitGivesUpAndKeepsTheInterrupt() throws Exception {
        ReceiveWindow window = new ReceiveWindow(1);
        window.enter(1, connection::get);
        boolean[] result = new boolean[2];
        Thread t = new Thread(() -> {
            result[0] = window.enter(1, connection::get);
            result[1] = Thread.currentThread().isInterrupted();
        });
        t.start();
        t.interrupt();
        t.join(2_000);
        assertThat(result).containsExactly(false, true);
    }
}
