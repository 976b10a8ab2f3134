package org.smartcamp.deploy.cli;

import java.io.PrintStream;
import org.smartcamp.simulator.ProgressListener;

/** Shows a long run's progress on one terminal line, at most once a second. */
final class ConsoleProgress implements ProgressListener {
    private final PrintStream out;
    private long lastNanos;
    private boolean shown;

    ConsoleProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public void onProgress(Progress p) {
        long now = System.nanoTime();
        if (shown && now - lastNanos < 1_000_000_000L && !(p.fraction() >= 1)) {
            return;
        }
        lastNanos = now;
        shown = true;
        String percent = Double.isNaN(p.fraction()) ? "" : String.format(" %3.0f%%", 100 * p.fraction());
        out.printf("\r%s%s  %,d readings in %,d messages ", p.simTime(), percent, p.readingsSent(), p.messages());
        out.flush();
    }

    /** Ends the progress line. */
    void done() {
        if (shown) {
            out.println();
        }
    }
}
