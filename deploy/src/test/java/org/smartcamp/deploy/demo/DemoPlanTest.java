package org.smartcamp.deploy.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smartcamp.deploy.config.ConfigLoader;
import org.smartcamp.deploy.config.IngestSettings;
import org.smartcamp.deploy.config.Settings;

class DemoPlanTest {
    private static final DemoPlan.DemoOptions OPTIONS = new DemoPlan.DemoOptions("small-outpost",
        Duration.ofHours(6), Duration.ofDays(1), 0);

    @Test
    void withoutAConfiguredBrokerTheDemoStartsItsOwnFirstAndTheCampLast() {
        List<DemoComponent> components = DemoPlan.components(ConfigLoader.load(null, Map.of()), OPTIONS,
            Clock.systemUTC());

        assertThat(components).extracting(DemoComponent::name)
            .containsExactly("embedded MQTT broker", "database", "ingest", "simulated camp");
    }

    @Test
    void aConfiguredBrokerIsUsedAsIs() {
        Settings settings = ConfigLoader.load(null, Map.of("SMARTCAMP_MQTT_URL", "tcp://broker.example:1884"));

        List<DemoComponent> components = DemoPlan.components(settings, OPTIONS, Clock.systemUTC());

        assertThat(components).extracting(DemoComponent::name).containsExactly("database", "ingest", "simulated camp");
        assertThat(components.get(1).describe().get(0)).contains("from tcp://broker.example:1884");
    }

    @Test
    void movingTheIngestToAnotherBrokerKeepsEveryOtherSetting() {
        Settings settings = ConfigLoader.load(null, Map.of("SMARTCAMP_MQTT_SHARED_GROUP", "g",
            "SMARTCAMP_MQTT_RECEIVE_MAXIMUM", "77"));

        var moved = DemoPlan.withBroker(IngestSettings.ingest(settings), "tcp://127.0.0.1:1999");

        assertThat(moved.mqtt().serverUri()).isEqualTo("tcp://127.0.0.1:1999");
        assertThat(moved.mqtt().subscription()).startsWith("$share/g/");
        assertThat(moved.mqtt().receiveMaximum()).isEqualTo(77);
    }
}
