package org.smartcamp.deploy.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.util.Locale;
import org.slf4j.LoggerFactory;
import org.smartcamp.deploy.config.ConfigException;
import org.smartcamp.deploy.config.ConfigKey;
import org.smartcamp.deploy.config.Settings;

/**
 * Applies {@code log.format} and {@code log.level} to logback once the configuration is resolved: logback.xml can
 * only see the environment variables, not the config file. Logs always go to stderr, so that a command's output on
 * stdout stays clean.
 */
public final class LogSetup {
    static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{30} - %msg%n";

    private LogSetup() {
    }

    /**
     * Switches the root logger to the configured format and level.
     *
     * @throws ConfigException when the format is not text or json, or the level is not a logback level
     */
    public static void apply(Settings settings) {
        String format = settings.text(ConfigKey.LOG_FORMAT).toLowerCase(Locale.ROOT);
        if (!format.equals("text") && !format.equals("json")) {
            throw new ConfigException("log.format (from " + settings.source(ConfigKey.LOG_FORMAT) + ") is '" + format
                + "'; expected text or json");
        }
        String levelText = settings.text(ConfigKey.LOG_LEVEL).toUpperCase(Locale.ROOT);
        Level level = Level.toLevel(levelText, null);
        if (level == null) {
            throw new ConfigException("log.level (from " + settings.source(ConfigKey.LOG_LEVEL) + ") is '" + levelText
                + "'; expected ERROR, WARN, INFO, DEBUG or TRACE");
        }
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(level);
        if (root.getAppender(format) == null) {
            ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
            appender.setContext(context);
            appender.setName(format);
            appender.setTarget("System.err");
            appender.setEncoder(encoder(format, context));
            appender.start();
            root.detachAndStopAllAppenders();
            root.addAppender(appender);
        }
    }

    private static Encoder<ILoggingEvent> encoder(String format, LoggerContext context) {
        if (format.equals("json")) {
            JsonEncoder json = new JsonEncoder();
            json.setContext(context);
            // One readable message per line (formattedMessage), not the "{}" template with its arguments apart.
            json.setWithMessage(false);
            json.setWithFormattedMessage(true);
            json.start();
            return json;
        }
        PatternLayoutEncoder text = new PatternLayoutEncoder();
        text.setContext(context);
        text.setPattern(PATTERN);
        text.start();
        return text;
    }
}
