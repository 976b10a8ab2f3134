package org.smartcamp.ingest.wire.sparkplug;

import java.nio.ByteBuffer;
import java.util.LinkedHashSet;
import java.util.Iterator;

/**
 * The digests of the last {@code capacity} messages taken, oldest first: a message whose digest is here is a
 * redelivery (QoS 1 after a reconnect or a restart) of one already taken, not new data. Bounded: the oldest digest
 * goes when a new one comes in. Not thread-safe.
 */
final class SeenMessages {
    private final int capacity;
    private final LinkedHashSet<ByteBuffer> digests = new LinkedHashSet<>();

    SeenMessages(int capacity) {
        this.capacity = capacity;
    }

    boolean contains(byte[] digest) {
        return digests.contains(ByteBuffer.wrap(digest));
    }

    void add(byte[] digest) {
        if (digests.add(ByteBuffer.wrap(digest.clone())) && digests.size() > capacity) {
            Iterator<ByteBuffer> oldest = digests.iterator();
            oldest.next();
            oldest.remove();
        }
    }

    int size() {
        return digests.size();
    }
}
