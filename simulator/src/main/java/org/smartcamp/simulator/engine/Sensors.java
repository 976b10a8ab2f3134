package org.smartcamp.simulator.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.smartcamp.ingest.catalogue.Metric;
import org.smartcamp.ingest.wire.Quality;
import org.smartcamp.ingest.wire.Reading;
import org.smartcamp.simulator.model.Battery;
import org.smartcamp.simulator.model.FuelTank;
import org.smartcamp.simulator.model.Generator;
import org.smartcamp.simulator.model.PvArray;
import org.smartcamp.simulator.model.RandomStreams;
import org.smartcamp.simulator.model.Vehicle;
import org.smartcamp.simulator.model.WaterPump;
import org.smartcamp.simulator.model.WaterTank;
import org.smartcamp.simulator.scenario.Reporting;
import org.smartcamp.simulator.scenario.StrappingTable;

/**
 * The camp's sensors: at each asset's reporting interval they read the true state, add their noise, suffer the
 * scenario's faults and round to their resolution. Counters (energy, hours, litres, km) carry no noise. Tank
 * volumes are computed from the measured level through the strapping table, as gateways do.
 */
final class Sensors {
    private final CampModel camp;
    private final SensorFaults faults;
    private final RandomStreams random;
    private final Instant start;
    private final Map<String, SplittableRandom> streams = new HashMap<>();
    /** Per generator: its energy and fuel counters and the time (ms) at its previous report. */
    private final Map<String, double[]> lastReport = new HashMap<>();

    Sensors(CampModel camp, SensorFaults faults, RandomStreams random, Instant start) {
        this.camp = camp;
        this.faults = faults;
        this.random = random;
        this.start = start;
    }

    /** Takes the readings due at {@code t}. */
    void sample(Instant t, ReadingSink out) {
        Emitter wx = emitter(camp.scenario.camp().assetId("wx"), camp.scenario.environment().weather().reporting(),
            t, out);
        if (wx != null) {
            wx.emit(Metric.WEATHER_TEMP, camp.weather.temperatureC(), 0.2, 1);
        }
        for (Generator g : camp.generators) {
            sampleGenerator(g, emitter(g.assetId(), g.spec().reporting(), t, out));
        }
        for (FuelTank tank : camp.tanks.values()) {
            sampleTank(tank, emitter(tank.assetId(), tank.spec().reporting(), t, out));
        }
        for (PvArray p : camp.pv) {
            samplePv(p, emitter(p.assetId(), p.spec().reporting(), t, out));
        }
        if (camp.battery != null) {
            sampleBattery(camp.battery, emitter(camp.battery.assetId(), camp.battery.spec().reporting(), t, out));
        }
        for (Vehicle v : camp.vehicles.values()) {
            sampleVehicle(v, emitter(v.assetId(), v.spec().reporting(), t, out));
        }
        for (WaterTank w : camp.water) {
            sampleWater(w, emitter(w.assetId(), w.spec().reporting(), t, out));
            if (w.pump() != null) {
                samplePump(w.pump(), emitter(w.pump().assetId(), w.spec().reporting(), t, out));
            }
        }
    }

    private void sampleGenerator(Generator g, Emitter e) {
        if (e == null) {
            return;
        }
        // power and fuel rate are averaged over the reporting interval, as the catalogue declares them (a meter
        // reports the mean of its interval); the first report has no interval and reads the output at its time
        double[] last = lastReport.get(g.assetId());
        double hours = last == null ? 0 : (e.t.toEpochMilli() - last[2]) / 3_600_000.0;
        double meanKw = hours > 0 ? (g.energyKwh() - last[0]) / hours : g.outputKw();
        double meanLph = hours > 0 ? (g.fuelUsedL() - last[1]) / hours : g.fuelRateLph();
        lastReport.put(g.assetId(), new double[] {g.energyKwh(), g.fuelUsedL(), e.t.toEpochMilli()});
        boolean ran = g.running() || meanKw > 0;
        e.emit(Metric.POWER_ACTIVE, meanKw, ran ? 0.004 * g.ratedKw() : 0, 2);
        if (ran) {
            // the apparent power comes from the meter's own reading of the output, not from a spike of the
            // active-power register
            double pf = e.emit(Metric.POWER_FACTOR, g.powerFactor(), 0.005, 3);
            e.emit(Metric.POWER_APPARENT, meanKw / (Double.isNaN(pf) || pf <= 0 ? g.powerFactor() : pf), 0, 2);
        } else {
            e.emit(Metric.POWER_APPARENT, 0, 0, 2);
        }
        e.emit(Metric.ENGINE_RUNNING, g.running() ? 1 : 0, 0, 0);
        if (g.spec().counters()) {
            e.emit(Metric.ENERGY_ACTIVE, g.energyKwh(), 0, 3);
            e.emit(Metric.ENGINE_HOURS, g.engineHours(), 0, 3);
            e.emit(Metric.ENGINE_STARTS, g.starts(), 0, 0);
        }
        e.emit(Metric.ENGINE_COOLANT_TEMP, g.coolantC(), 0.3, 1);
        if (g.spec().fuelRate()) {
            e.emit(Metric.FUEL_RATE, meanLph, ran ? 0.01 * meanLph : 0, 2);
        }
        if (g.spec().flowMeter()) {
            e.emit(Metric.FUEL_USED, g.fuelUsedL(), 0, 3);
        }
    }

    private void sampleTank(FuelTank tank, Emitter e) {
        if (e == null) {
            return;
        }
        gauge(e, tank.spec().strapping(), tank.volumeL(), tank.spec().levelNoiseMm(), Metric.FUEL_LEVEL,
            Metric.FUEL_VOLUME);
        e.emit(Metric.FUEL_TEMP, tank.temperatureC(), 0.1, 1);
    }

