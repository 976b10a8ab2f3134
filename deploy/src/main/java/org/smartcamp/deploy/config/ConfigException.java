package org.smartcamp.deploy.config;

/** The configuration is wrong; the message names the key and says what is expected. */
public class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
