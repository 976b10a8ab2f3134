package org.smartcamp.api.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/** {@link ApiMetrics} on Micrometer; every meter is described here. */
public final class MicrometerApiMetrics implements ApiMetrics {
    private final MeterRegistry registry;
    private final Counter rateLimited;
    private final Counter authFailures;
    private final Counter auditWritten;
    private final Counter auditDropped;

    public MicrometerApiMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.rateLimited = Counter.builder("smartcamp.api.rate.limited")
            .description("Requests refused with 429 because the client's rate limit was spent").register(registry);
        this.authFailures = Counter.builder("smartcamp.api.auth.failures")
            .description("Requests refused with 401 (missing, malformed, expired or unknown credential)")
            .register(registry);
        this.auditWritten = Counter.builder("smartcamp.api.audit.written")
            .description("Audit log entries written to the database").register(registry);
        this.auditDropped = Counter.builder("smartcamp.api.audit.dropped")
            .description("Audited requests without an entry: refused with 503 because no audit slot was free "
                + "within the wait, or an entry the database refused for its content")
            .register(registry);
    }

    @Override
    public void request(String route, String method, int status, long nanos) {
        Timer.builder("smartcamp.api.requests").description("API requests by route template, method and status")
            .tag("route", route).tag("method", method).tag("status", Integer.toString(status))
            .publishPercentileHistogram().register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void rateLimited() {
        rateLimited.increment();
    }

    @Override
    public void authFailed() {
        authFailures.increment();
    }

    @Override
    public void auditWritten(int entries) {
        auditWritten.increment(entries);
    }

    @Override
    public void auditDropped(int entries) {
        auditDropped.increment(entries);
    }

    @Override
    public void registerAuditQueue(IntSupplier length) {
        Gauge.builder("smartcamp.api.audit.queue", length::getAsInt)
            .description("Audit log entries waiting to be written (queued and in flight)").register(registry);
    }
}
