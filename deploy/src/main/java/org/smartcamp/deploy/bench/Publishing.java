package org.smartcamp.deploy.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ObjIntConsumer;
import org.smartcamp.ingest.mqtt.WindowedPublisher;

/** Publishes a workload with one Paho client and thread per gateway, as fast as the broker takes or paced. */
final class Publishing {
    private static final int WINDOW = 10;

    private Publishing() {
    }

    /**
     * Publishes every message and waits for every PUBACK.
     *
     * @param messagesPerSecondPerGateway pacing, or 0 for as fast as the broker takes
     * @param onPublish                   called after each publish with the message and its gateway index
     * @return elapsed nanoseconds from the first publish to the last PUBACK
     */
    static long publish(String mqttUrl, String clientPrefix, Workload workload, int gateways,
                        double messagesPerSecondPerGateway, ObjIntConsumer<Workload.Message> onPublish)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(gateways);
        try {
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int g = 0; g < gateways; g++) {
                int gateway = g;
                List<Workload.Message> own = workload.of(g);
                done.add(pool.submit(() -> {
                    try (WindowedPublisher p = new WindowedPublisher(mqttUrl, clientPrefix + "-" + gateway, WINDOW,
                            true)) {
                        long interval = messagesPerSecondPerGateway > 0
                            ? (long) (1e9 / messagesPerSecondPerGateway) : 0;
                        for (int i = 0; i < own.size(); i++) {
                            if (interval > 0) {
                                LockSupport.parkNanos(start + i * interval - System.nanoTime());
                            }
                            p.publish(own.get(i).topic(), own.get(i).payload());
                            onPublish.accept(own.get(i), gateway);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            return System.nanoTime() - start;
        } finally {
            pool.shutdownNow();
        }
    }
}
