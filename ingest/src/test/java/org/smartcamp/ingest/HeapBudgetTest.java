package org.smartcamp.ingest;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HeapBudgetTest {
    private static final long MIB = 1 << 20;

    @Test
    void theDefaultsFitTheShippedHalfGigabyteHeapEvenWithSerialGcsSmallerMaximum() {
        assertThatCode(() -> HeapBudget.check(1_000, 256 * 1024, 495 * MIB)).doesNotThrowAnyException();
    }

    @Test
    void twoMegabyteMessagesWithTheDefaultReceiveMaximumAreRefusedNamingWhatToChange() {
        assertThatThrownBy(() -> HeapBudget.check(1_000, 2 * 1024 * 1024, 256 * MIB))
            .isInstanceOf(HeapBudget.InsufficientHeapException.class)
            .hasMessageContaining("mqtt.receiveMaximum (1000)")
            .hasMessageContaining("wire.maxPayloadBytes (2097152)")
            .hasMessageContaining("2000 MiB of messages in flight")
            .hasMessageContaining("this JVM has 256 MiB")
            .hasMessageContaining("-Xmx");
    }
}
