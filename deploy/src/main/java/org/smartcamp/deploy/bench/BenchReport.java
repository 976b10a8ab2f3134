package org.smartcamp.deploy.bench;

import java.util.Locale;

/**
 * The ingest part's figures and its markdown table (the API part has its own: {@link ApiBenchReport}).
 *
 * @param brokerCeiling   readings/s, Paho publishers to a Paho subscriber
 * @param copyCeiling     readings/s, COPY straight into readings
 * @param storePath       readings/s, decode + registry + COPY (staging and dedup only for repeats), no MQTT
 * @param naive           readings/s, one INSERT per reading with autocommit
 * @param endToEnd        gateways to committed rows
 * @param latency         at half of the end-to-end rate
 */
public record BenchReport(double brokerCeiling, double copyCeiling, double storePath, double naive,
                          EndToEnd.Throughput endToEnd, EndToEnd.Latency latency) {
    static final double TARGET_RATIO = 0.75;
    static final double TARGET_RATE = 100_000;
    static final double TARGET_P99_MS = 1_000;
    static final double TARGET_HEAP = 512 * 1024 * 1024.0;

    /** The lower of the two ceilings. */
    public double lowerCeiling() {
        return Math.min(brokerCeiling, copyCeiling);
    }

    /** The results table, with each target and whether it was met. */
    public String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("| measure | result | target | met |\n|---|---|---|---|\n");
        row(sb, "broker-only ceiling (Paho publishers -> Mosquitto -> Paho subscriber)", rate(brokerCeiling), "", "");
        row(sb, "database-only ceiling (COPY into the indexed readings table)", rate(copyCeiling), "", "");
        row(sb, "store path without MQTT (decode, registry rules, COPY into readings; staging only for repeats)",
            rate(storePath), "", "");
        row(sb, "naive baseline (one INSERT per reading, autocommit)", rate(naive), "", "");
        double e2e = endToEnd.readingsPerSecond();
        row(sb, "end-to-end (gateways -> Mosquitto -> ingest -> committed rows)", rate(e2e),
            ">= " + rate(TARGET_RATE), met(e2e >= TARGET_RATE));
        EndToEnd.Cpu cpu = endToEnd.cpu();
        row(sb, "CPU per reading end to end: ingest / database backends / broker / total (user + system time of"
            + " each process over the measured run)", String.format(Locale.ROOT, "%s / %s / %s / %s", us(cpu.ingest()),
            us(cpu.database()), us(cpu.broker()), us(cpu.total())), "ingest <= 3 us", met(cpu.ingest() <= 3));
        row(sb, "end-to-end / lower ceiling", pct(e2e / lowerCeiling()), ">= 75 %", met(e2e / lowerCeiling()
            >= TARGET_RATIO));
        row(sb, "end-to-end / naive baseline", String.format(Locale.ROOT, "%.1fx", e2e / naive), "", "");
        row(sb, "publish-to-queryable p50 at " + rate(latency.ratePerSecond()), ms(latency.p50Millis()), "", "");
        row(sb, "publish-to-queryable p99 at " + rate(latency.ratePerSecond()) + " (" + latency.samples()
            + " probes)", ms(latency.p99Millis()), "<= 1000 ms", met(latency.p99Millis() <= TARGET_P99_MS));
        row(sb, "ingest peak heap in use at full rate (-Xmx" + IngestChild.HEAP + ")",
            mb(endToEnd.peakHeapBytes()), "<= 512 MB", met(endToEnd.peakHeapBytes() <= TARGET_HEAP));
        row(sb, "ingest peak RSS at full rate", mb(endToEnd.peakRssBytes()), "", "");
        return sb.toString();
    }

    private static void row(StringBuilder sb, String what, String result, String target, String met) {
        sb.append("| ").append(what).append(" | ").append(result).append(" | ").append(target).append(" | ")
            .append(met).append(" |\n");
    }

    private static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f readings/s", perSecond);
    }

    private static String us(double micros) {
        return Double.isNaN(micros) ? "n/a" : String.format(Locale.ROOT, "%.2f us", micros);
    }

    private static String pct(double ratio) {
        return String.format(Locale.ROOT, "%.0f %%", ratio * 100);
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, "%.0f ms", millis);
    }

    private static String mb(double bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / (1024 * 1024));
    }

    private static String met(boolean ok) {
        return ok ? "yes" : "no";
    }
}
