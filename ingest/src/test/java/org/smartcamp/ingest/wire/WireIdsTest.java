package org.smartcamp.ingest.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written id checks accept exactly what the contract's regular expressions match. */
class WireIdsTest {
    /** Characters around every class boundary of the three patterns, and some that no pattern allows. */
    private static final String ALPHABET = "aAzZbyY09_.-%/^ \t\n\u00e9\u0131\u212a:@`{[~+*$";

    @Test
    void agreeWithTheRegularExpressionsOnAFuzzedCorpus() {
        for (String s : corpus()) {
            assertThat(WireIds.isId(s)).as("id '%s'", s).isEqualTo(matches(TopicAddress.ID, s));
            assertThat(WireIds.isMetric(s)).as("metric '%s'", s).isEqualTo(matches(ReadingValidator.METRIC, s));
            assertThat(WireIds.isUnit(s)).as("unit '%s'", s).isEqualTo(matches(ReadingValidator.UNIT, s));
        }
    }

    @Test
    void acceptAndRefuseTheDocumentedExamples() {
        assertThat(WireIds.isId("juba1-gen-1")).isTrue();
        assertThat(WireIds.isId("-gen")).isFalse();
        assertThat(WireIds.isId("a".repeat(64))).isTrue();
        assertThat(WireIds.isId("a".repeat(65))).isFalse();
        assertThat(WireIds.isMetric("fuel.volume")).isTrue();
        assertThat(WireIds.isMetric("fuel..volume")).isFalse();
        assertThat(WireIds.isMetric("fuel.")).isFalse();
        assertThat(WireIds.isMetric("Fuel.volume")).isFalse();
        assertThat(WireIds.isMetric("f".repeat(64))).isTrue();
        assertThat(WireIds.isMetric("f".repeat(65))).isFalse();
        assertThat(WireIds.isUnit("")).isTrue();
        assertThat(WireIds.isUnit("L/h")).isTrue();
        assertThat(WireIds.isUnit("deg C")).isFalse();
        assertThat(WireIds.isUnit("x".repeat(17))).isFalse();
    }

    private static boolean matches(Pattern p, String s) {
        return p.matcher(s).matches();
    }

    /** Random strings of every length around the limits, and mutations of valid ids. */
    private static List<String> corpus() {
        Random random = new Random(19);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            int length = switch (i % 4) {
                case 0 -> random.nextInt(5);
                case 1 -> random.nextInt(20);
                case 2 -> 60 + random.nextInt(8);
                default -> 14 + random.nextInt(5);
            };
            StringBuilder sb = new StringBuilder();
            // mostly characters that ids are made of, so that many strings are valid and the boundaries are hit
            String chars = random.nextInt(3) == 0 ? ALPHABET : "abz09_.-";
            for (int k = 0; k < length; k++) {
                sb.append(chars.charAt(random.nextInt(chars.length())));
            }
            out.add(sb.toString());
        }
        for (String valid : List.of("juba1-gen-1", "power.active", "engine.coolant_temp", "kW", "L/h", "m^3", "%")) {
            for (int k = 0; k <= valid.length(); k++) {
                for (char c : ALPHABET.toCharArray()) {
                    out.add(valid.substring(0, k) + c + valid.substring(k));
                    if (k < valid.length()) {
                        out.add(valid.substring(0, k) + c + valid.substring(k + 1));
                    }
                }
            }
        }
        return out;
    }
}
