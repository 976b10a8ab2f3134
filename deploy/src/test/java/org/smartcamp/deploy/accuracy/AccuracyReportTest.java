package org.smartcamp.deploy.accuracy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's verdicts on the targets of issue 16 that are more than a worst error. */
class AccuracyReportTest {

    private static RunResult run(RunResult.Errors fuel, Score outages, RunResult.Overload overload, Score stuck) {
        RunResult.Errors none = RunResult.Errors.NONE;
        return new RunResult("s", 11, 10, 1, fuel, none, none, none, none, Score.NONE, none, Score.NONE, Score.NONE,
            List.of(), List.of(), outages, overload, stuck, 0, 0);
    }

    private static RunResult.Errors days(int within, double... worse) {
        RunResult.Errors e = RunResult.Errors.NONE;
        for (int i = 0; i < within; i++) {
            e = e.add(0.005);
        }
        for (double w : worse) {
            e = e.add(w);
        }
        return e;
    }

    private static AccuracyReport fuel(RunResult.Errors fuel) {
        return new AccuracyReport(List.of(run(fuel, Score.NONE, RunResult.Overload.NONE, Score.NONE)));
    }

    @Test
    void dailyFuelNeedsNinetyEightPercentOfDaysWithinOnePercentAndNoneWorseThanThree() {
        assertThat(fuel(days(98, 0.02, 0.029)).fuelMet()).isTrue();
        assertThat(fuel(days(97, 0.02, 0.02, 0.02)).fuelMet()).isFalse();
        assertThat(fuel(days(99, 0.031)).fuelMet()).isFalse();
        assertThat(fuel(days(99, 0.031)).misses()).anyMatch(m -> m.startsWith("daily fuel per generator"));
        assertThat(fuel(days(98, 0.02).addMissing()).fuelMet()).isFalse();
    }

    @Test
    void outagesOverloadAndStuckGaugesAreTargetsOfTheirOwn() {
        AccuracyReport good = new AccuracyReport(List.of(run(days(10), new Score(20, 1, 0),
            new RunResult.Overload(4, 0), new Score(9, 0, 1))));
        assertThat(good.misses()).isEmpty();
        AccuracyReport bad = new AccuracyReport(List.of(run(days(10), new Score(18, 0, 2),
            new RunResult.Overload(4, 1), new Score(8, 1, 2))));
        assertThat(bad.misses()).hasSize(3).anyMatch(m -> m.startsWith("outages"))
            .anyMatch(m -> m.startsWith("overload")).anyMatch(m -> m.startsWith("stuck gauges"));
        assertThat(bad.markdown("test", "here")).contains("| overload on sets within their rating (4 sets) | no event"
            + " | 1 events | **no** |");
    }
}
