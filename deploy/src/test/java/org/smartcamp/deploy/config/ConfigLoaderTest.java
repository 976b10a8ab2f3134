package org.smartcamp.deploy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartcamp.ingest.IngestConfig;
import org.smartcamp.ingest.wire.sparkplug.SparkplugConfig;
import org.smartcamp.simulator.gateway.MqttPublisherConfig;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void defaultsApplyWithoutFileOrEnvironment() {
        IngestConfig config = IngestSettings.ingest(ConfigLoader.load(null, Map.of()));
        assertThat(config.mqtt().serverUri()).isEqualTo("tcp://127.0.0.1:1883");
        assertThat(config.mqtt().sessionExpiry()).isEqualTo(Duration.ofDays(7));
        assertThat(config.batch().maxDelay()).isEqualTo(Duration.ofMillis(200));
        assertThat(config.database().retention()).isNull();
    }

    @Test
    void sparkplugIsOffByDefaultAndOnForOneGroupWhenSet() {
        assertThat(IngestSettings.ingest(ConfigLoader.load(null, Map.of())).sparkplug().enabled()).isFalse();

        SparkplugConfig on = IngestSettings.ingest(ConfigLoader.load(null, Map.of("SMARTCAMP_SPARKPLUG_ENABLED",
            "true", "SMARTCAMP_SPARKPLUG_GROUP", "unmiss", "SMARTCAMP_SPARKPLUG_HOST_ID", "hq-1"))).sparkplug();

        assertThat(on.enabled()).isTrue();
        assertThat(on.group()).isEqualTo("unmiss");
        assertThat(on.hostId()).isEqualTo("hq-1");
        assertThat(on.rebirthInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThatThrownBy(() -> IngestSettings.ingest(ConfigLoader.load(null, Map.of("SMARTCAMP_SPARKPLUG_ENABLED",
            "true", "SMARTCAMP_SPARKPLUG_HOST_ID", "hq/1")))).isInstanceOf(ConfigException.class)
            .hasMessageContaining("sparkplug.hostId");
    }

    @Test
    void fileOverridesDefaultsAndEnvironmentOverridesFile() throws IOException {
        Path file = write("database:\n  url: jdbc:postgresql://db:5432/camp\n  poolSize: 8\n"
            + "mqtt:\n  sharedGroup: ingest\n  receiveMaximum: 500\n");
        Settings s = ConfigLoader.load(file, Map.of("SMARTCAMP_MQTT_RECEIVE_MAXIMUM", "250",
            "SMARTCAMP_DATABASE_RETENTION", "400d"));
        IngestConfig config = IngestSettings.ingest(s);
        assertThat(config.database().url()).isEqualTo("jdbc:postgresql://db:5432/camp");
        assertThat(config.database().poolSize()).isEqualTo(8);
        assertThat(config.database().retention()).isEqualTo(Duration.ofDays(400));
        assertThat(config.mqtt().receiveMaximum()).isEqualTo(250);
        assertThat(config.mqtt().subscription()).isEqualTo("$share/ingest/smartcamp/v1/+/+/+/telemetry");
        assertThat(s.source(ConfigKey.MQTT_RECEIVE_MAXIMUM)).isEqualTo("environment variable "
            + "SMARTCAMP_MQTT_RECEIVE_MAXIMUM");
        assertThat(s.source(ConfigKey.DATABASE_POOL_SIZE)).isEqualTo(file.toString());
    }

    @Test
    void anUnknownKeyInTheFileIsAnErrorNamingIt() throws IOException {
        Path file = write("mqtt:\n  recieveMaximum: 5\n");
        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of())).isInstanceOf(ConfigException.class)
            .hasMessageContaining("unknown key 'mqtt.recieveMaximum'");
    }

    @Test
    void aKeyGivenTwiceInTheFileIsAnErrorNotTheLastOneSilentlyWinning() throws IOException {
        Path file = write("database:\n  user: smartcamp\n  poolSize: 4\n  user: postgres\n");
        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of())).isInstanceOf(ConfigException.class)
            .hasMessageEndingWith("is not valid YAML: Duplicate field 'user' (line 4)");
    }

    @Test
    void aVariableThatNamesNoKeyIsAnErrorLikeAnUnknownKeyInTheFile() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("SMARTCAMP_MQTT_URLL", "tcp://x:1")))
            .isInstanceOf(ConfigException.class)
            .hasMessage("environment variable SMARTCAMP_MQTT_URLL: unknown key (docs/configuration.md lists every key"
                + " and its variable)");
    }

    @Test
    void theLaunchersOwnAndTheTestsVariablesAreNotKeys() {
        Settings s = ConfigLoader.load(null, Map.of("SMARTCAMP_CONFIG", "x.yaml", "SMARTCAMP_JAR", "x.jar",
            "SMARTCAMP_DEBUG", "1", "SMARTCAMP_TEST_DB_URL", "jdbc:postgresql://x/y", "SMARTCAMP_MQTT_URL",
            "tcp://broker:1883", "OTHER_SMARTCAMP_X", "not ours"));
        assertThat(s.text(ConfigKey.MQTT_URL)).isEqualTo("tcp://broker:1883");
    }

    @Test
    void publishersReadTheBrokerAndItsCredentialsLikeTheIngestAndOptionsWin() {
        Settings s = ConfigLoader.load(null, Map.of("SMARTCAMP_MQTT_URL", "tcp://broker:1883",
            "SMARTCAMP_MQTT_USERNAME", "unmiss/juba1/gw-1", "SMARTCAMP_MQTT_PASSWORD", "secret"));

        MqttPublisherConfig fromConfig = PublisherSettings.publisher(s, null, null);
        MqttPublisherConfig fromOptions = PublisherSettings.publisher(s, "tcp://other:1884", "unmiss/bor1/gw-1");

        assertThat(fromConfig.serverUri()).isEqualTo("tcp://broker:1883");
        assertThat(fromConfig.username()).isEqualTo("unmiss/juba1/gw-1");
        assertThat(fromConfig.password()).isEqualTo("secret");
        assertThat(fromOptions.serverUri()).isEqualTo("tcp://other:1884");
        assertThat(fromOptions.username()).isEqualTo("unmiss/bor1/gw-1");
        assertThat(fromOptions.password()).isEqualTo("secret");
        assertThatThrownBy(() -> PublisherSettings.publisher(s, "broker:1883", null))
            .hasMessageContaining("mqtt.url (from --mqtt-url) is 'broker:1883'");
    }

    @Test
    void badValuesAreRefusedWithTheKeyItsSourceAndWhatIsExpected() {
        Settings s = ConfigLoader.load(null, Map.of("SMARTCAMP_MQTT_RECEIVE_MAXIMUM", "lots"));
        assertThatThrownBy(() -> IngestSettings.ingest(s)).isInstanceOf(ConfigException.class)
            .hasMessage("mqtt.receiveMaximum (from environment variable SMARTCAMP_MQTT_RECEIVE_MAXIMUM) is 'lots'; "
                + "expected a whole number from 1 to 65535");
        Settings d = ConfigLoader.load(null, Map.of("SMARTCAMP_INGEST_BATCH_DELAY", "soon"));
        assertThatThrownBy(() -> IngestSettings.ingest(d)).hasMessageContaining("ingest.batchDelay");
        Settings u = ConfigLoader.load(null, Map.of("SMARTCAMP_DATABASE_URL", "mysql://x"));
        assertThatThrownBy(() -> IngestSettings.ingest(u)).hasMessageContaining("jdbc:postgresql://");
    }

    @Test
    void writersLeftUnsetFitThePoolAndWritersSetBeyondItAreRefused() {
        assertThat(IngestSettings.ingest(ConfigLoader.load(null, Map.of())).batch().writers()).isEqualTo(3);
        assertThat(IngestSettings.ingest(ConfigLoader.load(null, Map.of("SMARTCAMP_DATABASE_POOL_SIZE", "2")))
            .batch().writers()).as("an edge node's pool of two").isEqualTo(1);
        assertThat(IngestSettings.ingest(ConfigLoader.load(null, Map.of("SMARTCAMP_INGEST_WRITERS", "1")))
            .batch().writers()).isEqualTo(1);
        Settings tooMany = ConfigLoader.load(null, Map.of("SMARTCAMP_INGEST_WRITERS", "4"));
        assertThatThrownBy(() -> IngestSettings.ingest(tooMany)).isInstanceOf(ConfigException.class)
            .hasMessage("ingest.writers is 4 but database.poolSize is 4; the ingest needs at least one connection"
                + " more than it has writers");
        for (String bad : new String[] {"lots", "0", "-1", "17", "99999999999"}) {
            Settings s = ConfigLoader.load(null, Map.of("SMARTCAMP_INGEST_WRITERS", bad));
            assertThatThrownBy(() -> IngestSettings.ingest(s)).isInstanceOf(ConfigException.class)
                .hasMessage("ingest.writers (from environment variable SMARTCAMP_INGEST_WRITERS) is '" + bad
                    + "'; expected a whole number from 1 to 16");
        }
    }

    @Test
    void secretsAreNeverShownInErrors() {
        Settings s = ConfigLoader.load(null, Map.of("SMARTCAMP_DATABASE_PASSWORD", "hunter2"));
        assertThat(s.text(ConfigKey.DATABASE_PASSWORD)).isEqualTo("hunter2");
        assertThat(IngestSettings.database(s).toString()).doesNotContain("hunter2");
    }

    @Test
    void invalidYamlIsAClearError() throws IOException {
        Path file = write("mqtt: [unclosed\n");
        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of())).isInstanceOf(ConfigException.class)
            .hasMessageContaining("is not valid YAML");
    }

    @Test
    void envVarNamesFollowTheKeys() {
        assertThat(ConfigKey.DATABASE_POOL_SIZE.envVar()).isEqualTo("SMARTCAMP_DATABASE_POOL_SIZE");
        assertThat(ConfigKey.MQTT_URL.envVar()).isEqualTo("SMARTCAMP_MQTT_URL");
        assertThat(ConfigKey.WIRE_MAX_FUTURE_SKEW.envVar()).isEqualTo("SMARTCAMP_WIRE_MAX_FUTURE_SKEW");
    }

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("smartcamp.yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
