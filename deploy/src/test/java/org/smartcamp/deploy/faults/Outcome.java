package org.smartcamp.deploy.faults;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the database holds at the end of a case, compared with what was published.
 *
 * @param published   distinct readings published
 * @param stored      rows in {@code readings}
 * @param missing     published readings that are not stored (lost)
 * @param unexpected  stored readings that were never published
 * @param doubled     (asset, metric, ts) stored more than once
 * @param wrongValue  stored readings whose value is not the one published first
 * @param deadLetters rows in {@code dead_letters}
 */
record Outcome(long published, long stored, long missing, long unexpected, long doubled, long wrongValue,
               long deadLetters) {

    /** Fails unless every published reading is stored exactly once with its value, and nothing was refused. */
    void assertExactlyOnce() {
        assertExactlyOnce(0);
    }

    /** The same, with exactly {@code expectedDeadLetters} refused inputs (a hostile stream). */
    void assertExactlyOnce(long expectedDeadLetters) {
        assertThat(this).as("stored vs published").extracting(Outcome::stored).isEqualTo(published);
        assertThat(missing).as("published readings missing from the store (lost)").isZero();
        assertThat(unexpected).as("stored readings never published").isZero();
        assertThat(doubled).as("readings stored twice").isZero();
        assertThat(wrongValue).as("readings stored with another value").isZero();
        assertThat(deadLetters).as("dead letters").isEqualTo(expectedDeadLetters);
    }
}
