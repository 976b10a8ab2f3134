package org.smartcamp.deploy.accuracy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The runs of the accuracy harness together: counts summed over all runs before ratios are taken, worst errors
 * over all runs, each against the target of the analytics issue; and the markdown table that
 * {@code smartcamp accuracy --out docs/analytics-accuracy.md} writes.
 */
public final class AccuracyReport {
    static final double FUEL_TARGET = 0.01;
    static final double REFUEL_SCORE_TARGET = 0.98;
    static final double REFUEL_VOLUME_TARGET = 0.02;
    static final double THEFT_SCORE_TARGET = 0.95;
    static final double LEAK_DELAY_TARGET_DAYS = 3;
    static final double DAYS_OF_SUPPLY_TARGET = 0.10;
    static final double POWER_TARGET = 0.01;

    /** What the figures do not show, printed under them. */
    static final String LIMITS = """

        ## What this does not show

        - One analytics pass over each whole run: the job's pass-by-pass behaviour as data and backlogs arrive
          (figures corrected, events replaced rather than doubled) is checked by `AnalyticsPassIT`, not scored here.
        - The scenarios carry no delivery notes, so short fills are not scored (`DeliveryReconciliationTest` checks
          them with known answers).
        - Simulated sensors: their noise, sloshing, spikes, stuck readings and dropouts are modelled, a real
          camp's sensors will differ.
        """;

    private final List<RunResult> runs;

    public AccuracyReport(List<RunResult> runs) {
        this.runs = List.copyOf(runs);
    }

    public List<RunResult> runs() {
        return runs;
    }

    RunResult.Errors fuel() {
        return runs.stream().map(RunResult::fuel).reduce(RunResult.Errors.NONE, RunResult.Errors::plus);
    }

    RunResult.Errors runningHours() {
        return runs.stream().map(RunResult::runningHours).reduce(RunResult.Errors.NONE, RunResult.Errors::plus);
    }

    RunResult.Errors loadFactor() {
        return runs.stream().map(RunResult::loadFactor).reduce(RunResult.Errors.NONE, RunResult.Errors::plus);
    }

    Score refuels() {
        return runs.stream().map(RunResult::refuels).reduce(Score.NONE, Score::plus);
    }

    RunResult.Errors refuelVolume() {
        return runs.stream().map(RunResult::refuelVolume).reduce(RunResult.Errors.NONE, RunResult.Errors::plus);
    }

    Score thefts() {
        return runs.stream().map(RunResult::thefts).reduce(Score.NONE, Score::plus);
    }

    Score leaks() {
        return runs.stream().map(RunResult::leaks).reduce(Score.NONE, Score::plus);
    }

    double worstLeakDelay() {
        return runs.stream().mapToDouble(RunResult::worstLeakDelay).max().orElse(0);
    }

    double worstDaysOfSupply() {
        return runs.stream().mapToDouble(RunResult::worstDaysOfSupply).max().orElse(0);
    }

