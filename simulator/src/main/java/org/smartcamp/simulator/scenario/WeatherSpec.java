package org.smartcamp.simulator.scenario;

/**
 * The camp's weather: a daily temperature wave with random variation, and sunshine between sunrise and sunset
 * (local solar hours) reduced by passing clouds.
 *
 * @param meanTempC         daily mean air temperature
 * @param dailyAmplitudeC   half the difference between the day's maximum and minimum
 * @param peakHour          local hour of the maximum temperature
 * @param noiseC            standard deviation of the slow random temperature variation
 * @param sunriseHour       local solar hour of sunrise
 * @param sunsetHour        local solar hour of sunset
 * @param peakIrradiance    clear-sky irradiance at solar noon, W/m2
 * @param cloudiness        0 (always clear) to 1 (clouds may block all sun)
 * @param reporting         gateway and interval of the weather station ({@code {camp}-wx})
 */
public record WeatherSpec(double meanTempC, double dailyAmplitudeC, double peakHour, double noiseC,
                          double sunriseHour, double sunsetHour, double peakIrradiance, double cloudiness,
                          Reporting reporting) {
}
