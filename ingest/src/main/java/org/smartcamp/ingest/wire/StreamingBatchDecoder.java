package org.smartcamp.ingest.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The fast path of {@link TelemetryDecoder}: a SmartCamp JSON batch whose every reading is valid (what a healthy
 * gateway sends) is read in one pass of Jackson's streaming parser straight into {@link Reading}s, without a tree.
 * Asset ids and metric names are checked once per distinct text and shared after that; each distinct time text is
 * parsed once (the readings of one tick share it). Duplicate keys are found by a bit per known field of the object
 * instead of Jackson's detector (a set of every name of every object, the largest cost of the parse): a repeated
 * field, or an unknown one holding an object or array (whose keys are not looked at here), sends the message to the
 * tree, which refuses duplicates as before. Anything else (a SenML array, a fault of any kind, a number
 * that needs a closer look) makes it answer {@code null}, and the tree decoder, which gives every rejection its
 * reason and detail, decodes the message from the start: a message is decoded exactly as the tree decoder alone
 * would decode it.
 *
 * <p>Its caches hold immutable values only, so an instance may be shared by threads (a race costs a cache miss).
 */
final class StreamingBatchDecoder {
    private static final int NAME_SLOTS = 512;
    private static final int TIME_SLOTS = 4;
    /** The tree decoder's parser without duplicate detection: this class finds duplicates itself. */
    private static final JsonFactory FACTORY = TelemetryDecoder.MAPPER.getFactory().rebuild()
        .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final int SEQ = 1;
    private static final int SENT = 2;
    private static final int READINGS = 4;
    private static final int ASSET = 1;
    private static final int METRIC = 2;
    private static final int TS = 4;
    private static final int VALUE = 8;
    private static final int UNIT = 16;
    private static final int QUALITY = 32;

    /** The event times {@link ReadingValidator#eventTime} accepts at one arrival time. */
    private record Window(Instant earliest, Instant latest) {
    }

    /** A time text and what it means. */
    private record Time(String text, Instant instant) {
    }

    private final WireLimits limits;
    private final ReadingValidator validator;
    private final String[] assets = new String[NAME_SLOTS];
    private final String[] metrics = new String[NAME_SLOTS];
    private final Time[] times = new Time[TIME_SLOTS];
    private int nextTime;

    StreamingBatchDecoder(WireLimits limits, ReadingValidator validator) {
        this.limits = limits;
        this.validator = validator;
    }

    /**
     * Decodes a batch in which everything is valid.
     *
     * @param text the payload, already checked to be UTF-8 without a byte order mark
     * @return the decoded message, or {@code null} when the message is not such a batch: decode it with the tree
     */
    DecodedMessage decode(TopicAddress address, String text, Instant now) {
        try (JsonParser p = FACTORY.createParser(text)) {
            return batch(p, address, now);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * As {@link #decode(TopicAddress, String, Instant)}, from the payload's bytes.
     *
     * @param ascii the payload, already checked to be ASCII without NUL bytes (so UTF-8, which the parser detects)
     */
    DecodedMessage decode(TopicAddress address, byte[] ascii, Instant now) {
        try (JsonParser p = FACTORY.createParser(ascii)) {
            return batch(p, address, now);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private DecodedMessage batch(JsonParser p, TopicAddress address, Instant now) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        // the event-time window, once per message: a time outside it is left to the tree decoder to refuse
        Window window = new Window(now.minus(limits.maxAge()), now.plus(limits.maxFutureSkew()));
        long seq = -1;
        Instant sent = null;
        List<Reading> readings = null;
        int seen = 0;
        List<String> others = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            int bit = switch (field) {
                case "seq" -> SEQ;
                case "sent" -> SENT;
                case "readings" -> READINGS;
                default -> 0;
            };
            if ((seen & bit) != 0) {
                return null;
            }
            seen |= bit;
            switch (field) {
                case "seq" -> {
                    if (v != JsonToken.VALUE_NUMBER_INT || !isLong(p) || p.getLongValue() < 0) {
                        return null;
                    }
                    seq = p.getLongValue();
                }
                case "sent" -> sent = time(p, v);
                case "readings" -> readings = v == JsonToken.START_ARRAY ? readings(p, window) : null;
                default -> {
                    others = other(others, field, v);
                    if (others == null) {
                        return null;
                    }
                }
            }
            if ("sent".equals(field) && sent == null || "readings".equals(field) && readings == null) {
                return null;
            }
        }
        if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null || seq < 0 || sent == null
            || readings == null) {
            return null;
        }
        return new DecodedMessage(address, PayloadFormat.SMARTCAMP_JSON, seq, validator.sentTime(sent, now),
            readings, List.of());
    }

    private List<Reading> readings(JsonParser p, Window window) throws IOException {
        List<Reading> out = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
            if (out.size() == limits.maxReadingsPerMessage()) {
                return null;
            }
            Reading r = reading(p, window);
            if (r == null) {
                return null;
            }
            out.add(r);
        }
        return t == JsonToken.END_ARRAY ? out : null;
    }

    private Reading reading(JsonParser p, Window window) throws IOException {
        String asset = null;
        String metric = null;
        Instant ts = null;
        double value = Double.NaN;
        String unit = null;
        Quality quality = Quality.GOOD;
        int seen = 0;
        List<String> others = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            int bit = switch (field) {
                case "asset" -> ASSET;
                case "metric" -> METRIC;
                case "ts" -> TS;
                case "value" -> VALUE;
                case "unit" -> UNIT;
                case "quality" -> QUALITY;
                default -> 0;
            };
            if ((seen & bit) != 0) {
                return null;
            }
            seen |= bit;
            switch (field) {
                case "asset" -> asset = v == JsonToken.VALUE_STRING ? name(p, assets, true) : null;
                case "metric" -> metric = v == JsonToken.VALUE_STRING ? name(p, metrics, false) : null;
                case "ts" -> ts = time(p, v);
                case "value" -> value = value(p, v);
                case "unit", "quality" -> {
                    if (v != JsonToken.VALUE_STRING && v != JsonToken.VALUE_NULL) {
                        return null;
                    }
                    String text = v == JsonToken.VALUE_NULL ? null : p.getText();
                    if ("unit".equals(field)) {
                        unit = validator.unit(text);
                    } else {
                        quality = text == null ? Quality.GOOD : Quality.fromWire(text);
                    }
                }
                default -> {
                    others = other(others, field, v);
                    if (others == null) {
                        return null;
                    }
                }
            }
            if (asset == null && "asset".equals(field) || metric == null && "metric".equals(field)
                || ts == null && "ts".equals(field) || Double.isNaN(value) && "value".equals(field)) {
                return null;
            }
        }
        if (asset == null || metric == null || ts == null || Double.isNaN(value) || ts.isBefore(window.earliest())
            || ts.isAfter(window.latest())) {
            return null;
        }
        return new Reading(asset, metric, ts, validator.value(value), unit, quality);
    }

