package org.smartcamp.ingest.store;

/**
 * How far telemetry may grow the registry on its own. New metric names and new assets are counted per gateway
 * and per camp in each clock hour; a message that would register more than a quota allows is dead-lettered
 * ({@code registration_quota}), the rest of the batch goes on. Counters are per ingest process.
 *
 * @param autoRegisterAssets       for camps whose inventory does not say: an unknown asset joins the camp that first
 *                                 sends it ({@code true}), or is registered provisional and its readings quarantined
 *                                 until an inventory names it ({@code false})
 * @param newMetricsPerGatewayHour most new metric names one gateway may register in an hour
 * @param newMetricsPerCampHour    most new metric names one camp's gateways may register in an hour
 * @param newAssetsPerGatewayHour  most new assets one gateway may register in an hour
 * @param newAssetsPerCampHour     most new assets one camp's gateways may register in an hour
 */
public record RegistrationPolicy(boolean autoRegisterAssets, int newMetricsPerGatewayHour,
                                 int newMetricsPerCampHour, int newAssetsPerGatewayHour, int newAssetsPerCampHour) {

    /** The defaults: auto-registration on (the demo's setting), quotas far above what a real camp needs. */
    public static final RegistrationPolicy DEFAULT = new RegistrationPolicy(true, 100, 200, 500, 1_000);

    /** Auto-registration on, no quotas: for tests and benchmarks that register on purpose. */
    public static final RegistrationPolicy UNLIMITED = new RegistrationPolicy(true, Integer.MAX_VALUE,
        Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE);

    public RegistrationPolicy {
        if (newMetricsPerGatewayHour < 0 || newMetricsPerCampHour < 0 || newAssetsPerGatewayHour < 0
            || newAssetsPerCampHour < 0) {
            throw new IllegalArgumentException("registration quotas must not be negative");
        }
    }
}
