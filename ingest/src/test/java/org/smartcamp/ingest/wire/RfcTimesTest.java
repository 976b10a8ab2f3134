package org.smartcamp.ingest.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-read RFC 3339 shape accepts and refuses exactly what {@code ISO_OFFSET_DATE_TIME} does. */
class RfcTimesTest {
    private static final String[] SEEDS = {"2026-11-22T10:15:00Z", "2026-11-22T10:15:00.123Z",
        "2026-11-22T10:15:00.123456789+05:30", "2024-02-29T23:59:59-18:00", "0000-01-01T00:00:00+18:00",
        "9999-12-31T23:59:59.9Z", "2026-11-22T10:15:00-00:00"};
    /** Characters a mutation puts in: digits, the separators, and what the formatter treats specially. */
    private static final String ALPHABET = "0123456789-:.TZtz+ 9912";

    @Test
    void readsTheUsualShapes() {
        assertThat(RfcTimes.parse("2026-11-22T10:15:00Z")).isEqualTo(Instant.parse("2026-11-22T10:15:00Z"));
        assertThat(RfcTimes.parse("2026-11-22T10:15:00.5+01:00")).isEqualTo(Instant.parse("2026-11-22T09:15:00.5Z"));
        assertThatThrownBy(() -> RfcTimes.parse("2026-02-30T10:15:00Z")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> RfcTimes.parse("2026-11-22T24:00:00Z")).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void agreesWithTheFormatterOnAFuzzedCorpus() {
        Random random = new Random(19);
        for (int i = 0; i < 300_000; i++) {
            StringBuilder s = new StringBuilder(SEEDS[random.nextInt(SEEDS.length)]);
            int edits = random.nextInt(4);
            for (int e = 0; e < edits && s.length() > 0; e++) {
                int at = random.nextInt(s.length());
                char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
                switch (random.nextInt(3)) {
                    case 0 -> s.setCharAt(at, c);
                    case 1 -> s.insert(at, c);
                    default -> s.deleteCharAt(at);
                }
            }
            String text = s.toString();
            assertThat(outcome(() -> RfcTimes.parse(text))).as(text).isEqualTo(outcome(
                () -> OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant()));
        }
    }

    private static String outcome(java.util.function.Supplier<Instant> parse) {
        try {
            return parse.get().toString();
        } catch (DateTimeException e) {
            return "refused";
        }
    }
}
