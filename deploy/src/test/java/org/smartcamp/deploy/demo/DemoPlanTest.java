package org.smartcamp.deploy.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smartcamp.analytics.job.AnalyticsJobConfig;
import org.smartcamp.api.ApiConfig;
import org.smartcamp.deploy.config.AnalyticsJobSettings;
import org.smartcamp.deploy.config.ApiSettings;
import org.smartcamp.deploy.config.ConfigException;
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
            .containsExactly("embedded MQTT broker", "database", "ingest", "analytics", "api", "simulated camp");
    }

    @Test
    void aConfiguredBrokerIsUsedAsIs() {
        Settings settings = ConfigLoader.load(null, Map.of("SMARTCAMP_MQTT_URL", "tcp://broker.example:1884"));

        List<DemoComponent> components = DemoPlan.components(settings, OPTIONS, Clock.systemUTC());

        assertThat(components).extracting(DemoComponent::name).containsExactly("database", "ingest", "analytics", "api",
            "simulated camp");
        assertThat(components.get(1).describe().get(0)).contains("from tcp://broker.example:1884");
    }

    @Test
    void badApiSettingsFailThePlanBeforeAnythingStarts() {
        Settings settings = ConfigLoader.load(null, Map.of("SMARTCAMP_API_JWT_ALGORITHM", "ES256"));

        assertThatThrownBy(() -> DemoPlan.components(settings, OPTIONS, Clock.systemUTC()))
            .isInstanceOf(ConfigException.class).hasMessageContaining("api.jwt.publicKeyFile");
    }

    @Test
    void theDemoRunsTheAnalyticsFasterUnlessTheirIntervalsAreConfigured() {
        Settings defaults = ConfigLoader.load(null, Map.of());
        Settings slow = ConfigLoader.load(null, Map.of("SMARTCAMP_ANALYTICS_INTERVAL", "1m"));
        Settings both = ConfigLoader.load(null, Map.of("SMARTCAMP_ANALYTICS_INTERVAL", "10s",
            "SMARTCAMP_ANALYTICS_ANALYSIS_INTERVAL", "2m"));

        AnalyticsJobConfig fast = AnalyticsComponent.demoPace(defaults, AnalyticsJobSettings.job(defaults));
        AnalyticsJobConfig oneMinute = AnalyticsComponent.demoPace(slow, AnalyticsJobSettings.job(slow));
        AnalyticsJobConfig configured = AnalyticsComponent.demoPace(both, AnalyticsJobSettings.job(both));

        assertThat(fast.interval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(fast.analysisInterval()).isEqualTo(Duration.ofSeconds(20));
        assertThat(fast.lag()).isEqualTo(AnalyticsJobSettings.job(defaults).lag());
        assertThat(oneMinute.interval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(oneMinute.analysisInterval()).as("never shorter than the interval").isEqualTo(Duration.ofMinutes(1));
        assertThat(configured.interval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(configured.analysisInterval()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void theDemoApiTakesAFreePortWhenItsDefaultIsBusyAndServesHealthOnIt() throws IOException {
        Settings defaults = ConfigLoader.load(null, Map.of());
        Settings configured = ConfigLoader.load(null, Map.of("SMARTCAMP_API_PORT", "8123",
            "SMARTCAMP_API_MANAGEMENT_PORT", "8124"));
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            ApiConfig busy = ApiSettings.api(defaults).withListen(new ApiConfig.Listen("127.0.0.1",
                taken.getLocalPort(), "127.0.0.1", 9466));

            ApiConfig.Listen moved = ApiComponent.demoListen(defaults, busy).listen();
            ApiConfig.Listen asSet = ApiComponent.demoListen(configured, ApiSettings.api(configured)).listen();

            assertThat(moved.port()).isPositive().isNotEqualTo(taken.getLocalPort());
            assertThat(moved.managementPort()).isEqualTo(-1);
            assertThat(asSet).isEqualTo(new ApiConfig.Listen("127.0.0.1", 8123, "127.0.0.1", 8124));
        }
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
