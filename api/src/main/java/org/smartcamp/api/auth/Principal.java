package org.smartcamp.api.auth;

import io.vertx.ext.web.RoutingContext;
import java.util.Objects;

/**
 * Who is calling: {@code id} is {@code key:<api key id>} or {@code jwt:<subject>} (used in the audit log and
 * for rate limiting), with the role and the grant of the credential.
 */
public record Principal(String id, Role role, Grant grant) {
    private static final String KEY = "smartcamp.principal";

    public Principal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(grant, "grant");
    }

    /** Attaches the principal to the request. */
    public void attach(RoutingContext ctx) {
        ctx.put(KEY, this);
    }

    /** The principal of an authenticated request, or null before authentication. */
    public static Principal of(RoutingContext ctx) {
        return ctx.get(KEY);
    }
}
