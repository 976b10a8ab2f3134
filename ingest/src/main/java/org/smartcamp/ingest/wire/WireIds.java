package org.smartcamp.ingest.wire;

/**
 * The id rules of wire contract v1 as hand-written character checks, for the ingest's hot path: each method accepts
 * exactly what its regular expression ({@link TopicAddress#ID}, {@link ReadingValidator#METRIC},
 * {@link ReadingValidator#UNIT}), the contract's documented form, matches, without a matcher per call
 * ({@code WireIdsTest} compares them over a fuzzed corpus).
 */
public final class WireIds {
    private static final int MAX_ID = 64;
    private static final int MAX_UNIT = 16;

    private WireIds() {
    }

    /** {@code [a-z0-9][a-z0-9._-]{0,63}}: mission, camp, gateway and asset ids. */
    public static boolean isId(CharSequence s) {
        int n = s.length();
        if (n == 0 || n > MAX_ID || !lowerOrDigit(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < n; i++) {
            char c = s.charAt(i);
            if (!lowerOrDigit(c) && c != '.' && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** {@code (?=.{1,64}$)[a-z][a-z0-9_]*(\.[a-z0-9_]+)*}: dot-separated lower-case metric names. */
    public static boolean isMetric(CharSequence s) {
        int n = s.length();
        if (n == 0 || n > MAX_ID || s.charAt(0) < 'a' || s.charAt(0) > 'z') {
            return false;
        }
        boolean afterDot = false;
        for (int i = 1; i < n; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                if (afterDot) {
                    return false;
                }
                afterDot = true;
            } else if (lowerOrDigit(c) || c == '_') {
                afterDot = false;
            } else {
                return false;
            }
        }
        return !afterDot;
    }

    /** {@code [A-Za-z0-9%/._^-]{0,16}}: unit tokens. */
    public static boolean isUnit(CharSequence s) {
        int n = s.length();
        if (n > MAX_UNIT) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (!lowerOrDigit(c) && (c < 'A' || c > 'Z') && c != '%' && c != '/' && c != '.' && c != '_' && c != '^'
                && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean lowerOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }
}
