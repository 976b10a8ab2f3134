package org.smartcamp.simulator.model;

import java.util.List;
import org.smartcamp.simulator.scenario.DispatchSpec;

/**
 * Balances the camp's load each step: solar first, then the battery while its charge lasts, then the
 * generators. Below the battery's minimum charge (or above its power) the generators start and also charge the
 * battery until its stop level (cycle charging). Without a battery at least one set runs and solar is
 * curtailed so that it keeps the minimum load factor.
 */
public final class PowerPlant {
    /** Load factor the running sets aim at while they charge the battery. */
    private static final double CHARGE_LOAD_FACTOR = 0.8;

    private final DispatchSpec dispatch;
    private final GeneratorDispatcher dispatcher;
    private final List<PvArray> pv;
    private final Battery battery;
    private boolean cycleCharging;

    public PowerPlant(DispatchSpec dispatch, List<Generator> generators, List<PvArray> pv, Battery battery) {
        this.dispatch = dispatch;
        this.dispatcher = new GeneratorDispatcher(dispatch, generators);
        this.pv = List.copyOf(pv);
        this.battery = battery;
    }

    /** What happened in one step, all in kW. */
    public record Balance(double loadKw, double pvAvailableKw, double pvKw, double batteryKw, double generatorKw,
                          double unservedKw) {
    }

    /** Serves {@code loadKw} for {@code dtSeconds} under {@code irradiance}. */
    public Balance step(double loadKw, double powerFactor, double irradiance, double dtSeconds) {
        double pvAvailable = pv.stream().mapToDouble(a -> a.availableKw(irradiance)).sum();
        Balance b = battery == null ? withoutBattery(loadKw, powerFactor, pvAvailable)
            : withBattery(loadKw, powerFactor, pvAvailable, dtSeconds);
        for (PvArray a : pv) {
            double share = pvAvailable == 0 ? 0 : b.pvKw() * a.availableKw(irradiance) / pvAvailable;
            a.deliver(share, dtSeconds);
        }
        if (battery != null) {
            battery.apply(b.batteryKw(), dtSeconds);
        }
        return b;
    }

    private Balance withoutBattery(double load, double pf, double pvAvailable) {
        Generator lead = dispatcher.lead();
        double floor = lead == null ? 0 : dispatch.minLoadFactor() * lead.ratedKw();
        double pvKw = Math.min(pvAvailable, Math.max(0, load - floor));
        double gen = dispatcher.dispatch(load - pvKw, pf);
        return new Balance(load, pvAvailable, pvKw, 0, gen, Math.max(0, load - pvKw - gen));
    }

    private Balance withBattery(double load, double pf, double pvAvailable, double dt) {
        double net = load - pvAvailable;
        if (!cycleCharging) {
            if (net <= 0) {
                double charge = Math.min(-net, battery.maxChargeKw(dt));
                dispatcher.dispatch(0, pf);
                return new Balance(load, pvAvailable, load + charge, -charge, 0, 0);
            }
            if (net <= battery.maxDischargeKw(dt) && dispatcher.onlineKw() == 0) {
                return new Balance(load, pvAvailable, pvAvailable, net, 0, 0);
            }
            cycleCharging = true;
        }
        if (battery.soc() >= battery.spec().soc().stop() && dispatcher.mayStopAll()
                && net <= battery.maxDischargeKw(dt)) {
            cycleCharging = false;
            dispatcher.dispatch(0, pf);
            return net <= 0 ? new Balance(load, pvAvailable, load, 0, 0, 0)
                : new Balance(load, pvAvailable, pvAvailable, net, 0, 0);
        }
        return chargeFromGenerators(load, pf, pvAvailable, dt);
    }

    private Balance chargeFromGenerators(double load, double pf, double pvAvailable, double dt) {
        double room = battery.maxChargeKw(dt);
        double pvKw = Math.min(pvAvailable, load + room);
        double fromPv = Math.max(0, pvKw - load);
        double residual = Math.max(0, load - pvKw);
        double capacity = Math.max(dispatcher.onlineKw(), dispatcher.lead() == null ? 0 : dispatcher.lead().ratedKw());
        double genCharge = Math.max(0, Math.min(room - fromPv, capacity * CHARGE_LOAD_FACTOR - residual));
        double gen = dispatcher.dispatch(residual + genCharge, pf);
        if (gen == 0 && residual > 0) {
            // no set could start (all out of service): the battery carries what it can down to its minimum charge
            double fromBattery = Math.min(residual, battery.maxDischargeKw(dt));
            return new Balance(load, pvAvailable, pvKw, fromBattery, 0, residual - fromBattery);
        }
        double toBattery = Math.max(0, gen - residual) + fromPv;
        double unserved = Math.max(0, residual - gen);
        return new Balance(load, pvAvailable, pvKw, -Math.min(toBattery, room), gen, unserved);
    }
}
