package org.smartcamp.ingest.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smartcamp.ingest.wire.Reading;
import org.smartcamp.ingest.wire.RejectReason;
import org.smartcamp.ingest.wire.TopicAddress;

/** The bisection's bound and its treatment of failure classes, against a committer that refuses marked messages. */
class PoisonIsolationTest {
    private static final TopicAddress GW = new TopicAddress("m1", "c-a", "gw-1");
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    /** Refuses (SQLSTATE 22P02) every transaction holding a message whose seq is marked; counts transactions. */
    private static final class RefusingCommitter implements PoisonIsolation.Committer {
        final Set<Long> poison;
        final List<Long> committed = new ArrayList<>();
        final List<DeadLetter> deadLetters = new ArrayList<>();
        int transactions;

        RefusingCommitter(Set<Long> poison) {
            this.poison = poison;
        }

        @Override
        public WriteResult commit(WriteBatch batch) {
            transactions++;
            for (ReceivedMessage m : batch.messages()) {
                if (poison.contains(m.message().seq())) {
                    throw new StoreException("refused", new SQLException("invalid input", "22P02"));
                }
            }
            batch.messages().forEach(m -> committed.add(m.message().seq()));
            deadLetters.addAll(batch.deadLetters());
            return new WriteResult(batch.readingCount(), 0, batch.deadLetters().size());
        }
    }

    @ParameterizedTest
    @CsvSource({"1, 0", "64, 0", "64, 1", "64, 2", "200, 3", "200, 200", "7, 7", "1, 1"})
    void everyGoodMessageIsCommittedEveryRefusedOneDeadLetteredWithinTheBound(int n, int k) {
        Set<Long> poison = new HashSet<>();
        for (long i = 0; poison.size() < k; i += Math.max(1, n / Math.max(k, 1))) {
            poison.add(i % n);
        }
        RefusingCommitter committer = new RefusingCommitter(poison);

        WriteResult result = new PoisonIsolation(committer).write(batch(n));

        assertThat(committer.committed).hasSize(n - k).noneMatch(poison::contains);
        assertThat(committer.deadLetters).hasSize(k)
            .allMatch(d -> d.reason() == RejectReason.DATABASE_REFUSED && d.detail().contains("invalid input"));
        assertThat(result.stored()).isEqualTo(n - k);
        assertThat(result.refused().getOrDefault(RejectReason.DATABASE_REFUSED, 0)).isEqualTo(k);
        int depth = 32 - Integer.numberOfLeadingZeros(n - 1);
        assertThat(committer.transactions).as("transactions for n=%d, k=%d", n, k)
            .isLessThanOrEqualTo(Math.min(2 * n - 1, 1 + 2 * k * depth) + k);
    }

    @ParameterizedTest
    @CsvSource({"08006", "40001", "40P01", "57P01", "57P03", "53300", "55P03", "42P01", "XX000"})
    void aFailureThatIsNotADataErrorIsThrownForRetryWithoutBisecting(String sqlState) {
        int[] transactions = {0};
        PoisonIsolation isolation = new PoisonIsolation(b -> {
            transactions[0]++;
            throw new StoreException("down", new SQLException("injected", sqlState));
        });

        assertThatExceptionOfType(StoreException.class).isThrownBy(() -> isolation.write(batch(16)));
        assertThat(transactions[0]).isEqualTo(1);
    }

    private static WriteBatch batch(int n) {
        List<ReceivedMessage> messages = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            messages.add(WriterFixture.message(GW, i, T0, List.of(Reading.of("gen-" + i, "power.active", T0, i))));
        }
        return new WriteBatch(messages, List.of());
    }
}
