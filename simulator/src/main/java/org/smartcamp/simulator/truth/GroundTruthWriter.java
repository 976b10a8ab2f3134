package org.smartcamp.simulator.truth;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.smartcamp.simulator.scenario.GeneratorSpec;
import org.smartcamp.simulator.scenario.Scenario;

/**
 * Writes a {@link GroundTruth} as one JSON document (docs/simulator.md describes its fields). The output is the
 * same byte for byte for the same scenario and seed. Litres, kWh and hours carry six decimals.
 */
public final class GroundTruthWriter {
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
        .disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build()).enable(SerializationFeature.INDENT_OUTPUT);

    private GroundTruthWriter() {
    }

    /** Writes {@code truth} to {@code file}, replacing it. */
    public static void write(GroundTruth truth, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(truth, out);
        }
    }

    /** Writes {@code truth} to {@code out}, which stays open. */
    public static void write(GroundTruth truth, OutputStream out) throws IOException {
        JSON.writeValue(out, document(truth));
    }

    static Map<String, Object> document(GroundTruth truth) {
        Scenario s = truth.scenario();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("scenario", s.header().name());
        doc.put("seed", s.header().seed());
        doc.put("mission", s.mission().id());
        doc.put("camp", s.camp().id());
        doc.put("start", truth.start().toString());
        doc.put("end", truth.end().toString());
        doc.put("step_seconds", s.header().step().toSeconds());
        doc.put("generators", generators(truth));
        doc.put("tanks", tanks(truth));
        doc.put("vehicles", binned(truth.vehicleBins(), "engine_hours", "idle_hours", "distance_km", "fuel_l"));
        doc.put("water_tanks", binned(truth.waterBins(), "used_l", "pumped_l"));
        doc.put("camp_energy", bins(truth.campBins(), GroundTruth.CAMP_FIELDS));
        doc.put("events", truth.events().stream().sorted(Comparator.comparing(TruthEvent::start)
            .thenComparing(TruthEvent::kind).thenComparing(TruthEvent::asset)).map(GroundTruthWriter::event).toList());
        doc.put("outages", truth.outages().stream().map(GroundTruthWriter::outage).toList());
        return doc;
    }

    private static List<Object> generators(GroundTruth truth) {
        List<Object> out = new ArrayList<>();
        for (GeneratorSpec g : truth.scenario().plant().generators()) {
            String asset = truth.scenario().camp().assetId(g.id());
            Bins bins = truth.generatorBins().get(asset);
            if (bins == null) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("asset", asset);
            m.put("rated_kw", g.ratedKw());
            m.put("f0", g.curve().f0());
            m.put("f1", g.curve().f1());
            m.put("starts", truth.generatorStarts().getOrDefault(asset, 0L));
            m.put("total", generatorRow(null, bins.total(), g.ratedKw()));
            m.put("daily", generatorRows(bins.daily(), g.ratedKw()));
            m.put("hourly", generatorRows(bins.hourly(), g.ratedKw()));
            out.add(m);
        }
        return out;
    }

    private static List<Object> generatorRows(SortedMap<Instant, double[]> rows, double rated) {
        List<Object> out = new ArrayList<>();
        rows.forEach((t, v) -> out.add(generatorRow(t, v, rated)));
        return out;
    }

    private static Map<String, Object> generatorRow(Instant t, double[] v, double rated) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (t != null) {
            m.put("start", t.toString());
        }
        m.put("fuel_l", round(v[GroundTruth.FUEL]));
        m.put("energy_kwh", round(v[GroundTruth.ENERGY]));
        m.put("engine_hours", round(v[GroundTruth.RUN_H]));
        m.put("load_factor", round(v[GroundTruth.RUN_H] == 0 ? 0 : v[GroundTruth.ENERGY]
            / (rated * v[GroundTruth.RUN_H])));
        return m;
    }

    private static List<Object> tanks(GroundTruth truth) {
        List<Object> out = new ArrayList<>();
        truth.tankVolumeSeries().forEach((asset, volumes) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("asset", asset);
            m.put("start_volume_l", round(volumes.firstEntry().getValue()));
            m.put("end_volume_l", round(volumes.lastEntry().getValue()));
            Map<String, Object> flows = new LinkedHashMap<>();
            for (TankFlow f : TankFlow.values()) {
                flows.put(f.field(), round(truth.tankFlowTotal(asset, f)));
            }
            m.put("flows", flows);
            List<Object> series = new ArrayList<>();
            volumes.forEach((t, v) -> {
                Map<String, Object> point = new LinkedHashMap<>();
                point.put("time", t.toString());
                point.put("volume_l", round(v));
                series.add(point);
            });
            m.put("volumes", series);
            out.add(m);
        });
        return out;
    }

    private static List<Object> binned(Map<String, Bins> byAsset, String... fields) {
        List<Object> out = new ArrayList<>();
        byAsset.forEach((asset, bins) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("asset", asset);
            m.putAll(bins(bins, fields));
            out.add(m);
        });
        return out;
    }

    private static Map<String, Object> bins(Bins bins, String... fields) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("total", row(null, bins.total(), fields));
        List<Object> daily = new ArrayList<>();
        bins.daily().forEach((t, v) -> daily.add(row(t, v, fields)));
        m.put("daily", daily);
        List<Object> hourly = new ArrayList<>();
        bins.hourly().forEach((t, v) -> hourly.add(row(t, v, fields)));
        m.put("hourly", hourly);
        return m;
    }

    private static Map<String, Object> row(Instant t, double[] v, String... fields) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (t != null) {
            m.put("start", t.toString());
        }
        for (int i = 0; i < fields.length; i++) {
            m.put(fields[i], round(v[i]));
        }
        return m;
    }

    private static Map<String, Object> event(TruthEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", e.kind());
        m.put("asset", e.asset());
        m.put("start", e.start().toString());
        m.put("end", e.end().toString());
        m.put("litres", e.litres() == null ? null : round(e.litres()));
        m.put("detail", e.detail());
        return m;
    }

    private static Map<String, Object> outage(OutageWindow o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("gateway", o.gateway());
        m.put("start", o.start().toString());
        m.put("end", o.end().toString());
        m.put("backlog_readings", o.backlogReadings());
        m.put("delivered_at", o.deliveredAt() == null ? null : o.deliveredAt().toString());
        return m;
    }

    static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
