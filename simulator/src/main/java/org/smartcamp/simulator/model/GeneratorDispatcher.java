package org.smartcamp.simulator.model;

import java.util.List;
import org.smartcamp.simulator.scenario.DispatchRule;
import org.smartcamp.simulator.scenario.DispatchSpec;

/**
 * Commits generator sets to a required load by the scenario's rule and shares the load among the running sets
 * in proportion to their ratings. Sets start in list order and the last started stops first.
 */
public final class GeneratorDispatcher {
    private final DispatchSpec spec;
    private final List<Generator> sets;

    public GeneratorDispatcher(DispatchSpec spec, List<Generator> sets) {
        this.spec = spec;
        this.sets = List.copyOf(sets);
    }

    /**
     * Starts or stops sets for {@code requiredKw} and sets their outputs.
     *
     * @return the kW delivered (less than required only when every running set is at its rating)
     */
    public double dispatch(double requiredKw, double powerFactor) {
        if (spec.rule() == DispatchRule.ALL_RUNNING) {
            sets.forEach(Generator::start);
        } else {
            commit(requiredKw);
        }
        double online = onlineKw();
        double delivered = 0;
        for (Generator g : sets) {
            if (g.running()) {
                double kw = online == 0 ? 0 : Math.min(g.ratedKw(), Math.max(0, requiredKw) * g.ratedKw() / online);
                g.deliver(kw, powerFactor);
                delivered += kw;
            }
        }
        return delivered;
    }

    /** Rated kW of the running sets. */
    public double onlineKw() {
        return sets.stream().filter(Generator::running).mapToDouble(Generator::ratedKw).sum();
    }

    /** Whether every running set has run its minimum time (so that all could stop now). */
    public boolean mayStopAll() {
        return sets.stream().noneMatch(g -> g.running() && g.runSeconds() < spec.minRun().toSeconds());
    }

    /** The first set in priority order (the one that starts first), or {@code null} when there is none. */
    public Generator lead() {
        return sets.stream().filter(Generator::running).findFirst().orElse(sets.isEmpty() ? null : sets.get(0));
    }

    private void commit(double requiredKw) {
        if (requiredKw <= 0) {
            stopLast();
            return;
        }
        if (onlineKw() == 0) {
            startNext();
        }
        while (onlineKw() * spec.startLoadFactor() < requiredKw && startNext()) {
            // start sets in order until the running ones can carry the load
        }
        Generator last = lastRunning();
        if (last != null && onlineKw() > last.ratedKw()
                && (onlineKw() - last.ratedKw()) * spec.stopLoadFactor() >= requiredKw) {
            stopLast();
        }
    }

    private boolean startNext() {
        for (Generator g : sets) {
            if (!g.running() && g.available()) {
                g.start();
                return true;
            }
        }
        return false;
    }

    private void stopLast() {
        Generator last = lastRunning();
        if (last != null && last.runSeconds() >= spec.minRun().toSeconds()) {
            last.stop();
        }
    }

    private Generator lastRunning() {
        for (int i = sets.size() - 1; i >= 0; i--) {
            if (sets.get(i).running()) {
                return sets.get(i);
            }
        }
        return null;
    }
}