    /** The targets missed, each as a sentence with the measured figure; empty when all are met. */
    public List<String> misses() {
        List<String> out = new ArrayList<>();
        check(out, fuel().missing() == 0 && fuel().worst() <= FUEL_TARGET, "daily fuel per generator: worst %s, "
            + "%d days without a figure (target within 1 %%)", pct(fuel().worst()), fuel().missing());
        Score r = refuels();
        check(out, r.recall() >= REFUEL_SCORE_TARGET && r.precision() >= REFUEL_SCORE_TARGET,
            "refuels: recall %.3f, precision %.3f (target 0.98)", r.recall(), r.precision());
        check(out, refuelVolume().worst() <= REFUEL_VOLUME_TARGET, "refuel volume: worst %s (target 2 %%)",
            pct(refuelVolume().worst()));
        Score t = thefts();
        check(out, t.recall() >= THEFT_SCORE_TARGET && t.precision() >= THEFT_SCORE_TARGET,
            "thefts >= 20 L: recall %.3f, precision %.3f (target 0.95)", t.recall(), t.precision());
        Score l = leaks();
        check(out, l.falseNegatives() == 0 && worstLeakDelay() <= LEAK_DELAY_TARGET_DAYS,
            "leaks >= 10 L/day: %d of %d found, worst delay %.2f days (target all within 3 days)", l.truePositives(),
            l.truePositives() + l.falseNegatives(), worstLeakDelay());
        check(out, worstDaysOfSupply() <= DAYS_OF_SUPPLY_TARGET, "days of supply: worst %s (target 10 %%)",
            pct(worstDaysOfSupply()));
        check(out, loadFactor().missing() == 0 && loadFactor().worst() <= POWER_TARGET,
            "load factor: worst %s, %d days without a figure (target 1 %%)", pct(loadFactor().worst()),
            loadFactor().missing());
        check(out, runningHours().missing() == 0 && runningHours().worst() <= POWER_TARGET,
            "engine hours: worst %s, %d days without a figure (target 1 %%)", pct(runningHours().worst()),
            runningHours().missing());
        return out;
    }

    private static void check(List<String> out, boolean met, String format, Object... args) {
        if (!met) {
            out.add(String.format(Locale.ROOT, format, args));
        }
    }

