package org.smartcamp.ingest.store;

import org.smartcamp.platform.DataSources;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartcamp.ingest.wire.RejectReason;

/**
 * Commits a batch so that no message can block the others. The batch is committed whole; when that fails with a
 * {@linkplain FailureClass#DETERMINISTIC deterministic} error, it is split in halves and each half committed on
 * its own, recursively, down to the single message or dead letter that the database refuses. That one is
 * dead-lettered ({@code database_refused}, raw payload, the database's reason in ASCII) and everything else is
 * stored. A {@linkplain FailureClass#TRANSIENT transient} error at any step is thrown: the caller retries the
 * whole batch later, and what was committed before is then skipped as duplicates (readings by their identity,
 * dead letters by their digest), so nothing is stored twice and the batch may be acknowledged only when this
 * returns.
 *
 * <p>Bound: a batch of {@code n} units (messages and dead letters) of which {@code k} are refused takes at most
 * {@code min(2n - 1, 1 + 2k * ceil(log2 n)) + k} transactions: each refused unit costs at most two commits per
 * level of the bisection tree plus its dead letter. With no refused unit it is one transaction, as before.
 */
final class PoisonIsolation {
    private static final Logger LOG = LoggerFactory.getLogger(PoisonIsolation.class);

    /** One transaction of the writer. */
    interface Committer {
        /** Commits the batch whole or nothing; throws what the database or the code threw. */
        WriteResult commit(WriteBatch batch);
    }

    /** A message or a dead letter of the batch: what the bisection splits. */
    private record Unit(ReceivedMessage message, DeadLetter deadLetter) {
    }

    private final Committer committer;

    PoisonIsolation(Committer committer) {
        this.committer = committer;
    }

    /**
     * Commits every unit of the batch: stored, or dead-lettered when the database refuses it.
     *
     * @return the sums over every transaction; units refused by the database count as {@code database_refused}
     * @throws RuntimeException a transient failure (retry the batch later), or a deterministic one that even the
     *                          ASCII dead letter of a refused unit could not get past
     */
    WriteResult write(WriteBatch batch) {
        return write(batch, null);
    }

    /**
     * As {@link #write(WriteBatch)}, when the whole batch was already tried once and refused with {@code refused}
     * (a deterministic failure), or not yet tried ({@code null}): the bisection starts from its halves.
     */
    WriteResult write(WriteBatch batch, RuntimeException refused) {
        Deque<List<Unit>> work = new ArrayDeque<>();
        Totals totals = new Totals();
        if (refused == null) {
            work.push(units(batch));
        } else {
            totals.transactions++;
            split(units(batch), refused, work, totals);
        }
        while (!work.isEmpty()) {
            List<Unit> part = work.pop();
            RuntimeException failure = attempt(part, totals);
            if (failure != null) {
                split(part, failure, work, totals);
            }
        }
        return totals.result();
    }

    /** A refused part: its halves go back on the stack, or a single unit is isolated. */
    private void split(List<Unit> part, RuntimeException refused, Deque<List<Unit>> work, Totals totals) {
        if (part.size() == 1) {
            isolate(part.get(0), refused, totals);
        } else {
            int half = part.size() / 2;
            work.push(part.subList(half, part.size()));
            work.push(part.subList(0, half));
        }
    }

    /** Commits the part; returns the deterministic failure, or null when committed. Transient failures throw. */
    private RuntimeException attempt(List<Unit> part, Totals totals) {
        totals.transactions++;
        try {
            totals.add(committer.commit(batch(part)));
            return null;
        } catch (RuntimeException e) {
            if (FailureClass.of(e) == FailureClass.TRANSIENT) {
                throw e;
            }
            return e;
        }
    }

    private void isolate(Unit unit, RuntimeException refused, Totals totals) {
        String reason = "the database refused it: " + DataSources.rootMessage(refused);
        DeadLetter letter = unit.message() != null
            ? new DeadLetter(unit.message().receivedAt(), unit.message().topic(), unit.message().payload(),
                RejectReason.DATABASE_REFUSED, reason).asciiOnly()
            : unit.deadLetter().asciiOnly();
        LOG.warn("Isolated a {} on {} that the database refused ({}); dead-lettered, the rest of its batch is stored",
            unit.message() != null ? "message" : "dead letter", letter.topic(), reason);
        if (attempt(List.of(new Unit(null, letter)), totals) != null) {
            throw new StoreException("cannot store even the dead letter of a message the database refused: "
                + reason, refused);
        }
        if (unit.message() != null) {
            totals.refused.merge(RejectReason.DATABASE_REFUSED, 1, Integer::sum);
        }
    }

    private static List<Unit> units(WriteBatch batch) {
        List<Unit> units = new ArrayList<>(batch.messages().size() + batch.deadLetters().size());
        batch.messages().forEach(m -> units.add(new Unit(m, null)));
        batch.deadLetters().forEach(d -> units.add(new Unit(null, d)));
        return units;
    }

    private static WriteBatch batch(List<Unit> units) {
        List<ReceivedMessage> messages = new ArrayList<>();
        List<DeadLetter> deadLetters = new ArrayList<>();
        for (Unit u : units) {
            if (u.message() != null) {
                messages.add(u.message());
            } else {
                deadLetters.add(u.deadLetter());
            }
        }
        return new WriteBatch(messages, deadLetters);
    }

    /** What the transactions of one batch did together. */
    private static final class Totals {
        private final Map<RejectReason, Integer> refused = new EnumMap<>(RejectReason.class);
        private int stored;
        private int duplicates;
        private int deadLettered;
        private int transactions;

        void add(WriteResult r) {
            stored += r.stored();
            duplicates += r.duplicates();
            deadLettered += r.deadLettered();
            r.refused().forEach((reason, n) -> refused.merge(reason, n, Integer::sum));
        }

        WriteResult result() {
            if (transactions > 1) {
                LOG.info("Batch committed in {} transactions after isolating what the database refused",
                    transactions);
            }
            return new WriteResult(stored, duplicates, deadLettered, refused);
        }
    }
}
