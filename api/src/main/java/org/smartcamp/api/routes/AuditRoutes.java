package org.smartcamp.api.routes;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.smartcamp.api.auth.AuthHandler;
import org.smartcamp.api.auth.Grant;
import org.smartcamp.api.auth.Principal;
import org.smartcamp.api.auth.Role;
import org.smartcamp.api.http.ApiException;
import org.smartcamp.api.http.Cursor;
import org.smartcamp.api.http.Format;
import org.smartcamp.api.http.Listing;
import org.smartcamp.api.http.Params;
import org.smartcamp.api.http.Responder;
import org.smartcamp.api.http.TimeRange;
import org.smartcamp.api.store.AuditReader;
import org.smartcamp.api.store.AuditStore;
import org.smartcamp.api.store.Registry;

/**
 * The audit log (admin only): who read or exported what, when, with what answer, and which personal data
 * (metrics, assets, range) it read; {@code personal=true} keeps only the reads of personal data. An admin scoped
 * to some missions or camps reads only the entries of requests that covered nothing else; entries tied to no
 * mission (failed authentication, global routes) are for admins of every mission.
 */
final class AuditRoutes {
    static final List<String> CSV = List.of("id", "at", "principal", "role", "method", "path", "query", "status",
        "rows", "export", "remote", "durationMs", "missions", "camps", "personalMetrics", "personalAssets",
        "personalFrom", "personalTo");
    private static final Pattern PRINCIPAL = Pattern.compile("-|(key|jwt):[\\p{Alnum}._@:+-]{1,200}");
    private static final Duration DEFAULT_SPAN = Duration.ofDays(1);

    private final RouteSupport support;

    AuditRoutes(RouteSupport support) {
        this.support = support;
    }

    void mount(Endpoints e) {
        e.get("/api/v1/audit", this::audit);
    }

    private void audit(RoutingContext ctx) {
        if (!AuthHandler.require(ctx, Role.ADMIN, "the audit log")) {
            return;
        }
        Params p = Params.of(ctx, RouteSupport.known(RouteSupport.PAGING, List.of("from", "to", "principal",
            "personal", "format")));
        Format format = Format.of(ctx, p, false);
        String principal = p.raw("principal");
        if (principal != null && !PRINCIPAL.matcher(principal).matches()) {
            throw ApiException.badParameter("principal", "must be '-', 'key:<id>' or 'jwt:<subject>'");
        }
        boolean personalOnly = "true".equals(p.choice("personal", java.util.Set.of("true", "false"), "false"));
        TimeRange range = TimeRange.of(p, support.now(), DEFAULT_SPAN, support.limits().maxRange());
        List<String> cursor = Cursor.decode(p, 1);
        int limit = support.limit(p);
        JsonObject meta = new JsonObject().put("from", range.from().toString()).put("to", range.to().toString());
        AuditReader reader = reader(Principal.of(ctx).grant(), support.scope(ctx).registry());
        support.db().run(c -> AuditStore.list(c, range.from(), range.to(), principal, reader, personalOnly,
            cursor, limit))
            .onSuccess(page -> Responder.send(ctx, format, new Listing("audit", meta, page.items(), CSV, page.next())))
            .onFailure(ctx::fail);
    }

    /**
     * What an admin may read of the log: everything with a grant of every mission, else the entries of the
     * missions and camps it sees (the same rule as for reading them).
     */
    static AuditReader reader(Grant grant, Registry registry) {
        if (grant.all()) {
            return new AuditReader(true, List.of(), List.of());
        }
        List<String> missions = Stream.concat(grant.missions().stream(),
            registry.missionIds().stream().filter(m -> grant.allowsMission(registry, m))).distinct().toList();
        List<String> camps = Stream.concat(grant.camps().stream(),
            grant.camps(registry).stream().map(Registry.Camp::id)).distinct().toList();
        return new AuditReader(false, missions, camps);
    }
}
