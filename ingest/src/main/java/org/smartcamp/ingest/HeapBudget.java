package org.smartcamp.ingest;

/**
 * The ingest's bound on what gateways can make it hold: at most {@code receiveMaximum} unacknowledged messages of at
 * most {@code maxPayloadBytes} each. That product must fit in {@link #SHARE_PERCENT} % of the heap, checked before
 * the ingest connects, so that a configuration that could run out of memory under a flood of large messages (or a
 * database outage that holds them) is refused at start, not discovered by an {@link OutOfMemoryError}. The rest of
 * the heap is for the decoded readings (larger per byte than their JSON, but realistic payloads stay far below the
 * limit), the batch being written and the process itself.
 */
public final class HeapBudget {
    /** Share of the maximum heap that messages in flight may take. */
    public static final int SHARE_PERCENT = 60;

    private HeapBudget() {
    }

    /** The most payload bytes the ingest holds at once. */
    public static long bytesInFlight(int receiveMaximum, int maxPayloadBytes) {
        return (long) receiveMaximum * maxPayloadBytes;
    }

    /**
     * Checks that messages in flight fit in the heap.
     *
     * @param maxHeap the JVM's maximum heap ({@link Runtime#maxMemory()})
     * @throws InsufficientHeapException naming the settings and the heap they need, when they do not fit
     */
    public static void check(int receiveMaximum, int maxPayloadBytes, long maxHeap) {
        long inFlight = bytesInFlight(receiveMaximum, maxPayloadBytes);
        if (inFlight > maxHeap / 100 * SHARE_PERCENT) {
            long needed = inFlight / SHARE_PERCENT * 100;
            throw new InsufficientHeapException("mqtt.receiveMaximum (" + receiveMaximum + ") x wire.maxPayloadBytes ("
                + maxPayloadBytes + ") = " + mib(inFlight) + " MiB of messages in flight needs a heap of at least "
                + mib(needed) + " MiB (-Xmx), and this JVM has " + mib(maxHeap) + " MiB: raise -Xmx or lower"
                + " mqtt.receiveMaximum or wire.maxPayloadBytes");
        }
    }

    private static long mib(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }

    /** The configured limits cannot be held in this JVM's heap. */
    public static final class InsufficientHeapException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InsufficientHeapException(String message) {
            super(message);
        }
    }
}
