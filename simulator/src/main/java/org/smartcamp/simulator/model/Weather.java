package org.smartcamp.simulator.model;

import java.time.Instant;
import java.util.SplittableRandom;
import org.smartcamp.simulator.scenario.WeatherSpec;

/** Air temperature and solar irradiance at the camp, advanced step by step. */
public final class Weather {
    private final WeatherSpec spec;
    private final LocalTime local;
    private final SlowNoise tempNoise;
    private final SlowNoise clouds;
    private double temperatureC;
    private double irradiance;

    public Weather(WeatherSpec spec, LocalTime local, SplittableRandom random) {
        this.spec = spec;
        this.local = local;
        this.tempNoise = new SlowNoise(random, spec.noiseC(), 3 * 3600);
        this.clouds = new SlowNoise(random, 1.0, 3600);
    }

    /** Sets the weather at {@code t}, {@code dtSeconds} after the previous call. */
    public void update(Instant t, double dtSeconds) {
        double h = local.hour(t);
        temperatureC = spec.meanTempC() + spec.dailyAmplitudeC() * Math.cos(2 * Math.PI * (h - spec.peakHour()) / 24)
            + tempNoise.step(dtSeconds);
        double clear = 1 - spec.cloudiness() / (1 + Math.exp(-2 * clouds.step(dtSeconds)));
        irradiance = h <= spec.sunriseHour() || h >= spec.sunsetHour() ? 0
            : spec.peakIrradiance() * clear
                * Math.sin(Math.PI * (h - spec.sunriseHour()) / (spec.sunsetHour() - spec.sunriseHour()));
    }

    public double temperatureC() {
        return temperatureC;
    }

    /** Global irradiance on the panels, W/m2. */
    public double irradiance() {
        return irradiance;
    }
}
