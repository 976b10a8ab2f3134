package org.smartcamp.deploy.cli;

import java.io.PrintStream;
import org.smartcamp.simulator.GatewaySummary;
import org.smartcamp.simulator.SimulationSummary;

/** Prints the end-of-run report of {@code simulate} and {@code replay}. */
final class SummaryPrinter {
    private SummaryPrinter() {
    }

    static void print(SimulationSummary s, PrintStream out) {
        out.printf("%s: %s .. %s, %,d readings in %,d messages, %d outage backlog(s) sent, took %.1f s%n", s.name(),
            s.start(), s.end(), s.readings(), s.messages(), s.outages(), s.elapsed().toMillis() / 1000.0);
        for (GatewaySummary g : s.gateways()) {
            // mission/camp/gateway, not a topic: the topic depends on the protocol (SmartCamp JSON, Sparkplug B)
            String gateway = g.address().mission() + "/" + g.address().camp() + "/" + g.address().gateway();
            out.printf("  %-50s %,10d readings %,8d messages %,8d resent %d outage(s), %,d backlog readings%n",
                gateway, g.readings(), g.messages(), g.resentReadings(), g.outages(),
                g.backlogReadings());
        }
    }
}
