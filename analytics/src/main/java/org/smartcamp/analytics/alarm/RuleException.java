package org.smartcamp.analytics.alarm;

/** A rule refused, with the field it is about; the message is one line that names the field. */
public final class RuleException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String field;

    public RuleException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    /** The refused field, e.g. {@code channels[0].url}. */
    public String field() {
        return field;
    }
}
