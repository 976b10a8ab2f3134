package org.smartcamp.ingest.store;

import java.util.List;

/**
 * What one transaction writes: the decoded messages of a batch and the dead letters collected with them.
 */
public record WriteBatch(List<ReceivedMessage> messages, List<DeadLetter> deadLetters) {

    public WriteBatch {
        messages = List.copyOf(messages);
        deadLetters = List.copyOf(deadLetters);
    }

    /** Number of readings in the batch's messages. */
    public int readingCount() {
        int n = 0;
        for (ReceivedMessage m : messages) {
            n += m.message().readings().size();
        }
        return n;
    }
}