    private void samplePv(PvArray p, Emitter e) {
        if (e == null) {
            return;
        }
        e.emit(Metric.PV_POWER, p.powerKw(), p.powerKw() > 0 ? 0.005 * p.spec().ratedKwp() : 0, 2);
        e.emit(Metric.PV_ENERGY, p.energyKwh(), 0, 3);
        double irr = camp.weather.irradiance();
        e.emit(Metric.PV_IRRADIANCE, Math.max(0, irr + (irr > 0 ? 5 : 0) * e.random.nextGaussian()), 0, 0);
    }

    private void sampleBattery(Battery b, Emitter e) {
        if (e == null) {
            return;
        }
        double voltage = b.spec().nominalVoltage() * (0.95 + 0.1 * b.soc());
        e.emit(Metric.BATTERY_SOC, 100 * b.soc(), 0.2, 1);
        e.emit(Metric.BATTERY_VOLTAGE, voltage, 0.002 * voltage, 2);
        e.emit(Metric.BATTERY_CURRENT, b.powerKw() * 1000 / voltage, 0.5, 1);
        e.emit(Metric.BATTERY_TEMP, camp.weather.temperatureC() + 2 + 6 * Math.abs(b.powerKw())
            / b.spec().maxPowerKw(), 0.2, 1);
    }

    private void sampleVehicle(Vehicle v, Emitter e) {
        if (e == null) {
            return;
        }
        boolean on = v.state() != Vehicle.State.OFF;
        double gps = v.state() == Vehicle.State.DRIVING ? 0.00003 : 0;
        e.emit(Metric.VEHICLE_LAT, v.lat(), gps, 6);
        e.emit(Metric.VEHICLE_LON, v.lon(), gps, 6);
        e.emit(Metric.VEHICLE_SPEED, v.speedKmh(), 0, 1);
        e.emit(Metric.VEHICLE_IGNITION, on ? 1 : 0, 0, 0);
        e.emit(Metric.ENGINE_HOURS, v.engineHours(), 0, 3);
        e.emit(Metric.ENGINE_IDLE_HOURS, v.idleHours(), 0, 3);
        e.emit(Metric.VEHICLE_ODOMETER, v.odometerKm(), 0, 2);
        double pct = 100 * v.fuelL() / v.spec().fuelCapacityL();
        e.emit(Metric.FUEL_LEVEL_PCT, Math.max(0, pct), on ? 1.0 : 0.3, 1);
        e.emit(Metric.FUEL_USED, v.fuelUsedL(), 0, 3);
    }

    private void sampleWater(WaterTank w, Emitter e) {
        if (e == null) {
            return;
        }
        gauge(e, w.spec().strapping(), w.volumeL(), w.spec().levelNoiseMm(), Metric.WATER_LEVEL,
            Metric.WATER_VOLUME);
        e.emit(Metric.PUMP_RUNNING, w.pumping() ? 1 : 0, 0, 0);
    }

    /** A water pump: its running state, flow (1 % meter noise) and its water and energy counters. */
    private void samplePump(WaterPump p, Emitter e) {
        if (e == null) {
            return;
        }
        e.emit(Metric.PUMP_RUNNING, p.running() ? 1 : 0, 0, 0);
        e.emit(Metric.PUMP_FLOW_RATE, p.flowLph(), 0.01 * p.flowLph(), 0);
        e.emit(Metric.WATER_FLOW, p.pumpedL(), 0, 1);
        e.emit(Metric.ENERGY_ACTIVE, p.energyKwh(), 0, 3);
    }

    /** A level gauge: the measured level, and the volume the gateway computes from it through the table. */
    private static void gauge(Emitter e, StrappingTable table, double volumeL, double noiseMm, Metric level,
                              Metric volume) {
        double mm = e.emit(level, Math.max(0, table.levelMm(volumeL) + noiseMm * e.random.nextGaussian()), 0, 1);
        if (!Double.isNaN(mm)) {
            e.emit(volume, table.litres(mm), 0, 1);
        }
    }

    /** An emitter when {@code asset} reports at {@code t}, else {@code null}. */
    private Emitter emitter(String asset, Reporting reporting, Instant t, ReadingSink out) {
        long elapsedMs = Duration.between(start, t).toMillis();
        if (elapsedMs % reporting.interval().toMillis() != 0) {
            return null;
        }
        return new Emitter(asset, reporting.gateway(), t, out, streamOf(asset));
    }

    private SplittableRandom streamOf(String asset) {
        return streams.computeIfAbsent(asset, a -> random.stream("sensor:" + a));
    }

    private final class Emitter {
        private final String asset;
        private final String gateway;
        private final Instant t;
        private final ReadingSink out;
        private final SplittableRandom random;

        Emitter(String asset, String gateway, Instant t, ReadingSink out, SplittableRandom random) {
            this.asset = asset;
            this.gateway = gateway;
            this.t = t;
            this.out = out;
            this.random = random;
        }

        /** Reports {@code value} plus noise of {@code sd}, rounded; returns what was reported, NaN if nothing. */
        double emit(Metric metric, double value, double sd, int decimals) {
            double noisy = value + (sd > 0 ? sd * random.nextGaussian() : 0);
            double v = faults.apply(asset, metric.wireName(), t, noisy);
            if (Double.isNaN(v)) {
                return Double.NaN;
            }
            double scale = Math.pow(10, decimals);
            v = Math.round(v * scale) / scale;
            out.accept(gateway, new Reading(asset, metric.wireName(), t, v, metric.unit().symbol(), Quality.GOOD));
            return v;
        }
    }
}
