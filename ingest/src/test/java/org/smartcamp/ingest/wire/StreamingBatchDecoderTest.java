package org.smartcamp.ingest.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The streaming fast path decodes every batch exactly as the tree decoder does: generated batches with every kind
 * of value literal, time form and field order (valid and not) decode to equal messages, or are refused alike.
 */
class StreamingBatchDecoderTest {
    private static final List<String> VALUE_LITERALS = List.of("0", "-0", "0.0", "-0.0", "0e7", "0.000e-400",
        "1e-400", "-1e-400", "4.9e-324", "2.2250738585072014E-308", "2.2250738585072011E-308", "1e308", "1e309",
        "123", "-9223372036854775808", "9223372036854775807", "9223372036854775808", "1.5", "0.1", "1e22", "1e23",
        "123456789012345678901234567890.5", "3.141592653589793238462643383279", "true", "false", "null", "\"5\"",
        "NaN", "Infinity", "-Infinity", "[]", "{}", "1E+2", "12.50", "1e-7", "9007199254740993", "0.30000000000000004");
    private static final List<String> TIME_LITERALS = List.of("\"2026-11-22T09:15:00Z\"",
        "\"2026-11-22T09:15:00.123456789Z\"", "\"2026-11-22T10:15:00+01:00\"", "\"2026-11-22t09:15:00z\"",
        "\"2026-11-22T09:15Z\"", "\"2026-11-22 09:15:00Z\"", "\"2026-11-22T09:15:00\"", "\"2026-02-30T09:15:00Z\"",
        "1795338900000", "1795338900000.0", "-1", "\"\"", "null", "\"2020-01-01T00:00:00Z\"");

    @Test
    void decodesGeneratedBatchesAsTheTreeDecoderDoes() {
        Random random = new Random(19);
        int fast = 0;
        for (int i = 0; i < 20_000; i++) {
            String json = batch(random, i % 3 == 0);
            byte[] payload = json.getBytes(StandardCharsets.UTF_8);
            DecodedMessage tree;
            try {
                tree = WireFixtures.DECODER.decode(WireFixtures.TOPIC, payload, false);
            } catch (WireFormatException e) {
                assertThat(catching(payload)).as(json).isNotNull()
                    .satisfies(f -> assertThat(f.getMessage()).isEqualTo(e.getMessage()));
                continue;
            }
            DecodedMessage streamed = WireFixtures.DECODER.decode(WireFixtures.TOPIC, payload);
            assertThat(streamed).as(json).isEqualTo(tree);
            if (tree.rejected().isEmpty()) {
                fast++;
            }
        }
        assertThat(fast).as("batches without a fault, the fast path's case").isGreaterThan(2_000);
    }

    @Test
    void sharesTheTextOfRepeatedIdsAndTimes() {
        String json = "{\"seq\":1,\"sent\":\"2026-11-22T10:00:00Z\",\"readings\":["
            + "{\"asset\":\"gen-1\",\"metric\":\"power.active\",\"ts\":\"2026-11-22T09:00:00Z\",\"value\":1},"
            + "{\"asset\":\"gen-1\",\"metric\":\"power.active\",\"ts\":\"2026-11-22T09:00:00Z\",\"value\":2}]}";
        DecodedMessage m = WireFixtures.DECODER.decode(WireFixtures.TOPIC, json.getBytes(StandardCharsets.UTF_8));

        assertThat(m.readings()).hasSize(2);
        assertThat(m.readings().get(1).asset()).isSameAs(m.readings().get(0).asset());
        assertThat(m.readings().get(1).ts()).isSameAs(m.readings().get(0).ts())
            .isEqualTo(Instant.parse("2026-11-22T09:00:00Z"));
    }

    private static WireFormatException catching(byte[] payload) {
        try {
            WireFixtures.DECODER.decode(WireFixtures.TOPIC, payload);
            return null;
        } catch (WireFormatException e) {
            return e;
        }
    }

    /** A batch of a few readings; {@code clean} ones use only valid literals, the others anything. */
    private static String batch(Random random, boolean clean) {
        StringBuilder sb = new StringBuilder("{");
        List<String> top = new java.util.ArrayList<>(List.of("\"seq\":" + (clean || random.nextInt(8) > 0
            ? Integer.toString(random.nextInt(1000)) : pick(random, VALUE_LITERALS)), "\"sent\":" + time(random, clean),
            "\"readings\":" + readings(random, clean)));
        if (random.nextInt(4) == 0) {
            // some payloads not plain ASCII: the fast path then reads the decoded text, not the bytes
            top.add("\"extra\":{\"nested\":[1,{\"a\":null}],\"t\":\"" + (random.nextBoolean() ? "\u00e9" : "e")
                + "\"}");
        }
        if (!clean && random.nextInt(20) == 0) {
            top.add(top.get(0));
        }
        java.util.Collections.shuffle(top, random);
        sb.append(String.join(",", top)).append('}');
        if (!clean && random.nextInt(30) == 0) {
            sb.append(random.nextBoolean() ? " {}" : " ");
        }
        return sb.toString();
    }

    private static String readings(Random random, boolean clean) {
        int n = random.nextInt(6);
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(',');
            }
            List<String> fields = new java.util.ArrayList<>();
            fields.add("\"asset\":" + (clean || random.nextInt(10) > 0 ? pick(random, List.of("\"gen-1\"",
                "\"g\\u0065n-2\"", "\"tank.a_1\"")) : pick(random, List.of("\"Gen\"", "5", "null", "\"\"", "{}"))));
            fields.add("\"metric\":" + (clean || random.nextInt(10) > 0 ? pick(random, List.of("\"power.active\"",
                "\"fuel.volume\"", "\"power.active\"")) : pick(random, List.of("\"a..b\"", "1", "null"))));
            fields.add("\"ts\":" + time(random, clean));
            String value = pick(random, VALUE_LITERALS);
            fields.add("\"value\":" + (clean && (value.startsWith("\"") || value.equals("null") || value.equals("[]")
                || value.equals("{}")) ? "1" : value));
            if (random.nextInt(3) == 0) {
                fields.add("\"unit\":" + (clean ? pick(random, List.of("\"kW\"", "null", "\"W\"")) : pick(random,
                    List.of("\"kW\"", "\"k W\"", "7", "null", "\"bogus\""))));
            }
            if (random.nextInt(3) == 0) {
                fields.add("\"quality\":" + (clean ? pick(random, List.of("\"good\"", "\"bad\"", "null",
                    "\"uncertain\"")) : pick(random, List.of("\"GOOD\"", "1", "null", "\"bad\""))));
            }
            if (random.nextInt(5) == 0) {
                fields.add("\"note\":[{\"x\":1}]");
            }
            if (!clean && random.nextInt(25) == 0) {
                fields.add(fields.get(0));
            }
            java.util.Collections.shuffle(fields, random);
            sb.append('{').append(String.join(",", fields)).append('}');
        }
        if (!clean && random.nextInt(25) == 0) {
            sb.append(n > 0 ? ",3" : "3");
        }
        return sb.append(']').toString();
    }

    private static String time(Random random, boolean clean) {
        if (clean) {
            return random.nextBoolean() ? "\"" + WireFixtures.NOW.minusSeconds(random.nextInt(3) * 60)
                .atOffset(ZoneOffset.ofHours(random.nextInt(3))) + "\"" : Long.toString(WireFixtures.NOW.toEpochMilli()
                - random.nextInt(100_000));
        }
        return pick(random, TIME_LITERALS);
    }

    private static String pick(Random random, List<String> options) {
        return options.get(random.nextInt(options.size()));
    }
}
