package org.smartcamp.ingest.testsupport;

import org.opentest4j.TestAbortedException;
import org.slf4j.LoggerFactory;

/**
 * A broker or database that no source gives the tests ({@link TestServices}): the test is skipped, not failed,
 * and the reason, one line, is logged once (a warning) so that a run's output says what was missing.
 */
public final class MissingService extends TestAbortedException {
    private static final long serialVersionUID = 1L;

    private MissingService(String message) {
        super(message);
    }

    /** The exception to throw, after logging {@code what}. */
    static MissingService report(String what) {
        LoggerFactory.getLogger(TestServices.class).warn("Integration tests skipped: {}", what);
        return new MissingService("skipped: " + what);
    }
}
