package org.smartcamp.ingest.inventory;

/** An inventory file is unreadable or invalid; the message names the file, the field and what is wrong. */
public class InventoryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InventoryException(String message) {
        super(message);
    }

    public InventoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
