package org.smartcamp.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LifecycleTest {
    private final List<String> closed = new CopyOnWriteArrayList<>();
    private final Lifecycle lifecycle = new Lifecycle("test");

    @Test
    void closesInTheReverseOrderOfStart() {
        lifecycle.add("pool", "pool", closed::add);
        lifecycle.add("vert.x", (AutoCloseable) () -> closed.add("vert.x"));
        lifecycle.onClose("job", () -> closed.add("job"));
        lifecycle.add("server", "server", closed::add);

        assertThat(lifecycle.closeAll()).isEqualTo(4);

        assertThat(closed).containsExactly("server", "job", "vert.x", "pool");
    }

    @Test
    void aStepThatFailsToCloseIsLoggedAndTheOthersAreStillClosed() {
        lifecycle.add("pool", "pool", closed::add);
        lifecycle.add("checked", "checked", p -> {
            throw new IOException("disk gone");
        });
        lifecycle.add("runtime", "runtime", p -> {
            throw new IllegalStateException("already closed");
        });
        lifecycle.add("interrupted", "interrupted", p -> {
            throw new InterruptedException();
        });
        lifecycle.add("server", "server", closed::add);

        assertThat(lifecycle.closeAll()).isEqualTo(2);

        assertThat(closed).containsExactly("server", "pool");
        assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isTrue();
    }

    @Test
    void closeIsIdempotent() {
        lifecycle.add("pool", "pool", closed::add);

        lifecycle.close();
        lifecycle.close();

        assertThat(lifecycle.closeAll()).isZero();
        assertThat(closed).containsExactly("pool");
        assertThat(lifecycle.isClosed()).isTrue();
    }

    @Test
    void aPartStartedAfterTheCloseBeganIsClosedAtOnceAndTheStartFails() {
        lifecycle.close();

        assertThatThrownBy(() -> lifecycle.add("late server", "late server", closed::add))
            .isInstanceOf(IllegalStateException.class).hasMessage("test is closing: late server not started");
        assertThat(closed).containsExactly("late server");
    }

    @Test
    void addReturnsThePartSoThatAFieldIsAssignedInOneExpression() {
        StringBuilder part = new StringBuilder("x");

        assertThat(lifecycle.add("part", part, p -> closed.add(p.toString()))).isSameAs(part);
    }

    @Test
    void aCloseFromAnotherThreadWhileStartingClosesEveryPartOnce() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        Thread starter = new Thread(() -> {
            try {
                go.await();
                for (int i = 0; i < 10_000; i++) {
                    lifecycle.add("part-" + i, "part-" + i, closed::add);
                }
            } catch (IllegalStateException | InterruptedException expected) {
                // the close won the race: this part was closed by add itself
            }
        });
        starter.start();
        go.countDown();
        lifecycle.closeAll();
        starter.join(TimeUnit.SECONDS.toMillis(10));

        assertThat(closed).doesNotHaveDuplicates();
        assertThat(closed).hasSizeBetween(1, 10_000);
        assertThat(lifecycle.closeAll()).isZero();
    }
}
