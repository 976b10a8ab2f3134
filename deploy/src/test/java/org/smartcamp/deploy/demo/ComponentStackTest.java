package org.smartcamp.deploy.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComponentStackTest {
    private final List<String> events = new ArrayList<>();

    @Test
    void startsInOrderAndStopsInReverseOrderOnce() throws Exception {
        ComponentStack stack = new ComponentStack();
        stack.startAll(List.of(new Recorder("broker", false), new Recorder("ingest", false),
            new Recorder("camp", false)));

        assertThat(stack.stopAll()).isEqualTo(3);
        assertThat(stack.stopAll()).isZero();
        assertThat(events).containsExactly("start broker", "start ingest", "start camp", "stop camp", "stop ingest",
            "stop broker");
    }

    @Test
    void aFailedStartStopsWhatHadStartedAndRethrows() {
        ComponentStack stack = new ComponentStack();

        assertThatThrownBy(() -> stack.startAll(List.of(new Recorder("broker", false), new Recorder("ingest", true),
            new Recorder("camp", false)))).hasMessage("ingest cannot start");
        assertThat(events).containsExactly("start broker", "start ingest", "stop broker");
    }

    @Test
    void describesTheStartedComponentsInStartOrder() throws Exception {
        ComponentStack stack = new ComponentStack();
        stack.startAll(List.of(new Recorder("broker", false), new Recorder("ingest", false)));

        assertThat(stack.describe()).containsExactly("broker: up", "ingest: up");
    }

    @Test
    void nothingStartsOnceStopping() {
        ComponentStack stack = new ComponentStack();
        stack.stopAll();

        assertThatThrownBy(() -> stack.startAll(List.of(new Recorder("broker", false))))
            .isInstanceOf(IllegalStateException.class);
        assertThat(events).isEmpty();
    }

    private final class Recorder implements DemoComponent {
        private final String name;
        private final boolean fails;

        Recorder(String name, boolean fails) {
            this.name = name;
            this.fails = fails;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void start() {
            events.add("start " + name);
            if (fails) {
                throw new IllegalStateException(name + " cannot start");
            }
        }

        @Override
        public void stop() {
            events.add("stop " + name);
        }

        @Override
        public List<String> describe() {
            return List.of(name + ": up");
        }
    }
}
