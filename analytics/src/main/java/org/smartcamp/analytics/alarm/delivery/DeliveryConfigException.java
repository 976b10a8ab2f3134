package org.smartcamp.analytics.alarm.delivery;

/** A delivery setting or channel that cannot work; the message is one line that names the field. */
public final class DeliveryConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DeliveryConfigException(String message) {
        super(message);
    }

    public DeliveryConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
