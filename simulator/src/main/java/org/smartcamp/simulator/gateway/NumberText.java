package org.smartcamp.simulator.gateway;

import java.math.BigDecimal;

/** Numbers as files show them: plain decimals without exponent or trailing zeros ({@code 12.5}, {@code 0}). */
final class NumberText {
    private NumberText() {
    }

    static String plain(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
