package org.smartcamp.ingest.store;

/**
 * Text that PostgreSQL always accepts in a {@code text} column: no NUL (refused in any encoding), no unpaired
 * surrogate (not UTF-8), bounded length. What a sender controls (topics, ids in a detail) goes through here
 * before it reaches a dead letter, so that storing the dead letter cannot fail and block its batch.
 */
final class StorableText {
    /** Marks text that was cut. */
    static final char ELLIPSIS = '\u2026';

    private StorableText() {
    }

    /**
     * The text with NUL written as the six characters backslash-u0000, unpaired surrogates replaced by U+FFFD, cut
     * to at most {@code maxChars} characters (a cut text ends with {@link #ELLIPSIS}).
     */
    static String of(String text, int maxChars) {
        return clean(text, maxChars, false);
    }

    /**
     * Like {@link #of} but 7-bit ASCII only, every other character written as a backslash-u escape:
     * stored whatever the database's encoding (a LATIN1 or SQL_ASCII database refuses some Unicode).
     */
    static String ascii(String text, int maxChars) {
        return clean(text, maxChars, true);
    }

    private static String clean(String text, int maxChars, boolean asciiOnly) {
        StringBuilder sb = new StringBuilder(Math.min(text.length(), maxChars) + 8);
        int i = 0;
        for (; i < text.length() && sb.length() <= maxChars; i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                append(sb, c, asciiOnly);
                append(sb, text.charAt(++i), asciiOnly);
            } else if (Character.isSurrogate(c)) {
                append(sb, '\uFFFD', asciiOnly);
            } else if (c == 0) {
                escape(sb, c);
            } else {
                append(sb, c, asciiOnly);
            }
        }
        if (sb.length() > maxChars || i < text.length()) {
            sb.setLength(maxChars - 1);
            if (Character.isHighSurrogate(sb.charAt(sb.length() - 1))) {
                sb.setLength(sb.length() - 1);
            }
            sb.append(asciiOnly ? '~' : ELLIPSIS);
        }
        return sb.toString();
    }

    private static void append(StringBuilder sb, char c, boolean asciiOnly) {
        if (asciiOnly && (c < 0x20 || c > 0x7E)) {
            escape(sb, c);
        } else {
            sb.append(c);
        }
    }

    private static void escape(StringBuilder sb, char c) {
        sb.append(String.format("\\u%04x", (int) c));
    }
}