    /** The report as markdown: the command, the targets table, then one row per run. */
    public String markdown(String command, String machine) {
        StringBuilder md = new StringBuilder();
        md.append("# Analytics accuracy against simulator ground truth\n\n")
            .append("Written by `").append(command).append("`, ").append(machine).append("\n\n")
            .append("Each run feeds a bundled scenario (with its link outages, backlogs and resends) through the")
            .append(" ingest")
            .append(" pipeline into a fresh schema, runs one pass of the analytics job with the analyzers of")
            .append(" `smartcamp analytics`, and compares what the job stored (`analytics_daily`, `analytics_events`,")
            .append(" `analytics_current`) with the simulator's ground truth. Counts are summed over all runs before")
            .append(" ratios are taken; errors are the worst over all runs. Relative errors of litres and hours are")
            .append(" taken against at least 1 L or 1 h (a set that never ran); a detected event pairs with a true")
            .append(" one of the same asset that it overlaps within 30 minutes (leaks: within 3 days); a theft")
            .append(" detected where only a theft under 20 L happened counts as a false positive. Days of supply")
            .append(" are compared with the truth at the end of the run: the fuel held over the rate it left the tanks")
            .append(" other than by theft over the last week.\n\n");
        md.append("| Figure | Target | Measured | Met |\n|---|---|---|---|\n");
        row(md, "daily fuel per generator (" + fuel().compared() + " generator-days)", "within 1 %",
            "worst " + pct(fuel().worst()) + ", mean " + pct(fuel().mean()) + missing(fuel()),
            fuel().missing() == 0 && fuel().worst() <= FUEL_TARGET);
        Score r = refuels();
        row(md, "refuels (" + (r.truePositives() + r.falseNegatives()) + " real)", "recall and precision >= 0.98",
            String.format(Locale.ROOT, "recall %.3f, precision %.3f (%d found, %d false, %d missed)", r.recall(),
                r.precision(), r.truePositives(), r.falsePositives(), r.falseNegatives()),
            r.recall() >= REFUEL_SCORE_TARGET && r.precision() >= REFUEL_SCORE_TARGET);
        row(md, "refuel volume", "within 2 %", "worst " + pct(refuelVolume().worst()) + ", mean "
            + pct(refuelVolume().mean()), refuelVolume().worst() <= REFUEL_VOLUME_TARGET);
        Score t = thefts();
        row(md, "thefts and drains >= 20 L (" + (t.truePositives() + t.falseNegatives()) + " real)",
            "recall and precision >= 0.95", String.format(Locale.ROOT, "recall %.3f, precision %.3f (%d found, %d"
                + " false, %d missed)", t.recall(), t.precision(), t.truePositives(), t.falsePositives(),
                t.falseNegatives()), t.recall() >= THEFT_SCORE_TARGET && t.precision() >= THEFT_SCORE_TARGET);
        Score l = leaks();
        row(md, "leaks >= 10 L/day (" + (l.truePositives() + l.falseNegatives()) + " real)", "found within 3 days",
            String.format(Locale.ROOT, "%d found, worst after %.2f days, %d false alarms", l.truePositives(),
                worstLeakDelay(), l.falsePositives()),
            l.falseNegatives() == 0 && worstLeakDelay() <= LEAK_DELAY_TARGET_DAYS);
        int forecasts = runs.stream().mapToInt(x -> x.daysOfSupply().size()).sum();
        row(md, "days of supply (" + forecasts + " tank and camp forecasts)", "within 10 %",
            "worst " + pct(worstDaysOfSupply()), worstDaysOfSupply() <= DAYS_OF_SUPPLY_TARGET);
        row(md, "load factor (" + loadFactor().compared() + " generator-days)", "within 1 %",
            "worst " + pct(loadFactor().worst()) + missing(loadFactor()),
            loadFactor().missing() == 0 && loadFactor().worst() <= POWER_TARGET);
        row(md, "engine hours (" + runningHours().compared() + " generator-days)", "within 1 %",
            "worst " + pct(runningHours().worst()) + missing(runningHours()),
            runningHours().missing() == 0 && runningHours().worst() <= POWER_TARGET);
        md.append("\n## Runs\n\n| Scenario | Seed | Days | Readings | Fuel worst | Refuels (found/false/missed) |"
            + " Refuel vol. worst | Thefts (found/false/missed) | Leaks (found/false/missed, worst delay d) |"
            + " Days of supply worst | LF worst | Hours worst | Feed s | Analytics s |\n"
            + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (RunResult x : runs) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %s | %s | %s | %s | %s, %.2f | %s | %s | %s |"
                    + " %.1f | %.1f |%n", x.scenario(), x.seed(), x.days(), x.readings(), pct(x.fuel().worst()),
                counts(x.refuels()), pct(x.refuelVolume().worst()), counts(x.thefts()), counts(x.leaks()),
                x.worstLeakDelay(), pct(x.worstDaysOfSupply()), pct(x.loadFactor().worst()),
                pct(x.runningHours().worst()), x.feedSeconds(), x.analyzeSeconds()));
        }
        md.append("\n## Days of supply\n\n| Scenario | Seed | Subject | Estimate (d) | Truth (d) | Error |\n"
            + "|---|---|---|---|---|---|\n");
        for (RunResult x : runs) {
            for (RunResult.Forecast f : x.daysOfSupply()) {
                md.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %.2f | %s |%n", x.scenario(), x.seed(),
                    f.subject(), f.estimate() == null ? "none" : String.format(Locale.ROOT, "%.2f", f.estimate()),
                    f.truth(), pct(f.error())));
            }
        }
        List<String> misses = misses();
        md.append("\n").append(misses.isEmpty() ? "Every target is met.\n"
            : "Targets missed:\n\n" + String.join("\n", misses.stream().map(m -> "- " + m).toList()) + "\n");
        return md.append(LIMITS).toString();
    }

    private static void row(StringBuilder md, String figure, String target, String measured, boolean met) {
        md.append("| ").append(figure).append(" | ").append(target).append(" | ").append(measured).append(" | ")
            .append(met ? "yes" : "**no**").append(" |\n");
    }

    private static String counts(Score s) {
        return s.truePositives() + "/" + s.falsePositives() + "/" + s.falseNegatives();
    }

    private static String missing(RunResult.Errors e) {
        return e.missing() == 0 ? "" : ", " + e.missing() + " without a figure";
    }

    static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.3f %%", 100 * fraction);
    }
}
