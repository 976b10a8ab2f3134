package org.smartcamp.deploy.cli;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.smartcamp.deploy.config.IngestSettings;
import org.smartcamp.ingest.IngestConfig;
import org.smartcamp.ingest.IngestService;
import org.smartcamp.platform.PortInUseException;
import org.smartcamp.platform.ShutdownSignal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code smartcamp ingest}: consumes camp telemetry from the broker into the database until stopped. */
@Command(name = "ingest", description = "Consume telemetry from MQTT into the database until stopped "
    + "(Ctrl-C or SIGTERM commits the batch in flight first).")
final class IngestCommand implements Callable<Integer> {
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(20);

    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        IngestConfig cfg = IngestSettings.ingest(config.load());
        IngestService service = new IngestService(cfg, Clock.systemUTC());
        // registered before the start, so that a Ctrl-C while starting also stops cleanly
        ShutdownSignal stopped = ShutdownSignal.onShutdown(() -> service.stop(DRAIN_TIMEOUT));
        try {
            service.start();
        } catch (PortInUseException e) {
            throw new CommandException(e.getMessage() + " (ingest.httpHost, ingest.httpPort: health and metrics)");
        }
        spec.commandLine().getOut().printf("ingest running: %s from %s into %s; health on http://%s:%d/health/ready%n",
            String.join(", ", service.subscriptions()), cfg.mqtt().serverUri(), cfg.database().url(), cfg.httpHost(),
            service.httpPort());
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }
}
