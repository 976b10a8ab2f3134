package org.smartcamp.ingest.wire.sparkplug;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.Metric;
import org.smartcamp.ingest.wire.Quality;
import org.smartcamp.ingest.wire.Reading;
import org.smartcamp.ingest.wire.ReadingValidator;
import org.smartcamp.ingest.wire.RejectReason;
import org.smartcamp.ingest.wire.RejectedReading;
import org.smartcamp.ingest.wire.WireFormatException;
import org.smartcamp.ingest.wire.WireLimits;

/**
 * Turns the metrics of a Sparkplug payload into readings: names from the births' aliases, asset and metric through
 * the {@link SparkplugMapping}, event time from the metric's timestamp (else the payload's), values by datatype.
 * Control metrics ({@code bdSeq}, {@code Node Control/*}, {@code Device Control/*}, {@code Properties/*}) are not
 * readings; a birth's metrics without a numeric value are declarations only.
 */
final class MetricReader {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> CONTROL_PREFIXES = List.of("Node Control/", "Device Control/", "Properties/");

    private final SparkplugMapping mapping;
    private final ReadingValidator validator;

    MetricReader(SparkplugMapping mapping, WireLimits limits) {
        this.mapping = mapping;
        this.validator = new ReadingValidator(limits);
    }

    List<Reading> readings(SparkplugTopic topic, Payload payload, SparkplugFormat.Step step, Instant now,
                           List<RejectedReading> rejected) {
        List<Reading> out = new ArrayList<>(payload.getMetricsCount());
        for (int i = 0; i < payload.getMetricsCount(); i++) {
            Metric m = payload.getMetrics(i);
            try {
                Reading r = reading(topic, payload, m, step, now);
                if (r != null) {
                    out.add(r);
                }
            } catch (WireFormatException e) {
                rejected.add(new RejectedReading(i, e.reason(), "metrics[" + i + "]: " + e.getMessage(), raw(m)));
            }
        }
        return out;
    }

    /** The payload's timestamp as the message's send time, or null when outside the accepted window. */
    Instant sentTime(long millis, Instant now) {
        try {
            return validator.eventTime(Instant.ofEpochMilli(millis), now);
        } catch (WireFormatException | java.time.DateTimeException e) {
            return null;
        }
    }

    private Reading reading(SparkplugTopic topic, Payload payload, Metric m, SparkplugFormat.Step step,
                            Instant now) {
        NodeSession.MetricDef def = definition(topic, m, step.aliases());
        if (control(def.name())) {
            return null;
        }
        int datatype = m.hasDatatype() ? m.getDatatype() : def.datatype();
        if (step.birth() && (m.getIsNull() || !MetricValues.numeric(m))) {
            return null;
        }
        if (m.getIsNull()) {
            throw new WireFormatException(RejectReason.UNSUPPORTED_VALUE, "metric '" + def.name() + "' is null");
        }
        String asset;
        String metric;
        if (topic.device() != null) {
            asset = mapping.asset(topic.group(), topic.edgeNode(), topic.device());
            metric = mapping.metric(def.name());
        } else {
            int slash = def.name().indexOf('/');
            if (slash < 0) {
                throw new WireFormatException(RejectReason.INVALID_ID, "node metric '" + def.name()
                    + "' names no asset: node-level readings are named {asset id}/{metric}");
            }
            asset = def.name().substring(0, slash);
            metric = mapping.metric(def.name().substring(slash + 1));
        }
        if (!m.hasTimestamp() && !payload.hasTimestamp()) {
            throw new WireFormatException(RejectReason.MISSING_FIELD, "metric '" + def.name()
                + "' has no timestamp and neither has its payload");
        }
        long millis = m.hasTimestamp() ? m.getTimestamp() : payload.getTimestamp();
        Instant ts = validator.eventTime(Instant.ofEpochMilli(millis), now);
        double value = validator.value(MetricValues.of(m, datatype));
        return new Reading(validator.asset(asset), validator.metric(metric), ts, value, null, Quality.GOOD);
    }

    /** The metric's name and datatype: its own name, else its alias as declared by a birth of this node or device. */
    private static NodeSession.MetricDef definition(SparkplugTopic topic, Metric m,
                                                    Map<Long, NodeSession.MetricDef> aliases) {
        if (m.hasName()) {
            return new NodeSession.MetricDef(topic.device(), m.getName(), m.getDatatype());
        }
        if (!m.hasAlias()) {
            throw new WireFormatException(RejectReason.MISSING_FIELD, "metric has neither a name nor an alias");
        }
        NodeSession.MetricDef def = aliases.get(m.getAlias());
        if (def == null || !java.util.Objects.equals(def.device(), topic.device())) {
            throw new WireFormatException(RejectReason.SPARKPLUG_UNKNOWN_ALIAS, "alias " + m.getAlias()
                + " was not declared by the " + (topic.device() == null ? "NBIRTH" : "DBIRTH of device '"
                + topic.device() + "'") + " of edge node '" + topic.nodeKey() + "'");
        }
        return def;
    }

    private static boolean control(String name) {
        if (SparkplugFormat.BD_SEQ.equals(name)) {
            return true;
        }
        for (String p : CONTROL_PREFIXES) {
            if (name.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    /** The metric as JSON for its dead letter. */
    private static String raw(Metric m) {
        ObjectNode o = JSON.createObjectNode();
        if (m.hasName()) {
            o.put("name", m.getName());
        }
        if (m.hasAlias()) {
            o.put("alias", m.getAlias());
        }
        if (m.hasTimestamp()) {
            o.put("timestamp", m.getTimestamp());
        }
        if (m.hasDatatype()) {
            o.put("datatype", m.getDatatype());
        }
        o.put("value", m.getValueCase() == Metric.ValueCase.VALUE_NOT_SET ? "" : String.valueOf(valueText(m)));
        if (m.getIsHistorical()) {
            o.put("is_historical", true);
        }
        return o.toString();
    }

    private static Object valueText(Metric m) {
        return switch (m.getValueCase()) {
            case INT_VALUE -> m.getIntValue();
            case LONG_VALUE -> m.getLongValue();
            case FLOAT_VALUE -> m.getFloatValue();
            case DOUBLE_VALUE -> m.getDoubleValue();
            case BOOLEAN_VALUE -> m.getBooleanValue();
            case STRING_VALUE -> m.getStringValue();
            default -> m.getValueCase().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
