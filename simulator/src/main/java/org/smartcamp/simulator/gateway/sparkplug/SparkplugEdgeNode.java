package org.smartcamp.simulator.gateway.sparkplug;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.tahu.protobuf.SparkplugBProto.DataType;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.Metric;
import org.smartcamp.ingest.wire.Reading;
import org.smartcamp.ingest.wire.sparkplug.SparkplugTopic.Type;

/**
 * The state of one Sparkplug B edge node (a camp) and the payloads it publishes, with no MQTT in it: the birth
 * certificates with every metric's name, alias and datatype, the data by alias only, the sequence number that
 * every message but NDEATH carries (NBIRTH 0, then 1..255 and round to 0), and the death certificates. Devices
 * (assets) and their metrics are declared as they first appear: a new device, or a new metric of a known device,
 * gets a DBIRTH before its first DDATA. Not thread-safe: its MQTT client serialises the calls.
 */
public final class SparkplugEdgeNode {
    /** The node control metric a host sets to {@code true} in an NCMD to ask for new births. */
    public static final String REBIRTH = "Node Control/Rebirth";
    /** The birth/death sequence metric of NBIRTH and NDEATH. */
    public static final String BD_SEQ = "bdSeq";
    /** A reading with this unit is a Boolean metric (1 or 0); every other metric is a Double. */
    static final String BOOLEAN_UNIT = "bool";
    private static final long BD_SEQ_ALIAS = 0;
    private static final long REBIRTH_ALIAS = 1;

    private final SparkplugTopics topics;
    private final Map<String, Map<String, Declared>> devices = new LinkedHashMap<>();
    private long nextAlias = 2;
    private int seq = -1;

    /** How a device metric was declared in its DBIRTH, and its latest reading (what a new DBIRTH reports). */
    private static final class Declared {
        private final long alias;
        private final DataType type;
        private Reading last;
        private boolean lastHistorical;

        Declared(long alias, DataType type) {
            this.alias = alias;
            this.type = type;
        }
    }

    /** One MQTT message of the edge node: its topic, its encoded payload and the readings it carries. */
    public record Publication(String topic, byte[] payload, int readings) {
    }

    public SparkplugEdgeNode(SparkplugTopics topics) {
        this.topics = topics;
    }

    public SparkplugTopics topics() {
        return topics;
    }

    /** NBIRTH (sequence 0, {@code bdSeq}) and a DBIRTH for every device seen so far, in that order. */
    public List<Publication> births(long bdSeq, Instant now) {
        seq = 0;
        Payload.Builder node = Payload.newBuilder().setTimestamp(now.toEpochMilli()).setSeq(0)
            .addMetrics(Metric.newBuilder().setName(BD_SEQ).setAlias(BD_SEQ_ALIAS).setTimestamp(now.toEpochMilli())
                .setDatatype(DataType.Int64_VALUE).setLongValue(bdSeq))
            .addMetrics(Metric.newBuilder().setName(REBIRTH).setAlias(REBIRTH_ALIAS).setTimestamp(now.toEpochMilli())
                .setDatatype(DataType.Boolean_VALUE).setBooleanValue(false));
        List<Publication> out = new ArrayList<>();
        out.add(new Publication(topics.node(Type.NBIRTH), node.build().toByteArray(), 0));
        for (String device : devices.keySet()) {
            out.add(deviceBirth(device, now));
        }
        return out;
    }

    /**
     * The messages that carry {@code readings} of one device: a DBIRTH first when the device or one of its metrics
     * is new, then one DDATA with every reading by alias and event time, marked historical when {@code historical}.
     * Call {@link #births} once before the first data.
     */
    public List<Publication> data(String device, List<Reading> readings, boolean historical, Instant now) {
        if (seq < 0) {
            throw new IllegalStateException("edge node " + topics.edgeNode() + " has not published its NBIRTH");
        }
        List<Publication> out = new ArrayList<>(2);
        if (declare(device, readings, historical)) {
            out.add(deviceBirth(device, now));
        }
        Map<String, Declared> declared = devices.get(device);
        Payload.Builder p = Payload.newBuilder().setTimestamp(now.toEpochMilli()).setSeq(nextSeq());
        for (Reading r : readings) {
            Declared d = declared.get(r.metric());
            p.addMetrics(value(Metric.newBuilder().setAlias(d.alias), d.type, r, historical));
        }
        out.add(new Publication(topics.device(Type.DDATA, device), p.build().toByteArray(), readings.size()));
        return out;
    }

