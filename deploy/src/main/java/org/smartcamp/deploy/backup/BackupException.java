package org.smartcamp.deploy.backup;

/**
 * A backup or restore could not be done, or a restored database differs from its backup: the message says why in one
 * line (the tool that failed, the table that differs, the version that does not match) and what to do.
 */
public final class BackupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BackupException(String message) {
        super(message);
    }

    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
