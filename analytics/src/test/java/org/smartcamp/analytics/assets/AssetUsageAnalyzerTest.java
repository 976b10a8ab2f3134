package org.smartcamp.analytics.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.smartcamp.analytics.series.Series;
import org.smartcamp.ingest.catalogue.AssetKind;
import org.smartcamp.ingest.inventory.Inventory;

/**
 * A truck over two days: on day one it idles from 01:00 to 02:00 (3 L/h) and drives at 30 km/h from 02:00 to 03:00
 * (30 L/100 km); day two it stays parked. Engine-hours counter at 240 h at the start.
 */
class AssetUsageAnalyzerTest {
    private static final Offset<Double> EXACT = within(1e-9);
    private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
    private static final int MINUTES = 2 * 24 * 60;
    private static final IntPredicate IDLE = i -> i >= 60 && i < 120;
    private static final IntPredicate DRIVE = i -> i >= 120 && i < 180;

    private static Series gauge(IntToDoubleFunction f) {
        Series.Builder b = Series.builder();
        for (int i = 0; i <= MINUTES; i++) {
            b.add(T0.plusSeconds(60L * i), f.applyAsDouble(i));
        }
        return b.build();
    }

    private static Series counter(double start, IntToDoubleFunction perMinute) {
        Series.Builder b = Series.builder();
        double total = start;
        for (int i = 0; i <= MINUTES; i++) {
            b.add(T0.plusSeconds(60L * i), total);
            total += perMinute.applyAsDouble(i);
        }
        return b.build();
    }

    private static UsageSignals truck(boolean counters) {
        IntPredicate on = IDLE.or(DRIVE);
        Series ignition = gauge(i -> on.test(i) ? 1 : 0);
        Series speed = gauge(i -> DRIVE.test(i) ? 30 : 0);
        if (!counters) {
            return new UsageSignals(ignition, speed, null, null, null, null, null);
        }
        return new UsageSignals(ignition, speed, counter(240, i -> on.test(i) ? 1 / 60.0 : 0),
            counter(80, i -> IDLE.test(i) ? 1 / 60.0 : 0), counter(10_000, i -> DRIVE.test(i) ? 0.5 : 0),
            counter(5_000, i -> IDLE.test(i) ? 3 / 60.0 : DRIVE.test(i) ? 0.5 * 0.3 : 0), null);
    }

    private static AssetReport analyze(AssetRating rating, UsageSignals s) {
        return new AssetUsageAnalyzer(AssetSettings.defaults()).analyze(rating, s, T0, T0.plusSeconds(60L * MINUTES));
    }

    @Test
    void hoursDistanceFuelAndTheirRatios() {
        AssetReport r = analyze(new AssetRating("t", AssetKind.VEHICLE, 250, null, 2.5, 300.0), truck(true));
        AssetBucket t = r.total();

        assertThat(t.engineHours().value()).isCloseTo(2, EXACT);
        assertThat(t.idleHours().value()).isCloseTo(1, EXACT);
        assertThat(t.distanceKm().value()).isCloseTo(30, EXACT);
        assertThat(t.fuelL().value()).isCloseTo(3 + 9, EXACT);
        assertThat(t.utilizationPct().value()).isCloseTo(100 * 2 / 48.0, EXACT);
        assertThat(t.idleRatio().value()).isCloseTo(0.5, EXACT);
        assertThat(t.litresPer100Km().value()).isCloseTo(40, EXACT);
        assertThat(t.litresPerEngineHour().value()).isCloseTo(6, EXACT);
        // too few hours mixing idling and driving to measure: the asset's own rate
        assertThat(r.idleRate()).isEqualTo(new IdleRate(2.5, "asset", Double.NaN, 0));
        assertThat(t.idleLitres().value()).isCloseTo(2.5, EXACT);
    }

    @Test
    void daysUnusedAndTheNextService() {
        AssetReport r = analyze(new AssetRating("t", AssetKind.VEHICLE, 250, null, null, null), truck(true));

        assertThat(r.daily()).hasSize(2);
        assertThat(r.unusedDays()).isEqualTo(1);
        assertThat(r.judgedDays()).isEqualTo(2);
        assertThat(r.lastUsed()).isEqualTo(T0.plusSeconds(180 * 60));
        assertThat(r.daysSinceLastUse().value()).isCloseTo((MINUTES - 180) / 1440.0, EXACT);
        assertThat(r.engineHoursNow().value()).isCloseTo(242, within(1e-6));
        assertThat(r.hoursToService().value()).isCloseTo(8, within(1e-6));
        assertThat(r.serviceBasis()).isEqualTo("interval");
        // one engine hour a day on average
        assertThat(r.daysToService().value()).isCloseTo(8, within(1e-6));
        assertThat(r.idleRate().source()).isEqualTo("default");
        assertThat(r.currentFigures()).extracting(f -> f.figure()).containsExactly("hours_to_service", "days_unused",
            "idle_rate_lph");
    }

    @Test
    void theLastServiceAttributeMovesTheNextService() {
        Inventory.Asset asset = new Inventory.Asset("t", AssetKind.VEHICLE, "T", null, null, null, null, null, null,
            null, null, 300.0, 250.0, null, Map.of(AssetRating.LAST_SERVICE_ATTRIBUTE, "100"), Map.of());
        AssetReport r = analyze(AssetRating.of(asset, AssetSettings.defaults()), truck(true));

        assertThat(r.hoursToService().value()).isCloseTo(100 + 250 - 242, within(1e-6));
        assertThat(r.serviceBasis()).isEqualTo("last_service");
    }

    @Test
    void withoutCountersTheIgnitionAndSpeedTell() {
        AssetBucket t = analyze(new AssetRating("t", AssetKind.VEHICLE, 250, null, null, null), truck(false)).total();

        assertThat(t.engineHours().value()).isCloseTo(2, EXACT);
        assertThat(t.idleHours().value()).isCloseTo(1, EXACT);
        assertThat(t.distanceKm().value()).isCloseTo(30, EXACT);
        assertThat(t.fuelL().known()).as("no counter, no level").isFalse();
    }

    @Test
    void theIdleRateIsMeasuredWhenHoursMixIdlingAndDriving() {
        // every hour 10, 20, 30 or 40 minutes idling at 3.2 L/h, the rest driving at 30 km/h and 30 L/100 km
        IntPredicate idle = i -> i % 60 < 10 + 10 * (i / 60 % 4);
        Series ignition = gauge(i -> 1);
        UsageSignals s = new UsageSignals(ignition, gauge(i -> idle.test(i) ? 0 : 30),
            counter(0, i -> 1 / 60.0), counter(0, i -> idle.test(i) ? 1 / 60.0 : 0),
            counter(0, i -> idle.test(i) ? 0 : 0.5), counter(0, i -> idle.test(i) ? 3.2 / 60 : 0.15), null);

        AssetReport r = analyze(new AssetRating("t", AssetKind.VEHICLE, 250, null, null, null), s);

        assertThat(r.idleRate().source()).isEqualTo("measured");
        assertThat(r.idleRate().litresPerHour()).isCloseTo(3.2, within(1e-6));
        assertThat(r.idleRate().hours()).isEqualTo(48);
    }

    @Test
    void settingsHaveDefaultsAndRefuseUnknownKeys() {
        assertThat(AssetSettings.defaults().idleLitresPerHour()).isEqualTo(3);
        assertThat(AssetSettings.of(Map.of("asset.availableHoursPerDay", "10")).availableHoursPerDay()).isEqualTo(10);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AssetSettings.of(Map.of("asset.idleLph", "3")))
            .hasMessageStartingWith("unknown setting asset.idleLph");
    }
}
