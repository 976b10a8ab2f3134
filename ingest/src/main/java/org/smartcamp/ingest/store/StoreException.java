package org.smartcamp.ingest.store;

/** The store could not do what was asked (database unreachable, transaction failed); nothing was half-done. */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
