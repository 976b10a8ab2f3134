package org.smartcamp.deploy.demo;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.smartcamp.ingest.IngestConfig;
import org.smartcamp.ingest.IngestService;

/** The ingest as a demo component: stopping it commits and acknowledges the batch in flight. */
final class IngestComponent implements DemoComponent {
    static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(20);

    private final IngestConfig config;
    private final IngestService service;

    IngestComponent(IngestConfig config, Clock clock) {
        this.config = config;
        this.service = new IngestService(config, clock);
    }

    @Override
    public String name() {
        return "ingest";
    }

    @Override
    public void start() {
        service.start();
    }

    @Override
    public void stop() {
        service.stop(DRAIN_TIMEOUT);
    }

    @Override
    public List<String> describe() {
        String base = "http://" + config.httpHost() + ":" + service.httpPort();
        return List.of("ingest:        " + config.mqtt().subscription() + " from " + config.mqtt().serverUri(),
            "  health:      " + base + "/health/ready", "  metrics:     " + base + "/metrics");
    }
}
