package org.smartcamp.api.routes;

import io.vertx.core.json.JsonObject;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.smartcamp.analytics.alarm.AlarmCondition;
import org.smartcamp.analytics.alarm.AlarmLifecycle;
import org.smartcamp.analytics.alarm.Severity;
import org.smartcamp.api.auth.AuthHandler;
import org.smartcamp.api.auth.Principal;
import org.smartcamp.api.auth.Role;
import org.smartcamp.api.auth.Scope;
import org.smartcamp.api.http.ApiException;
import org.smartcamp.api.http.JsonBody;
import org.smartcamp.api.http.Params;
import org.smartcamp.api.http.Responder;
import org.smartcamp.api.store.AlarmStore;
import org.smartcamp.ingest.store.Transactions;

/**
 * Alarms: the list (active first, then by severity), one with its history, and what people do with them:
 * acknowledge, clear, comment (the logistics role; a viewer reads). Each action is one transaction with its history
 * entry and its notifications (see {@link AlarmLifecycle}).
 */
final class AlarmRoutes {
    /** The longest comment, in characters. */
    static final int MAX_COMMENT = 2000;
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");
    private static final List<String> STATUSES = List.of("active", "acknowledged", "cleared");
    private static final Set<String> STATUS_FILTERS = Set.of("active", "acknowledged", "cleared", "open", "all");

    private final RouteSupport support;
    private final AlarmLifecycle lifecycle;

    AlarmRoutes(RouteSupport support, AlarmLifecycle lifecycle) {
        this.support = support;
        this.lifecycle = lifecycle;
    }

    void mount(Endpoints e) {
        e.get("/api/v1/alarms", this::list);
        e.get("/api/v1/alarms/{id}", this::one);
        e.write(HttpMethod.POST, "/api/v1/alarms/{id}/acknowledge", ctx -> act(ctx, Action.ACKNOWLEDGE));
        e.write(HttpMethod.POST, "/api/v1/alarms/{id}/clear", ctx -> act(ctx, Action.CLEAR));
        e.write(HttpMethod.POST, "/api/v1/alarms/{id}/comments", ctx -> act(ctx, Action.COMMENT));
    }

    private enum Action { ACKNOWLEDGE, CLEAR, COMMENT }

    private void list(RoutingContext ctx) {
        Params p = Params.of(ctx, Set.of("mission", "camp", "status", "severity", "condition", "since", "limit"));
        Scope scope = support.scope(ctx);
        List<String> camps = scope.camps(p.id("mission"), p.id("camp"));
        String status = p.choice("status", STATUS_FILTERS, "all");
        List<String> statuses = switch (status) {
            case "all" -> STATUSES;
            case "open" -> List.of("active", "acknowledged");
            default -> List.of(status);
        };
        AlarmStore.Query q = new AlarmStore.Query(camps, statuses, choices(p, "severity", Severity.ids()),
            choices(p, "condition", AlarmCondition.ids()), p.instant("since"), support.limit(p));
        support.db().run(c -> {
            JsonObject body = new JsonObject().put("counts", AlarmStore.counts(c, camps))
                .put("activeByCamp", AlarmStore.activeByCamp(c, camps, Severity.ids()));
            List<JsonObject> items = AlarmStore.list(c, q);
            ctx.put(Responder.ROWS, items.size());
            return body.put("items", new io.vertx.core.json.JsonArray(items)).put("count", items.size());
        }).onSuccess(body -> Responder.json(ctx, body)).onFailure(ctx::fail);
    }

    private static List<String> choices(Params p, String name, List<String> known) {
        List<String> given = p.list(name, Params.ID, name + " names");
        for (String g : given) {
            if (!known.contains(g)) {
                throw ApiException.badParameter(name, "names '" + g + "'; one of " + String.join(", ", known));
            }
        }
        return given.isEmpty() ? known : given;
    }

    private void one(RoutingContext ctx) {
        Params.of(ctx, Set.of());
        long id = Params.pathNumber(ctx, "id");
        Scope scope = support.scope(ctx);
        support.db().run(c -> AlarmStore.one(c, id))
            .map(alarm -> {
                scope.alarm(id, alarm == null ? null : alarm.getString("camp"));
                return alarm;
            })
            .onSuccess(alarm -> Responder.json(ctx, alarm))
            .onFailure(ctx::fail);
    }

    private void act(RoutingContext ctx, Action action) {
        Params.of(ctx, Set.of());
        if (!AuthHandler.require(ctx, Role.LOGISTICS, "acting on an alarm")) {
            return;
        }
        long id = Params.pathNumber(ctx, "id");
        String comment = comment(JsonBody.object(ctx), action == Action.COMMENT);
        Scope scope = support.scope(ctx);
        String actor = Principal.of(ctx).id();
        support.db().run(c -> {
            scope.alarm(id, AlarmStore.camp(c, id));
            try {
                Transactions.run(c, tx -> {
                    switch (action) {
                        case ACKNOWLEDGE -> lifecycle.acknowledge(tx, id, actor, comment, support.now());
                        case CLEAR -> lifecycle.clear(tx, id, actor, comment, support.now());
                        default -> lifecycle.comment(tx, id, actor, comment, support.now());
                    }
                });
            } catch (AlarmLifecycle.TransitionRefused e) {
                throw e.absent() ? ApiException.notFound(e.getMessage()) : ApiException.conflict(e.getMessage());
            }
            return AlarmStore.one(c, id);
        }).onSuccess(alarm -> {
            ctx.response().setStatusCode(action == Action.COMMENT ? 201 : 200);
            Responder.json(ctx, alarm);
        }).onFailure(ctx::fail);
    }

    /** The comment of an action's body: trimmed, at most {@link #MAX_COMMENT} characters, no control characters. */
    static String comment(JsonObject body, boolean required) {
        Object v = body.getValue("comment");
        for (String f : body.fieldNames()) {
            if (!f.equals("comment")) {
                throw ApiException.badRequest("body field '" + f + "' is not known; send {\"comment\": \"...\"}");
            }
        }
        if (v != null && !(v instanceof String)) {
            throw ApiException.badRequest("comment: must be a string");
        }
        String c = v == null ? "" : ((String) v).strip();
        if (c.isEmpty()) {
            if (required) {
                throw ApiException.badRequest("comment: is required and must not be blank");
            }
            return null;
        }
        if (c.length() > MAX_COMMENT) {
            throw ApiException.badRequest("comment: at most " + MAX_COMMENT + " characters, got " + c.length());
        }
        if (CONTROL.matcher(c).find()) {
            throw ApiException.badRequest("comment: must not contain control characters (line breaks and tabs are "
                + "fine)");
        }
        return c;
    }
}
