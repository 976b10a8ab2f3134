package org.smartcamp.api.ops;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.smartcamp.api.auth.Coverage;
import org.smartcamp.api.auth.Principal;
import org.smartcamp.api.http.ApiException;
import org.smartcamp.api.http.ClientAddress;
import org.smartcamp.api.http.Responder;
import org.smartcamp.api.store.AuditEntry;
import org.smartcamp.api.store.AuditLog;

/**
 * Resolves every request's client address, times it for the metrics (by route template), and writes an audit
 * entry for every request to a guarded route, whatever its answer: who, what, the status, the rows returned,
 * whether it was an export, from where and the missions and camps it covered. A guarded route goes on only once
 * the audit log holds a slot for its entry ({@link #admit}), so no entry is ever dropped for want of room.
 */
public final class RequestObserver implements Handler<RoutingContext> {
    /** Context key set by the routes that are audited. */
    public static final String AUDITED = "smartcamp.audited";
    /** Context key of the route template. */
    public static final String ROUTE = "smartcamp.route";
    private static final String ADMITTED = "smartcamp.audit.admitted";
    private static final int MAX_QUERY = 2_000;
    private static final int MAX_PATH = 500;

    private final ApiMetrics metrics;
    private final AuditLog audit;
    private final Clock clock;
    private final ClientAddress clients;

    public RequestObserver(ApiMetrics metrics, AuditLog audit, Clock clock, ClientAddress clients) {
        this.metrics = metrics;
        this.audit = audit;
        this.clock = clock;
        this.clients = clients;
    }

    @Override
    public void handle(RoutingContext ctx) {
        long start = System.nanoTime();
        clients.attach(ctx);
        ctx.addEndHandler(ar -> done(ctx, System.nanoTime() - start));
        ctx.next();
    }

    /**
     * The first handler of an audited route: goes on once the audit log holds a slot for the request's entry,
     * and refuses it with 503 when none was free within the admission wait (the database is away or slow).
     */
    public void admit(RoutingContext ctx) {
        audit.admit().onComplete(ar -> {
            if (ar.succeeded() && ar.result()) {
                ctx.put(ADMITTED, true);
                ctx.next();
            } else {
                ctx.fail(ApiException.unavailable("the audit log cannot be written now; try again later"));
            }
        });
    }

    private void done(RoutingContext ctx, long nanos) {
        int status = ctx.response().getStatusCode();
        String path = ctx.request().path();
        String route = ctx.get(ROUTE);
        if (route == null) {
            route = path.startsWith("/health") || "/metrics".equals(path) ? path : status == 404 ? "unmatched"
                : "static";
        }
        metrics.request(route, ctx.request().method().name(), status, nanos);
        if (Boolean.TRUE.equals(ctx.get(ADMITTED))) {
            audit.record(entry(ctx, path, status, nanos));
        } else if (Boolean.TRUE.equals(ctx.get(AUDITED))) {
            metrics.auditDropped(1);
        }
    }

    private AuditEntry entry(RoutingContext ctx, String path, int status, long nanos) {
        Principal p = Principal.of(ctx);
        String query = ctx.request().query();
        Coverage coverage = Coverage.peek(ctx);
        return new AuditEntry(clock.instant(), p == null ? "-" : p.id(), p == null ? null : p.role().id(),
            ctx.request().method().name(), cut(path, MAX_PATH), query == null ? null : cut(query, MAX_QUERY),
            status, ctx.get(Responder.ROWS), Boolean.TRUE.equals(ctx.get(Responder.EXPORT)), ClientAddress.of(ctx),
            TimeUnit.NANOSECONDS.toMillis(nanos), coverage == null ? List.of() : coverage.missions(),
            coverage == null ? List.of() : coverage.camps(), personal(coverage));
    }

    /** The personal data the request read, as its scope checks and routes noted it. */
    private static AuditEntry.PersonalRead personal(Coverage coverage) {
        if (coverage == null || coverage.personalMetrics().isEmpty()) {
            return AuditEntry.PersonalRead.NONE;
        }
        return new AuditEntry.PersonalRead(coverage.personalMetrics(), coverage.personalAssets(),
            coverage.personalFrom(), coverage.personalTo());
    }

    private static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