    /** A DDEATH for every device seen so far (the devices go away, e.g. at the end of a run). */
    public List<Publication> deviceDeaths(Instant now) {
        List<Publication> out = new ArrayList<>();
        for (String device : devices.keySet()) {
            Payload p = Payload.newBuilder().setTimestamp(now.toEpochMilli()).setSeq(nextSeq()).build();
            out.add(new Publication(topics.device(Type.DDEATH, device), p.toByteArray(), 0));
        }
        return out;
    }

    /** NDEATH with {@code bdSeq} (no sequence number): the MQTT will of the connection, or sent before leaving. */
    public Publication nodeDeath(long bdSeq, Instant now) {
        Payload p = Payload.newBuilder().setTimestamp(now.toEpochMilli())
            .addMetrics(Metric.newBuilder().setName(BD_SEQ).setTimestamp(now.toEpochMilli())
                .setDatatype(DataType.Int64_VALUE).setLongValue(bdSeq))
            .build();
        return new Publication(topics.node(Type.NDEATH), p.toByteArray(), 0);
    }

    /**
     * Whether {@code payload} of an NCMD asks for a rebirth ({@code Node Control/Rebirth}, by name or alias, set to
     * true). A payload that does not parse asks for nothing.
     */
    public static boolean isRebirthRequest(byte[] payload) {
        try {
            for (Metric m : Payload.parseFrom(payload).getMetricsList()) {
                boolean named = m.hasName() ? REBIRTH.equals(m.getName()) : m.getAlias() == REBIRTH_ALIAS;
                if (named && m.getBooleanValue()) {
                    return true;
                }
            }
            return false;
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            return false;
        }
    }

    /**
     * Declares the device and metrics of {@code readings} and keeps each metric's latest reading; true when
     * something was new (a DBIRTH is due).
     */
    private boolean declare(String device, List<Reading> readings, boolean historical) {
        boolean fresh = !devices.containsKey(device);
        Map<String, Declared> declared = devices.computeIfAbsent(device, d -> new LinkedHashMap<>());
        for (Reading r : readings) {
            Declared d = declared.get(r.metric());
            if (d == null) {
                DataType type = BOOLEAN_UNIT.equals(r.unit()) ? DataType.Boolean : DataType.Double;
                d = new Declared(nextAlias++, type);
                declared.put(r.metric(), d);
                fresh = true;
            }
            if (d.last == null || !r.ts().isBefore(d.last.ts())) {
                d.last = r;
                d.lastHistorical = historical;
            }
        }
        return fresh;
    }

    /**
     * A DBIRTH declaring every metric of {@code device} by name, alias and datatype, each with its latest reading
     * (a reading sent in DDATA too, so that a host storing birth values stores nothing new).
     */
    private Publication deviceBirth(String device, Instant now) {
        Payload.Builder p = Payload.newBuilder().setTimestamp(now.toEpochMilli()).setSeq(nextSeq());
        devices.get(device).forEach((name, d) -> p.addMetrics(value(Metric.newBuilder().setName(name)
            .setAlias(d.alias), d.type, d.last, d.lastHistorical)));
        return new Publication(topics.device(Type.DBIRTH, device), p.build().toByteArray(), 0);
    }

    private static Metric.Builder value(Metric.Builder m, DataType type, Reading r, boolean historical) {
        m.setDatatype(type.getNumber()).setTimestamp(r.ts().toEpochMilli());
        if (historical) {
            m.setIsHistorical(true);
        }
        return type == DataType.Boolean ? m.setBooleanValue(r.value() != 0) : m.setDoubleValue(r.value());
    }

    private long nextSeq() {
        seq = (seq + 1) % 256;
        return seq;
    }
}
