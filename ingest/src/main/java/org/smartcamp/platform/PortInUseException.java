package org.smartcamp.platform;

/** A server could not listen on its host and port, most often because another process holds the port. */
public final class PortInUseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String host;
    private final int port;

    public PortInUseException(String host, int port, Throwable cause) {
        super("cannot listen on " + host + ":" + port + ": " + (cause.getMessage() == null
            ? cause.getClass().getSimpleName() : cause.getMessage()), cause);
        this.host = host;
        this.port = port;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }
}
