package org.smartcamp.ingest.wire;

import java.util.Locale;

/** Quality a gateway attaches to a reading; stored as a small code. Absent on the wire means {@link #GOOD}. */
public enum Quality {
    GOOD(0), UNCERTAIN(1), BAD(2);

    private final short code;

    Quality(int code) {
        this.code = (short) code;
    }

    /** The code stored in the {@code readings.quality} column. */
    public short code() {
        return code;
    }

    /** The lower-case name used on the wire and in exports. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses the wire name ({@code good}, {@code uncertain}, {@code bad}).
     *
     * @throws IllegalArgumentException for any other text
     */
    public static Quality fromWire(String text) {
        for (Quality q : values()) {
            if (q.wireName().equals(text)) {
                return q;
            }
        }
        throw new IllegalArgumentException("quality must be good, uncertain or bad, not '" + text + "'");
    }

    /** The quality stored under {@code code}. */
    public static Quality fromCode(int code) {
        for (Quality q : values()) {
            if (q.code == code) {
                return q;
            }
        }
        throw new IllegalArgumentException("unknown quality code " + code);
    }
}
