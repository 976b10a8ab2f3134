package org.smartcamp.ingest.mqtt;

/** The broker could not be reached or refused the connection or subscription. */
public class BrokerUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BrokerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
