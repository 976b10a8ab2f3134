package org.smartcamp.platform;

/**
 * A text that is not a duration of the one syntax ({@link Durations}). The message is {@code "<key>: <problem>"};
 * {@link #problem()} alone lets a caller put the key in its own words (a scenario's field path, a config source).
 */
public final class InvalidDurationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final String problem;

    public InvalidDurationException(String key, String problem) {
        super(key + ": " + problem);
        this.key = key;
        this.problem = problem;
    }

    /** What the text was the value of (a config key, a setting, a scenario field, an option). */
    public String key() {
        return key;
    }

    /** What is wrong with it, without the key, e.g. {@code 'soon' is not a duration (e.g. 30s, ...)}. */
    public String problem() {
        return problem;
    }
}
