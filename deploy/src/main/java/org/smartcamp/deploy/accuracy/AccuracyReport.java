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
    static final double FUEL_DAYS_WITHIN_TARGET = 0.98;
    static final double FUEL_NEVER_WORSE = 0.03;
    static final double OUTAGE_SCORE_TARGET = 0.95;
    static final double STUCK_RECALL_TARGET = 0.9;

    /** How the runs are scored, printed above the figures. */
    static final String METHOD = """
        Each run feeds a bundled scenario (with its link outages, backlogs and resends) through the ingest pipeline \
        into a fresh schema, runs one pass of the analytics job with the analyzers of `smartcamp analytics`, and \
        compares what the job stored (`analytics_daily`, `analytics_events`, `analytics_current`) with the \
        simulator's ground truth. Counts are summed over all runs before ratios are taken; errors are the worst over \
        all runs. Relative errors of litres and hours are taken against at least 1 L or 1 h (a set that never ran); \
        a detected event pairs with a true one of the same asset that it overlaps within 30 minutes (leaks: within 3 \
        days); a theft detected where only a theft under 20 L happened counts as a false positive. Days of supply \
        are compared with the truth at the end of the run: the fuel held over the rate it left the tanks other than \
        by theft over the last week. A power outage (the camp had load and no source supplied it) is found when a \
        detected outage starts and ends within 5 minutes of it; an overload event counts against a set whose true \
        output never exceeded its rating; a stuck gauge (at least 30 identical readings) is found by a flat-line \
        event of its asset and metric overlapping it, and a flat-line event on a gauge that was never stuck is a \
        false alarm.""";

    /** What the figures do not show, printed under them. */
    static final String LIMITS = """

        ## What this does not show

        - One analytics pass over each whole run: the job's pass-by-pass behaviour as data and backlogs arrive
          (figures corrected, events replaced rather than doubled) is checked by `AnalyticsPassIT`, not scored here.
        - The scenarios carry no delivery notes, so short fills are not scored (`DeliveryReconciliationTest` checks
          them with known answers).
        - Simulated sensors: their noise, sloshing, spikes, stuck readings and dropouts are modelled, a real
          camp's sensors will differ. Generator power is simulated as each interval's mean, as the catalogue
          declares it; a meter that sends instantaneous samples instead adds a sampling error at each change.
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

    RunResult.Errors energy() {
        return runs.stream().map(RunResult::energy).reduce(RunResult.Errors.NONE, RunResult.Errors::plus);
    }

    RunResult.Errors campFuel() {
        return runs.stream().map(RunResult::campFuel).reduce(RunResult.Errors.NONE, RunResult.Errors::plus);
    }

    Score outages() {
        return runs.stream().map(RunResult::outages).reduce(Score.NONE, Score::plus);
    }

    RunResult.Overload overload() {
        return runs.stream().map(RunResult::overload).reduce(RunResult.Overload.NONE, RunResult.Overload::plus);
    }

    Score stuck() {
        return runs.stream().map(RunResult::stuck).reduce(Score.NONE, Score::plus);
    }

    boolean fuelMet() {
        RunResult.Errors f = fuel();
        return f.shareWithinOnePercent() >= FUEL_DAYS_WITHIN_TARGET && f.missing() == 0
            && f.worst() <= FUEL_NEVER_WORSE;
    }

    boolean outagesMet() {
        Score o = outages();
        return o.recall() >= OUTAGE_SCORE_TARGET && o.precision() >= OUTAGE_SCORE_TARGET;
    }

    boolean stuckMet() {
        return stuck().recall() >= STUCK_RECALL_TARGET && stuck().falsePositives() == 0;
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
        check(out, fuelMet(), "daily fuel per generator: %s of generator-days within 1 %%, worst %s, %d days without a"
            + " figure (target within 1 %% on 98 %% of days, never worse than 3 %%)",
            pct(fuel().shareWithinOnePercent()), pct(fuel().worst()), fuel().missing());
        check(out, campFuel().missing() == 0 && campFuel().worst() <= FUEL_TARGET, "camp daily fuel: worst %s, %d days"
            + " without a figure (target within 1 %%)", pct(campFuel().worst()), campFuel().missing());
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
        check(out, energy().missing() == 0 && energy().worst() <= POWER_TARGET,
            "kWh per set: worst %s, %d days without a figure (target 1 %%)", pct(energy().worst()), energy().missing());
        Score o = outages();
        check(out, outagesMet(), "outages: recall %.3f, precision %.3f with start and end within 5 minutes"
            + " (target 0.95)", o.recall(), o.precision());
        check(out, overload().falseEvents() == 0, "overload: %d events on sets within their rating (target none)",
            overload().falseEvents());
        Score st = stuck();
        check(out, stuckMet(), "stuck gauges: recall %.3f, %d false alarms on healthy gauges (target recall 0.9,"
            + " none)", st.recall(), st.falsePositives());
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
            .append(METHOD).append("\n\n");
        md.append("| Figure | Target | Measured | Met |\n|---|---|---|---|\n");
        row(md, "daily fuel per generator (" + fuel().compared() + " generator-days)",
            "within 1 % on >= 98 % of days, never worse than 3 %", pct(fuel().shareWithinOnePercent())
                + " of days within 1 %, worst " + pct(fuel().worst()) + ", mean " + pct(fuel().mean())
                + missing(fuel()), fuelMet());
        row(md, "camp daily fuel (" + campFuel().compared() + " camp-days)", "within 1 %",
            "worst " + pct(campFuel().worst()) + ", mean " + pct(campFuel().mean()) + missing(campFuel()),
            campFuel().missing() == 0 && campFuel().worst() <= FUEL_TARGET);
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
        powerRows(md);
        md.append("\n## Runs\n\n| Scenario | Seed | Days | Readings | Fuel worst | Refuels (found/false/missed) |"
            + " Refuel vol. worst | Thefts (found/false/missed) | Leaks (found/false/missed, worst delay d) |"
            + " Days of supply worst | LF worst | Hours worst | kWh worst | Camp fuel worst |"
            + " Outages (found/false/missed) | Overload events within rating | Stuck (found/false/missed) |"
            + " Feed s | Analytics s |\n"
            + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (RunResult x : runs) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %s | %s | %s | %s | %s, %.2f | %s | %s | %s |"
                    + " %s | %s | %s | %d | %s | %.1f | %.1f |%n", x.scenario(), x.seed(), x.days(), x.readings(),
                pct(x.fuel().worst()), counts(x.refuels()), pct(x.refuelVolume().worst()), counts(x.thefts()),
                counts(x.leaks()), x.worstLeakDelay(), pct(x.worstDaysOfSupply()), pct(x.loadFactor().worst()),
                pct(x.runningHours().worst()), pct(x.energy().worst()), pct(x.campFuel().worst()),
                counts(x.outages()), x.overload().falseEvents(), counts(x.stuck()), x.feedSeconds(),
                x.analyzeSeconds()));
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

    /** The rows of the targets the power and data-quality analyzers are scored on. */
    private void powerRows(StringBuilder md) {
        row(md, "kWh per set (" + energy().compared() + " generator-days)", "within 1 %",
            "worst " + pct(energy().worst()) + ", mean " + pct(energy().mean()) + missing(energy()),
            energy().missing() == 0 && energy().worst() <= POWER_TARGET);
        Score o = outages();
        row(md, "power outages (" + (o.truePositives() + o.falseNegatives()) + " real)",
            "recall and precision >= 0.95, start and end within 5 min", String.format(Locale.ROOT,
                "recall %.3f, precision %.3f (%d found, %d false, %d missed)", o.recall(), o.precision(),
                o.truePositives(), o.falsePositives(), o.falseNegatives()), outagesMet());
        row(md, "overload on sets within their rating (" + overload().setsWithinRating() + " sets)", "no event",
            overload().falseEvents() + " events", overload().falseEvents() == 0);
        Score st = stuck();
        row(md, "stuck gauges >= 30 identical readings (" + (st.truePositives() + st.falseNegatives()) + " real)",
            "recall >= 0.9, no false alarm on a healthy gauge", String.format(Locale.ROOT,
                "recall %.3f (%d found, %d missed), %d false alarms", st.recall(), st.truePositives(),
                st.falseNegatives(), st.falsePositives()), stuckMet());
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
