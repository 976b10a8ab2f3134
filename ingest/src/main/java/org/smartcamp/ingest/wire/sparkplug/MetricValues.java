package org.smartcamp.ingest.wire.sparkplug;

import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.Metric;
import org.smartcamp.ingest.wire.RejectReason;
import org.smartcamp.ingest.wire.WireFormatException;

/** A Sparkplug metric's value as a reading's number, read by its datatype (Sparkplug 3.0, section 6.4.16). */
final class MetricValues {
    static final int UINT8 = 5;
    static final int UINT16 = 6;
    static final int UINT32 = 7;
    static final int UINT64 = 8;
    static final int DATETIME = 13;

    private MetricValues() {
    }

    /**
     * The value as a double: integers signed or unsigned by the datatype, booleans as 1 and 0.
     *
     * @throws WireFormatException {@code unsupported_value} for strings, bytes, data sets, templates, date-times and
     *                             metrics without a value
     */
    static double of(Metric m, int datatype) {
        switch (m.getValueCase()) {
            case INT_VALUE:
                return datatype == UINT8 || datatype == UINT16 || datatype == UINT32
                    ? Integer.toUnsignedLong(m.getIntValue()) : m.getIntValue();
            case LONG_VALUE:
                if (datatype == DATETIME) {
                    throw unsupported("a DateTime");
                }
                long v = m.getLongValue();
                return datatype == UINT64 && v < 0 ? (double) (v >>> 1) * 2.0 + (v & 1) : v;
            case FLOAT_VALUE:
                return m.getFloatValue();
            case DOUBLE_VALUE:
                return m.getDoubleValue();
            case BOOLEAN_VALUE:
                return m.getBooleanValue() ? 1.0 : 0.0;
            case VALUE_NOT_SET:
                throw unsupported("no value");
            default:
                throw unsupported("a " + m.getValueCase().name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** Whether the metric carries a number or a boolean. */
    static boolean numeric(Metric m) {
        switch (m.getValueCase()) {
            case INT_VALUE, FLOAT_VALUE, DOUBLE_VALUE, BOOLEAN_VALUE:
                return true;
            case LONG_VALUE:
                return m.getDatatype() != DATETIME;
            default:
                return false;
        }
    }

    private static WireFormatException unsupported(String what) {
        return new WireFormatException(RejectReason.UNSUPPORTED_VALUE, "metric carries " + what
            + "; only numbers and booleans are readings");
    }
}
