package org.smartcamp.simulator.scenario;

/**
 * A scenario file that cannot be used: its message names the file, the field (as a path such as
 * {@code generators[1].fuel_curve.f0}) and what is wrong with it.
 */
public class ScenarioException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final String field;

    public ScenarioException(String source, String field, String problem) {
        super(source + ": " + (field == null || field.isEmpty() ? "" : field + ": ") + problem);
        this.source = source;
        this.field = field;
    }

    public ScenarioException(String source, String field, String problem, Throwable cause) {
        this(source, field, problem);
        initCause(cause);
    }

    /** The file (or resource) the scenario came from. */
    public String source() {
        return source;
    }

    /** The path of the offending field, or empty when the whole file is at fault. */
    public String field() {
        return field;
    }
}
