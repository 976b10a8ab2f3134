package org.smartcamp.deploy.cli;

/** A command could not do what was asked for a reason the user can fix; the message says which (one line). */
final class CommandException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CommandException(String message) {
        super(message);
    }
}
