package org.smartcamp.deploy.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The figures of each case, logged and appended to {@code faults-report.md} in the build directory, where
 * docs/faults.md takes its numbers from.
 */
final class FaultReport {
    private static final Logger LOG = LoggerFactory.getLogger(FaultReport.class);

    private final StringBuilder text = new StringBuilder();

    FaultReport(String title, FaultProfile profile) {
        text.append("\n### ").append(title).append(" (").append(profile.name()).append(")\n\n");
    }

    /** Adds one figure. */
    FaultReport add(String what, String format, Object... args) {
        text.append("- ").append(what).append(": ").append(String.format(Locale.ROOT, format, args)).append('\n');
        return this;
    }

    /** Adds the end state against what was published. */
    FaultReport outcome(Outcome o, long messages) {
        return add("published", "%,d readings in %,d messages", o.published(), messages)
            .add("stored", "%,d rows (lost %d, never published %d, stored twice %d, wrong value %d, dead letters %d)",
                o.stored(), o.missing(), o.unexpected(), o.doubled(), o.wrongValue(), o.deadLetters());
    }

    /** Adds the ingest's memory. */
    FaultReport memory(double peakHeapBytes, double peakRssBytes, double maxQueueDepth) {
        return add("ingest memory", "peak heap in use %.0f MB (-Xmx%s), peak RSS %.0f MB, at most %.0f messages"
            + " held unacknowledged (receive maximum %d)", mb(peakHeapBytes), FaultProfile.HEAP, mb(peakRssBytes),
            maxQueueDepth, FaultProfile.RECEIVE_MAXIMUM);
    }

    static double mb(double bytes) {
        return bytes / (1024 * 1024);
    }

    /** Logs the figures and appends them to the report file. */
    void write() throws IOException {
        LOG.info("{}", text);
        Path file = Path.of(System.getenv().getOrDefault("SMARTCAMP_TEST_BUILD_DIR", "target"), "faults-report.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
