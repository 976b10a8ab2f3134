package org.smartcamp.deploy.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.smartcamp.deploy.bench.IngestChild;

/**
 * Samples a case while it runs: readings published, readings stored, and each live ingest's queue depth
 * (messages held unacknowledged) and heap in use. The lag, published minus stored, is what waits at the broker
 * or in the ingest.
 */
final class Sampler implements AutoCloseable {
    /** One observation; {@code stored} is -1 when it could not be read (the database was down). */
    record Sample(double seconds, long published, long stored, double queueDepth, double heapBytes) {
        long lag() {
            return stored < 0 ? -1 : published - stored;
        }
    }

    private final LongSupplier published;
    private final LongSupplier stored;
    private final Supplier<Collection<IngestChild>> ingests;
    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    private final long start = System.nanoTime();
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * Starts sampling every {@code every}.
     *
     * @param stored readings stored so far, or -1 when that cannot be read now
     */
    Sampler(LongSupplier published, LongSupplier stored, Supplier<Collection<IngestChild>> ingests, Duration every) {
        this.published = published;
        this.stored = stored;
        this.ingests = ingests;
        this.thread = new Thread(() -> loop(every), "fault-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop(Duration every) {
        while (running) {
            sample();
            try {
                TimeUnit.MILLISECONDS.sleep(every.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sample() {
        double depth = 0;
        double heap = 0;
        for (IngestChild ingest : new ArrayList<>(ingests.get())) {
            try {
                IngestChild.Metrics m = ingest.metrics();
                depth = Math.max(depth, m.queueDepth());
                heap = Math.max(heap, m.heapUsedBytes());
            } catch (IOException dead) {
                // a killed or restarting ingest has nothing to report
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        long p = published.getAsLong();
        samples.add(new Sample((System.nanoTime() - start) / 1e9, p, stored.getAsLong(), depth, heap));
    }

    List<Sample> samples() {
        return List.copyOf(samples);
    }

    /** The largest lag seen (readings published and not yet stored). */
    long maxLag() {
        return samples.stream().mapToLong(Sample::lag).max().orElse(0);
    }

    /** The most messages any ingest held unacknowledged at once. */
    double maxQueueDepth() {
        return samples.stream().mapToDouble(Sample::queueDepth).max().orElse(0);
    }

    /** The most heap any ingest had in use. */
    double peakHeapBytes() {
        return samples.stream().mapToDouble(Sample::heapBytes).max().orElse(0);
    }

    /** Writes the samples as CSV (seconds, published, stored, lag, queue depth, heap MB) for plots and debugging. */
    void write(Path csv) throws IOException {
        StringBuilder sb = new StringBuilder("seconds,published,stored,lag,queue_depth,heap_mb\n");
        for (Sample s : samples) {
            sb.append(String.format(Locale.ROOT, "%.2f,%d,%d,%d,%.0f,%.1f%n", s.seconds(), s.published(), s.stored(),
                s.lag(), s.queueDepth(), s.heapBytes() / (1024 * 1024)));
        }
        Files.writeString(csv, sb);
    }

    /** Stops sampling after one last sample. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join();
        sample();
    }
}
