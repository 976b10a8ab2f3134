package org.smartcamp.deploy.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.core.ConsoleAppender;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.smartcamp.deploy.config.ConfigException;
import org.smartcamp.deploy.config.ConfigLoader;

class LogSetupTest {
    private final Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory())
        .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @AfterEach
    void backToText() {
        LogSetup.apply(ConfigLoader.load(null, Map.of()));
    }

    @Test
    void jsonSwitchesTheRootLoggerToOneJsonObjectPerLineOnStderr() {
        LogSetup.apply(ConfigLoader.load(null, Map.of("SMARTCAMP_LOG_FORMAT", "json", "SMARTCAMP_LOG_LEVEL", "warn")));

        ConsoleAppender<?> appender = (ConsoleAppender<?>) root.getAppender("json");
        assertThat(appender.getEncoder()).isInstanceOf(JsonEncoder.class);
        assertThat(appender.getTarget()).isEqualTo("System.err");
        assertThat(root.getAppender("text")).isNull();
        assertThat(root.getLevel()).isEqualTo(Level.WARN);
    }

    @Test
    void textIsTheDefault() {
        LogSetup.apply(ConfigLoader.load(null, Map.of()));

        assertThat(root.getAppender("text")).isNotNull();
        assertThat(root.getAppender("json")).isNull();
        assertThat(root.getLevel()).isEqualTo(Level.INFO);
    }

    @Test
    void unknownFormatsAndLevelsAreConfigurationErrors() {
        assertThatThrownBy(() -> LogSetup.apply(ConfigLoader.load(null, Map.of("SMARTCAMP_LOG_FORMAT", "xml"))))
            .isInstanceOf(ConfigException.class)
            .hasMessage("log.format (from environment variable SMARTCAMP_LOG_FORMAT) is 'xml'; expected text or json");
        assertThatThrownBy(() -> LogSetup.apply(ConfigLoader.load(null, Map.of("SMARTCAMP_LOG_LEVEL", "loud"))))
            .isInstanceOf(ConfigException.class).hasMessageContaining("log.level");
    }
}
