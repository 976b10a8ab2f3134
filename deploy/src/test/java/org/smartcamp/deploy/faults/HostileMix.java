package org.smartcamp.deploy.faults;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import org.smartcamp.ingest.wire.RejectReason;
import org.smartcamp.ingest.wire.TelemetryBatch;
import org.smartcamp.simulator.gateway.OutgoingMessage;

/**
 * A stream in which every {@code every}-th message is hostile, taking the {@link Kind}s in turn (a function of
 * the message's index, so that a stream can be spoiled one message at a time and its hostile messages counted).
 * A hostile message either refuses as a whole (its valid readings are dropped from its batch, so the ledger does
 * not expect them) or carries one hostile reading in front of its valid ones (which the ledger still expects).
 * Every hostile input is distinct, so that each makes exactly one dead letter (dead letters are unique by topic,
 * reason and payload).
 */
final class HostileMix {
    /** What is wrong with a hostile message, and the reason the ingest must dead-letter it with. */
    enum Kind {
        /** D1: an asset id holding a NUL ({@code \u0000} escape). */
        NUL_ASSET(RejectReason.INVALID_ID, false),
        /** D2: {@code sent} beyond any timestamp the database holds. */
        SENT_MAX_LONG(RejectReason.TIMESTAMP_OUT_OF_WINDOW, true),
        /** D2: {@code sent} in the year 300000. */
        SENT_YEAR_300000(RejectReason.TIMESTAMP_OUT_OF_WINDOW, true),
        /** A byte sequence that is not UTF-8. */
        INVALID_UTF8(RejectReason.NOT_UTF8, true),
        /** D14: the same JSON encoded as UTF-16LE. */
        UTF16LE(RejectReason.NOT_UTF8, true),
        /** D14: a UTF-8 byte order mark in front of valid JSON. */
        BYTE_ORDER_MARK(RejectReason.BYTE_ORDER_MARK, true),
        /** A payload cut in half. */
        TRUNCATED_JSON(RejectReason.MALFORMED_JSON, true),
        /** D14: {@code 1e-400}, which a double would make 0. */
        UNDERFLOW(RejectReason.UNDERFLOW, false),
        /** The literal {@code NaN}. */
        NOT_FINITE(RejectReason.NOT_FINITE, false),
        /** An asset id of 100,000 characters: a large string, well within the payload limit. */
        OVERSIZED_ID(RejectReason.INVALID_ID, false);

        final RejectReason reason;
        final boolean wholeMessage;

        Kind(RejectReason reason, boolean wholeMessage) {
            this.reason = reason;
            this.wholeMessage = wholeMessage;
        }
    }

    private static final Kind[] KINDS = Kind.values();

    private final int every;

    /** One message in {@code every} hostile. */
    HostileMix(int every) {
        this.every = every;
    }

    /** What is wrong with message {@code i} of a stream, or null when it is valid. */
    Kind kind(long i) {
        return i % every == every - 1 ? KINDS[(int) (i / every % KINDS.length)] : null;
    }

    /** Message {@code i} of a stream: {@code m}, spoiled when it is a hostile one's turn. */
    OutgoingMessage apply(OutgoingMessage m, long i) {
        Kind kind = kind(i);
        return kind == null ? m : spoil(m, kind, i / every);
    }

    /** Hostile messages of each kind among the first {@code messages} of a stream. */
    Map<Kind, Long> hostile(long messages) {
        long all = hostileMessages(messages);
        Map<Kind, Long> out = new TreeMap<>();
        for (Kind k : KINDS) {
            long n = all / KINDS.length + (k.ordinal() < all % KINDS.length ? 1 : 0);
            if (n > 0) {
                out.put(k, n);
            }
        }
        return out;
    }

    /** The dead letters the hostile messages among the first {@code messages} must make, per reason code. */
    Map<String, Long> expectedDeadLetters(long messages) {
        Map<String, Long> out = new TreeMap<>();
        hostile(messages).forEach((k, n) -> out.merge(k.reason.code(), n, Long::sum));
        return out;
    }

    long hostileMessages(long messages) {
        return messages / every;
    }

    private static OutgoingMessage spoil(OutgoingMessage m, Kind kind, long n) {
        String json = new String(m.payload(), StandardCharsets.UTF_8);
        TelemetryBatch none = new TelemetryBatch(m.batch().seq(), m.batch().sent(), List.of());
        String ts = m.batch().sent().minusSeconds(3_600).toString();
        byte[] payload = switch (kind) {
            case SENT_MAX_LONG -> utf8(json.replaceFirst("\"sent\":\"[^\"]*\"", "\"sent\":9223372036854775807"));
            case SENT_YEAR_300000 -> utf8(json.replaceFirst("\"sent\":\"[^\"]*\"",
                "\"sent\":\"+300000-01-01T00:00:00Z\""));
            case INVALID_UTF8 -> utf8(json.replaceFirst("\"readings\"", "\"x\":\"?\",\"readings\""),
                (byte) 0xC3, (byte) 0x28);
            case UTF16LE -> json.getBytes(StandardCharsets.UTF_16LE);
            case BYTE_ORDER_MARK -> concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, m.payload());
            case TRUNCATED_JSON -> Arrays.copyOf(m.payload(), m.payload().length / 2);
            case NUL_ASSET -> withReading(json, "{\"asset\":\"hx-" + n + "\\u0000\",\"metric\":\"power.active\","
                + "\"ts\":\"" + ts + "\",\"value\":1}");
            case UNDERFLOW -> withReading(json, "{\"asset\":\"hx-" + n + "\",\"metric\":\"power.active\",\"ts\":\""
                + ts + "\",\"value\":1e-400}");
            case NOT_FINITE -> withReading(json, "{\"asset\":\"hx-" + n + "\",\"metric\":\"power.active\",\"ts\":\""
                + ts + "\",\"value\":NaN}");
            case OVERSIZED_ID -> withReading(json, "{\"asset\":\"hx-" + n + "-" + "a".repeat(100_000)
                + "\",\"metric\":\"power.active\",\"ts\":\"" + ts + "\",\"value\":1}");
        };
        return new OutgoingMessage(m.address(), kind.wholeMessage ? none : m.batch(), payload, false);
    }

    /** The payload with {@code reading} as {@code readings[0]}, in front of the valid ones. */
    private static byte[] withReading(String json, String reading) {
        return utf8(json.replaceFirst("\"readings\":\\[", "\"readings\":[" + Matcher.quoteReplacement(reading) + ","));
    }

    /** {@code json} in UTF-8 with its first {@code ?} (the payloads hold none of their own) replaced by {@code bad}. */
    private static byte[] utf8(String json, byte... bad) {
        byte[] bytes = utf8(json);
        if (bad.length == 0) {
            return bytes;
        }
        int at = json.indexOf('?');
        byte[] out = new byte[bytes.length + bad.length - 1];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(bad, 0, out, at, bad.length);
        System.arraycopy(bytes, at + 1, out, at + bad.length, bytes.length - at - 1);
        return out;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
