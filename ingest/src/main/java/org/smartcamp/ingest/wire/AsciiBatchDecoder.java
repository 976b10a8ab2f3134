package org.smartcamp.ingest.wire;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The fastest path of {@link TelemetryDecoder}: a SmartCamp JSON batch as healthy gateways send it, read from the
 * payload's bytes by hand in one pass, straight into {@link Reading}s: no tokens, no field-name strings, no number
 * text. It takes a strict subset of JSON: printable-ASCII strings without escapes, the batch's and the readings'
 * known fields each at most once, numbers of at most {@value #MAX_NUMBER} characters. Anything else (an escape, a
 * non-ASCII byte, an unknown field, a fault, a number the exact fast conversion cannot take) makes it answer
 * {@code null}, and the next decoder ({@link StreamingBatchDecoder}, then the tree, which gives every rejection its
 * reason) decodes the message from the start: a message is decoded exactly as the tree decoder alone would decode
 * it ({@code DecodeOracle} checks it on every fuzz input).
 *
 * <p>Its caches hold immutable values only, so an instance may be shared by threads (a race costs a cache miss).
 */
final class AsciiBatchDecoder {
    private static final int MAX_NUMBER = 40;
    private static final int NAME_SLOTS = 512;
    private static final int TIME_SLOTS = 4;
    /** Powers of ten a double holds exactly: a mantissa below 2^53 times or over one of them is rounded once. */
    private static final double[] POWERS = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
        1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    private static final long EXACT_MANTISSA = 1L << 53;
    private static final byte[] SEQ = ascii("seq");
    private static final byte[] SENT = ascii("sent");
    private static final byte[] READINGS = ascii("readings");
    private static final byte[] ASSET = ascii("asset");
    private static final byte[] METRIC = ascii("metric");
    private static final byte[] TS = ascii("ts");
    private static final byte[] VALUE = ascii("value");
    private static final byte[] UNIT = ascii("unit");
    private static final byte[] QUALITY = ascii("quality");

    /** A time text, its bytes and what it means. */
    private record Time(byte[] bytes, Instant instant) {
    }

    /** A checked asset id or metric name and its bytes. */
    private record Name(byte[] bytes, String text) {
    }

    /** Why the input is not for this decoder: caught in {@link #decode}, never seen outside. */
    private static final class NotMine extends RuntimeException {
        private static final NotMine INSTANCE = new NotMine();

        private NotMine() {
            super(null, null, false, false);
        }
    }

    private final WireLimits limits;
    private final ReadingValidator validator;
    private final Name[] assets = new Name[NAME_SLOTS];
    private final Name[] metrics = new Name[NAME_SLOTS];
    private final Time[] times = new Time[TIME_SLOTS];
    private int nextTime;

    AsciiBatchDecoder(WireLimits limits, ReadingValidator validator) {
        this.limits = limits;
        this.validator = validator;
    }

