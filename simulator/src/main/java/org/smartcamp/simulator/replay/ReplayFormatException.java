package org.smartcamp.simulator.replay;

/** A recorded file that cannot be replayed: names the file, the line and what is wrong. */
public class ReplayFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ReplayFormatException(String file, long line, String problem) {
        super(file + ":" + line + ": " + problem);
    }
}
