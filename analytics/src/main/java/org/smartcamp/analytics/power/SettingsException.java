package org.smartcamp.analytics.power;

/** A camp's or asset's analytics setting is unknown or has a value that cannot be used; the message says which. */
public class SettingsException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public SettingsException(String message) {
        super(message);
    }
}