    /** Decodes a batch in which everything is valid; null when the message is not such a batch (see the class). */
    DecodedMessage decode(TopicAddress address, byte[] payload, Instant now) {
        try {
            return new Cursor(payload).batch(address, now);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** One message being read. */
    private final class Cursor {
        private final byte[] b;
        private int i;
        /** Where the last string read starts and ends (exclusive), without its quotes, and its hash. */
        private int start;
        private int end;
        private int hash;
        /** The last number read: an integer, or a double when {@link #isFloat}. */
        private long integer;
        private double number;
        private boolean isFloat;

        Cursor(byte[] b) {
            this.b = b;
        }

        DecodedMessage batch(TopicAddress address, Instant now) {
            Instant earliest = now.minus(limits.maxAge());
            Instant latest = now.plus(limits.maxFutureSkew());
            expect('{');
            long seq = -1;
            Instant sent = null;
            List<Reading> readings = null;
            int seen = 0;
            boolean more = !peek('}');
            while (more) {
                int field = field(SEQ, SENT, READINGS);
                seen = once(seen, field);
                if (field == 1) {
                    if (!number() || isFloat || integer < 0) {
                        throw NotMine.INSTANCE;
                    }
                    seq = integer;
                } else if (field == 2) {
                    sent = time();
                } else {
                    readings = readings(earliest, latest);
                }
                more = next('}');
            }
            space();
            if (i != b.length || seq < 0 || sent == null || readings == null) {
                throw NotMine.INSTANCE;
            }
            return new DecodedMessage(address, PayloadFormat.SMARTCAMP_JSON, seq, validator.sentTime(sent, now),
                readings, List.of());
        }

        private List<Reading> readings(Instant earliest, Instant latest) {
            expect('[');
            List<Reading> out = new ArrayList<>();
            boolean more = !peek(']');
            while (more) {
                if (out.size() == limits.maxReadingsPerMessage()) {
                    throw NotMine.INSTANCE;
                }
                out.add(reading(earliest, latest));
                more = next(']');
            }
            return out;
        }

        private Reading reading(Instant earliest, Instant latest) {
            expect('{');
            String asset = null;
            String metric = null;
            Instant ts = null;
            double value = Double.NaN;
            String unit = null;
            Quality quality = Quality.GOOD;
            int seen = 0;
            boolean more = !peek('}');
            while (more) {
                int field = field(ASSET, METRIC, TS, VALUE, UNIT, QUALITY);
                seen = once(seen, field);
                switch (field) {
                    case 1 -> asset = name(assets, true);
                    case 2 -> metric = name(metrics, false);
                    case 3 -> ts = time();
                    case 4 -> value = value();
                    case 5 -> unit = validator.unit(optionalText());
                    default -> {
                        String text = optionalText();
                        quality = text == null ? Quality.GOOD : Quality.fromWire(text);
                    }
                }
                more = next('}');
            }
            if (asset == null || metric == null || ts == null || Double.isNaN(value) || ts.isBefore(earliest)
                || ts.isAfter(latest)) {
                throw NotMine.INSTANCE;
            }
            return new Reading(asset, metric, ts, validator.value(value), unit, quality);
        }

        /** The field's bit, refused when the object had it already. */
        private int once(int seen, int field) {
            int bit = 1 << field;
            if ((seen & bit) != 0) {
                throw NotMine.INSTANCE;
            }
            return seen | bit;
        }

        /**
         * A field name among {@code names} and its colon: its position in them from 1. The name is matched in
         * place (a name with an escape or any other name matches none of them).
         */
        private int field(byte[]... names) {
            expect('"');
            for (int k = 0; k < names.length; k++) {
                byte[] name = names[k];
                int after = i + name.length;
                if (after < b.length && b[after] == '"' && b[i] == name[0]
                    && Arrays.equals(b, i, after, name, 0, name.length)) {
                    i = after + 1;
                    expect(':');
                    return k + 1;
                }
            }
            throw NotMine.INSTANCE;
        }

        /** After a member: true after a comma (another follows), false at {@code close} (consumed). */
        private boolean next(char close) {
            if (i < b.length && b[i] != ',' && b[i] != close) {
                space();
            }
            if (i < b.length && b[i] == ',') {
                i++;
                return true;
            }
            expect(close);
            return false;
        }

        /** Whether the next token is {@code c}, consumed if so. */
        private boolean peek(char c) {
            if (i < b.length && b[i] == c) {
                i++;
                return true;
            }
            space();
            if (i < b.length && b[i] == c) {
                i++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!peek(c)) {
                throw NotMine.INSTANCE;
            }
        }

        private void space() {
            while (i < b.length && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) {
                i++;
            }
        }

        /** A string of printable ASCII without escapes: its bounds in {@link #start} and {@link #end}. */
        private void string() {
            expect('"');
            start = i;
            int h = 0;
            byte c;
            while (i < b.length && (c = b[i]) != '"') {
                if (c < 0x20 || c == '\\' || c == 0x7F) {
                    throw NotMine.INSTANCE;
                }
                h = 31 * h + c;
                i++;
            }
            hash = h;
            if (i == b.length) {
                throw NotMine.INSTANCE;
            }
            end = i++;
        }

        private boolean isString() {
            space();
            return i < b.length && b[i] == '"';
        }

        private String optionalText() {
            if (literal("null")) {
                return null;
            }
            string();
            return new String(b, start, end - start, StandardCharsets.US_ASCII);
        }

        private boolean literal(String word) {
            space();
            if (i + word.length() > b.length) {
                return false;
            }
            for (int k = 0; k < word.length(); k++) {
                if (b[i + k] != word.charAt(k)) {
                    return false;
                }
            }
            // a literal runs into the next token only at a delimiter ("nullx" is not JSON)
            int after = i + word.length();
            if (after < b.length && !isDelimiter(b[after])) {
                return false;
            }
            i = after;
            return true;
        }

        /** Whether the last string read is {@code bytes}. */
        private boolean same(byte[] bytes) {
            return Arrays.equals(b, start, end, bytes, 0, bytes.length);
        }

        private byte[] bytes() {
            return Arrays.copyOfRange(b, start, end);
        }

        /** The asset id or metric name, checked once per distinct text and the same String instance after. */
        private String name(Name[] cache, boolean asset) {
            string();
            int slot = (hash ^ hash >>> 16) & (NAME_SLOTS - 1);
            Name known = cache[slot];
            if (known != null && same(known.bytes())) {
                return known.text();
            }
            String text = new String(b, start, end - start, StandardCharsets.US_ASCII);
            String valid = asset ? validator.asset(text) : validator.metric(text);
            cache[slot] = new Name(bytes(), valid);
            return valid;
        }

        /** An RFC 3339 text, each distinct one parsed once, or epoch milliseconds. */
        private Instant time() {
            if (!isString()) {
                if (!number() || isFloat) {
                    throw NotMine.INSTANCE;
                }
                return Instant.ofEpochMilli(integer);
            }
            string();
            // readings of one tick follow each other: the time last read first
            Time last = times[(nextTime + TIME_SLOTS - 1) % TIME_SLOTS];
            if (last != null && same(last.bytes())) {
                return last.instant();
            }
            for (Time t : times) {
                if (t != null && same(t.bytes())) {
                    return t.instant();
                }
            }
            Instant instant = RfcTimes.parse(new String(b, start, end - start, StandardCharsets.US_ASCII));
            times[nextTime] = new Time(bytes(), instant);
            nextTime = (nextTime + 1) % TIME_SLOTS;
            return instant;
        }

        /** A number as the tree reads it, a boolean as 1 or 0 (see {@link StreamingBatchDecoder}). */
        private double value() {
            if (literal("true")) {
                return 1.0;
            }
            if (literal("false")) {
                return 0.0;
            }
            if (!number()) {
                throw NotMine.INSTANCE;
            }
            return isFloat ? number : (double) integer;
        }

        /**
         * A JSON number: an integer of at most 18 digits in {@link #integer}, or a number with a fraction or an
         * exponent in {@link #number} when a mantissa of at most 15 digits and a power of ten of at most 22 give it
         * with one rounding (as {@code Double.parseDouble} does); false when the next token is not a number.
         *
         * @throws NotMine for any other number (left to the parsers that read every number)
         */
        private boolean number() {
            space();
            int from = i;
            boolean negative = i < b.length && b[i] == '-';
            if (negative) {
                i++;
            }
            int digitsFrom = i;
            long mantissa = 0;
            int digits = 0;
            while (i < b.length && b[i] >= '0' && b[i] <= '9') {
                mantissa = mantissa * 10 + (b[i] - '0');
                digits++;
                i++;
            }
            if (digits == 0) {
                if (negative) {
                    throw NotMine.INSTANCE;
                }
                return false;
            }
            // JSON has no leading zeros
            if (b[digitsFrom] == '0' && digits > 1) {
                throw NotMine.INSTANCE;
            }
            int scale = 0;
            isFloat = false;
            if (i < b.length && b[i] == '.') {
                isFloat = true;
                i++;
                int fraction = 0;
                while (i < b.length && b[i] >= '0' && b[i] <= '9') {
                    mantissa = mantissa * 10 + (b[i] - '0');
                    digits++;
                    fraction++;
                    i++;
                }
                if (fraction == 0) {
                    throw NotMine.INSTANCE;
                }
                scale = -fraction;
            }
            if (i < b.length && (b[i] == 'e' || b[i] == 'E')) {
                isFloat = true;
                scale += exponent();
            }
            if (i - from > MAX_NUMBER || i < b.length && !isDelimiter(b[i])) {
                throw NotMine.INSTANCE;
            }
            if (!isFloat) {
                if (digits > 18) {
                    throw NotMine.INSTANCE;
                }
                integer = negative ? -mantissa : mantissa;
                return true;
            }
            if (digits > 15 || mantissa >= EXACT_MANTISSA || scale < -22 || scale > 22) {
                throw NotMine.INSTANCE;
            }
            double d = scale < 0 ? mantissa / POWERS[-scale] : mantissa * POWERS[scale];
            // as the tree: an exact decimal zero reads as 0 (no negative zero), a value too small for a normal
            // double is looked at more closely (the tree refuses underflow)
            if (d != 0 && d < Double.MIN_NORMAL) {
                throw NotMine.INSTANCE;
            }
            number = d == 0 ? 0.0 : negative ? -d : d;
            return true;
        }

        /** The exponent after 'e': a sign and at most three digits. */
        private int exponent() {
            i++;
            boolean negative = i < b.length && b[i] == '-';
            if (i < b.length && (b[i] == '-' || b[i] == '+')) {
                i++;
            }
            int e = 0;
            int digits = 0;
            while (i < b.length && b[i] >= '0' && b[i] <= '9') {
                e = e * 10 + (b[i] - '0');
                digits++;
                i++;
            }
            if (digits == 0 || digits > 3) {
                throw NotMine.INSTANCE;
            }
            return negative ? -e : e;
        }
    }

    /** What may follow a number or a literal directly. */
    private static boolean isDelimiter(byte c) {
        return c == ',' || c == '}' || c == ']' || c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }
}