    /**
     * A number as the tree decoder reads it (an integer, or the exact decimal rounded once), a boolean as 1 or 0;
     * NaN for anything it would refuse or look at more closely: a non-zero value too small for a normal double, a
     * float token that reads as zero though its digits may not be, an integer beyond a long.
     */
    private static double value(JsonParser p, JsonToken v) throws IOException {
        return switch (v) {
            case VALUE_TRUE -> 1.0;
            case VALUE_FALSE -> 0.0;
            case VALUE_NUMBER_INT -> isLong(p) ? (double) p.getLongValue() : Double.NaN;
            case VALUE_NUMBER_FLOAT -> {
                double d = p.getDoubleValue();
                if (d == 0) {
                    // an exact decimal has no negative zero: -0.0 reads as 0, as in the tree
                    yield p.getDecimalValue().signum() == 0 ? 0.0 : Double.NaN;
                }
                yield Math.abs(d) >= Double.MIN_NORMAL ? d : Double.NaN;
            }
            default -> Double.NaN;
        };
    }

    private static boolean isLong(JsonParser p) throws IOException {
        JsonParser.NumberType type = p.getNumberType();
        return type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG;
    }

    /**
     * The names of an object's unknown fields so far with {@code field} added: null when it repeats one or holds an
     * object or array (the tree decoder then checks that value's keys for duplicates too). Allocates only for an
     * object that has such a field.
     */
    private static List<String> other(List<String> others, String field, JsonToken value) {
        if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY
            || others != null && others.contains(field)) {
            return null;
        }
        List<String> out = others == null ? new ArrayList<>(2) : others;
        out.add(field);
        return out;
    }

    /** An epoch-milliseconds integer or an RFC 3339 text, each distinct text parsed once; null if neither. */
    private Instant time(JsonParser p, JsonToken v) throws IOException {
        if (v == JsonToken.VALUE_NUMBER_INT) {
            return isLong(p) ? Instant.ofEpochMilli(p.getLongValue()) : null;
        }
        if (v != JsonToken.VALUE_STRING) {
            return null;
        }
        char[] chars = p.getTextCharacters();
        int offset = p.getTextOffset();
        int length = p.getTextLength();
        for (Time t : times) {
            if (t != null && same(t.text(), chars, offset, length)) {
                return t.instant();
            }
        }
        String text = p.getText();
        Instant instant = RfcTimes.parse(text);
        times[nextTime] = new Time(text, instant);
        nextTime = (nextTime + 1) % TIME_SLOTS;
        return instant;
    }

    /** The asset id or metric name, checked once per distinct text and the same String instance after that. */
    private String name(JsonParser p, String[] cache, boolean asset) throws IOException {
        char[] chars = p.getTextCharacters();
        int offset = p.getTextOffset();
        int length = p.getTextLength();
        int hash = 0;
        for (int i = offset; i < offset + length; i++) {
            hash = 31 * hash + chars[i];
        }
        int slot = (hash ^ hash >>> 16) & (NAME_SLOTS - 1);
        String known = cache[slot];
        if (known != null && same(known, chars, offset, length)) {
            return known;
        }
        String text = p.getText();
        String valid = asset ? validator.asset(text) : validator.metric(text);
        cache[slot] = valid;
        return valid;
    }

    private static boolean same(String s, char[] chars, int offset, int length) {
        if (s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (s.charAt(i) != chars[offset + i]) {
                return false;
            }
        }
        return true;
    }
}
