package org.smartcamp.ingest.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StorableTextTest {

    @Test
    void nulIsWrittenAsAnEscapeAndUnpairedSurrogatesAsTheReplacementCharacter() {
        assertThat(StorableText.of("juba1-\u0000", 100)).isEqualTo("juba1-\\u0000");
        assertThat(StorableText.of("a\uD800b\uDC00c", 100)).isEqualTo("a\uFFFDb\uFFFDc");
        assertThat(StorableText.of("ok \uD83D\uDE00 é", 100)).isEqualTo("ok \uD83D\uDE00 é");
    }

    @Test
    void longTextIsCutToTheLimitWithAnEllipsisAndNeverSplitsASurrogatePair() {
        String cut = StorableText.of("x".repeat(5000), 2000);

        assertThat(cut).hasSize(2000).endsWith("\u2026");
        assertThat(StorableText.of("x".repeat(2000), 2000)).isEqualTo("x".repeat(2000));
        String pairs = StorableText.of("\uD83D\uDE00".repeat(10), 6);
        assertThat(pairs).isEqualTo("\uD83D\uDE00\uD83D\uDE00\u2026");
        assertThat(new String(pairs.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(pairs);
    }

    @Test
    void asciiEscapesEverythingOutsidePrintableAscii() {
        assertThat(StorableText.ascii("x-\u2620\u0000\n\uD800", 100)).isEqualTo("x-\\u2620\\u0000\\u000a\\ufffd");
        assertThat(StorableText.ascii("\u2620".repeat(100), 20)).hasSize(20).endsWith("~");
    }

    @Test
    void aDeadLetterIsAlwaysStorableText() {
        DeadLetter d = new DeadLetter(java.time.Instant.EPOCH, "t/\u0000".repeat(1000), new byte[] {0},
            org.smartcamp.ingest.wire.RejectReason.INVALID_TOPIC, "\uDC00".repeat(9000));

        assertThat(d.topic()).hasSize(DeadLetter.MAX_TOPIC).doesNotContain("\u0000");
        assertThat(d.detail()).hasSize(DeadLetter.MAX_DETAIL).startsWith("\uFFFD");
        assertThat(d.payload()).containsExactly(0);
    }
}
