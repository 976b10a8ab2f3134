package org.smartcamp.simulator.model;

import java.time.Instant;
import java.util.SplittableRandom;
import org.smartcamp.simulator.scenario.VehicleSpec;

/**
 * A vehicle following its duty cycle: within its working hours it alternates between off, idling and driving
 * (random stays with the scenario's mean lengths), outside them it is parked. It drives around the camp and
 * burns fuel by the hour while idling and by the kilometre while driving.
 */
public final class Vehicle {
    private static final double KM_PER_DEG_LAT = 111.32;
    private static final double MAX_RADIUS_KM = 15;

    /** What the engine is doing. */
    public enum State { OFF, IDLE, DRIVING }

    private final VehicleSpec spec;
    private final String assetId;
    private final LocalTime local;
    private final SplittableRandom random;
    private final double homeLat;
    private final double homeLon;
    private State state = State.OFF;
    private double remainingS;
    private double lat;
    private double lon;
    private double heading;
    private double cruiseKmh;
    private double speedKmh;
    private double fuelL;
    private double engineHours;
    private double idleHours;
    private double odometerKm;
    private double fuelUsedL;

    public Vehicle(VehicleSpec spec, String assetId, double homeLat, double homeLon, LocalTime local,
                   SplittableRandom random) {
        this.spec = spec;
        this.assetId = assetId;
        this.local = local;
        this.random = random;
        this.homeLat = homeLat;
        this.homeLon = homeLon;
        this.lat = homeLat;
        this.lon = homeLon;
        this.fuelL = spec.initialFuelL();
        this.remainingS = exponential(spec.duty().meanOff().toSeconds());
    }

    /** Moves the vehicle through the step starting at {@code t}. */
    public void advance(Instant t, double dtSeconds) {
        boolean onDuty = spec.duty().days().contains(local.day(t)) && local.hour(t) >= spec.duty().startHour()
            && local.hour(t) < spec.duty().endHour();
        if (!onDuty || fuelL <= 0) {
            state = State.OFF;
        } else {
            remainingS -= dtSeconds;
            if (remainingS <= 0) {
                transition();
            }
        }
        speedKmh = 0;
        if (state == State.OFF) {
            return;
        }
        engineHours += dtSeconds / 3600;
        double litres;
        if (state == State.IDLE) {
            idleHours += dtSeconds / 3600;
            litres = spec.consumption().idleLph() * dtSeconds / 3600;
        } else {
            speedKmh = Math.max(5, cruiseKmh * (1 + 0.1 * random.nextGaussian()));
            double km = speedKmh * dtSeconds / 3600;
            move(km);
            litres = spec.consumption().litresPer100Km() * km / 100;
        }
        burn(litres);
    }

    /** Drains up to {@code litres} from the vehicle's tank (theft); returns what was drained. */
    public double drain(double litres) {
        double drained = Math.min(litres, fuelL);
        fuelL -= drained;
        return drained;
    }

    /** Fills up to {@code litres}; returns what went in. */
    public double fill(double litres) {
        double added = Math.min(litres, spec.fuelCapacityL() - fuelL);
        fuelL += added;
        return added;
    }

    /** Whether the vehicle is parked and below its refuelling threshold. */
    public boolean needsFuel() {
        return spec.refuel() != null && state == State.OFF && fuelL < spec.refuel().belowFraction()
            * spec.fuelCapacityL();
    }

    private void transition() {
        switch (state) {
            case OFF:
                state = State.IDLE;
                break;
            case IDLE:
                state = random.nextDouble() < 0.7 ? State.DRIVING : State.OFF;
                cruiseKmh = spec.consumption().speedKmh() * (0.7 + 0.6 * random.nextDouble());
                break;
            default:
                state = State.IDLE;
                break;
        }
        long mean = state == State.OFF ? spec.duty().meanOff().toSeconds()
            : state == State.IDLE ? spec.duty().meanIdle().toSeconds() : spec.duty().meanDrive().toSeconds();
        remainingS = exponential(mean);
    }

    private void move(double km) {
        double northKm = (lat - homeLat) * KM_PER_DEG_LAT;
        double eastKm = (lon - homeLon) * KM_PER_DEG_LAT * Math.cos(Math.toRadians(homeLat));
        if (Math.hypot(northKm, eastKm) > MAX_RADIUS_KM) {
            heading = Math.atan2(-eastKm, -northKm);
        } else {
            heading += 0.2 * random.nextGaussian();
        }
        lat += km * Math.cos(heading) / KM_PER_DEG_LAT;
        lon += km * Math.sin(heading) / (KM_PER_DEG_LAT * Math.cos(Math.toRadians(homeLat)));
        odometerKm += km;
    }

    private void burn(double litres) {
        double burned = Math.min(litres, fuelL);
        fuelL -= burned;
        fuelUsedL += burned;
    }

    private double exponential(double mean) {
        return -mean * Math.log(1 - random.nextDouble());
    }

    public VehicleSpec spec() {
        return spec;
    }

    public String assetId() {
        return assetId;
    }

    public State state() {
        return state;
    }

    public double lat() {
        return lat;
    }

    public double lon() {
        return lon;
    }

    public double speedKmh() {
        return speedKmh;
    }

    public double fuelL() {
        return fuelL;
    }

    public double engineHours() {
        return engineHours;
    }

    public double idleHours() {
        return idleHours;
    }

    public double odometerKm() {
        return odometerKm;
    }

    public double fuelUsedL() {
        return fuelUsedL;
    }
}
