package org.smartcamp.analytics.job.standard;

import java.time.Duration;
import java.util.List;
import org.smartcamp.analytics.assets.AssetReport;
import org.smartcamp.analytics.assets.AssetSettings;
import org.smartcamp.analytics.assets.AssetRating;
import org.smartcamp.analytics.assets.AssetUsageAnalyzer;
import org.smartcamp.analytics.assets.PumpUsage;
import org.smartcamp.analytics.assets.UsageSignals;
import org.smartcamp.analytics.job.AnalysisContext;
import org.smartcamp.analytics.job.AnalysisOutput;
import org.smartcamp.analytics.job.AssetAnalyzer;
import org.smartcamp.analytics.store.AnalyticsSettings;
import org.smartcamp.analytics.store.AssetInfo;
import org.smartcamp.ingest.catalogue.AssetKind;
import org.smartcamp.ingest.catalogue.Metric;

/**
 * Utilization of vehicles and generators in the job ({@link AssetUsageAnalyzer}): engine hours, utilization, idle
 * ratio and litres, fuel per engine hour and per 100 km, days unused, hours and days to the next service; of water
 * pumps ({@link PumpUsage}): pumping hours, water pumped and utilization, from the kind's running metric and its
 * flow counter (else its flow rate). Settings: the {@code asset.*} keys per camp and asset, {@code job.assetContext}
 * (default 7d).
 */
public final class UsageAnalyzer implements AssetAnalyzer {

    @Override
    public String name() {
        return "assets.usage";
    }

    @Override
    public boolean appliesTo(AssetInfo asset) {
        return asset.is(AssetKind.VEHICLE) || asset.is(AssetKind.GENERATOR) || asset.is(AssetKind.WATER_PUMP);
    }

    @Override
    public Duration context(AnalyticsSettings settings) {
        return JobSettings.context(settings, JobSettings.ASSET_CONTEXT);
    }

    @Override
    public boolean readsSetting(String key) {
        return key.startsWith("asset.") || key.equals("job." + JobSettings.ASSET_CONTEXT);
    }

    @Override
    public void checkSettings(AnalyticsSettings settings) {
        context(settings);
        AssetSettings.of(settings.asMap());
    }

    @Override
    public AnalysisOutput analyze(AnalysisContext ctx) {
        AssetInfo a = ctx.asset();
        AssetSettings settings = AssetSettings.of(a.settings().asMap());
        if (a.is(AssetKind.WATER_PUMP)) {
            return new AnalysisOutput(List.of(), new PumpUsage(settings).daily(a.id(),
                ctx.series(AssetKind.WATER_PUMP.runningMetric().orElseThrow().wireName()),
                ctx.series(Metric.WATER_FLOW.wireName()), ctx.series(Metric.PUMP_FLOW_RATE.wireName()),
                ctx.window().loadFrom(), ctx.window().until()), List.of());
        }
        AssetKind kind = a.is(AssetKind.VEHICLE) ? AssetKind.VEHICLE : AssetKind.GENERATOR;
        AssetRating rating = AssetRating.of(a.id(), kind, a.serviceIntervalH(), a.fuelCapacityL(), a.attributes(),
            settings);
        UsageSignals signals = kind == AssetKind.VEHICLE ? UsageSignals.vehicle(ctx::series)
            : UsageSignals.generator(ctx::series);
        AssetReport report = new AssetUsageAnalyzer(settings).analyze(rating, signals, ctx.window().loadFrom(),
            ctx.window().until());
        return new AnalysisOutput(List.of(), report.dailyFigures(), report.currentFigures());
    }
}
