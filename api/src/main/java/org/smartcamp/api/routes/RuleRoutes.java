package org.smartcamp.api.routes;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.smartcamp.analytics.alarm.AlarmRule;
import org.smartcamp.analytics.alarm.RuleException;
import org.smartcamp.analytics.alarm.RuleParser;
import org.smartcamp.analytics.alarm.RuleStore;
import org.smartcamp.api.auth.AuthHandler;
import org.smartcamp.api.auth.Principal;
import org.smartcamp.api.auth.Role;
import org.smartcamp.api.auth.Scope;
import org.smartcamp.api.http.ApiException;
import org.smartcamp.api.http.JsonBody;
import org.smartcamp.api.http.Params;
import org.smartcamp.api.http.Responder;

/**
 * Alarm rules for admins of their mission or camp: list, one, create, replace, delete (a rule that raised alarms is
 * disabled instead, so its alarms keep their rule). A rule of the configuration file is read-only here (the file
 * replaces it at the next start). Every field is checked by {@link RuleParser}; a refusal names the field.
 */
final class RuleRoutes {

    private final RouteSupport support;
    private final Supplier<RuleParser> parser;

    /**
     * @param parser the parser that knows the API's own address (a webhook aimed there is refused)
     */
    RuleRoutes(RouteSupport support, Supplier<RuleParser> parser) {
        this.support = support;
        this.parser = parser;
    }

    void mount(Endpoints e) {
        e.get("/api/v1/alarm-rules", this::list);
        e.get("/api/v1/alarm-rules/{id}", this::one);
        e.write(HttpMethod.POST, "/api/v1/alarm-rules", this::create);
        e.write(HttpMethod.PUT, "/api/v1/alarm-rules/{id}", this::replace);
        e.write(HttpMethod.DELETE, "/api/v1/alarm-rules/{id}", this::delete);
    }

    private void list(RoutingContext ctx) {
        Params p = Params.of(ctx, Set.of("mission"));
        if (!AuthHandler.require(ctx, Role.ADMIN, "alarm rules")) {
            return;
        }
        Scope scope = support.scope(ctx);
        String mission = p.id("mission");
        List<String> missions = mission == null ? scope.missions() : List.of(mission);
        if (mission != null) {
            scope.mission(mission);
        }
        support.db().run(c -> RuleStore.ofMissions(c, missions)).map(rules -> {
            JsonArray items = new JsonArray();
            rules.stream().filter(r -> visible(scope, r)).forEach(r -> items.add(new JsonObject(r.json().toString())));
            ctx.put(Responder.ROWS, items.size());
            return new JsonObject().put("items", items).put("count", items.size());
        }).onSuccess(body -> Responder.json(ctx, body)).onFailure(ctx::fail);
    }

    private static boolean visible(Scope scope, AlarmRule r) {
        return r.campId() == null ? scope.seesMission(r.missionId()) : scope.sees(r.campId());
    }

    private void one(RoutingContext ctx) {
        Params.of(ctx, Set.of());
        if (!AuthHandler.require(ctx, Role.ADMIN, "alarm rules")) {
            return;
        }
        long id = Params.pathNumber(ctx, "id");
        Scope scope = support.scope(ctx);
        support.db().run(c -> stored(c, scope, id)).onSuccess(r -> Responder.json(ctx, json(r)))
            .onFailure(ctx::fail);
    }

    /** Rule {@code id}, administered by the caller: 403 outside its scope (or absent without a wildcard grant). */
    private static AlarmRule stored(java.sql.Connection c, Scope scope, long id) throws SQLException {
        AlarmRule r = RuleStore.byId(c, id);
        if (r == null) {
            throw scope.absent("alarm rule", Long.toString(id));
        }
        scope.administers(r.missionId(), r.campId());
        return r;
    }

    private void create(RoutingContext ctx) {
        Params.of(ctx, Set.of());
        if (!AuthHandler.require(ctx, Role.ADMIN, "editing alarm rules")) {
            return;
        }
        AlarmRule rule = parse(ctx);
        Scope scope = support.scope(ctx);
        scope.administers(rule.missionId(), rule.campId());
        String by = Principal.of(ctx).id();
        support.db().run(c -> {
            checkScope(c, rule);
            try {
                return rule.withId(RuleStore.insert(c, rule, by, support.now()));
            } catch (SQLException e) {
                throw duplicate(e, rule);
            }
        }).onSuccess(r -> {
            ctx.response().setStatusCode(201).putHeader("Location", "/api/v1/alarm-rules/" + r.id());
            Responder.json(ctx, json(r));
        }).onFailure(ctx::fail);
    }

    private void replace(RoutingContext ctx) {
        Params.of(ctx, Set.of());
        if (!AuthHandler.require(ctx, Role.ADMIN, "editing alarm rules")) {
            return;
        }
        long id = Params.pathNumber(ctx, "id");
        AlarmRule rule = parse(ctx);
        Scope scope = support.scope(ctx);
        String by = Principal.of(ctx).id();
        support.db().run(c -> {
            AlarmRule old = stored(c, scope, id);
            readOnly(old);
            scope.administers(rule.missionId(), rule.campId());
            checkScope(c, rule);
            try {
                RuleStore.update(c, id, rule, by, support.now());
            } catch (SQLException e) {
                throw duplicate(e, rule);
            }
            return rule.withId(id);
        }).onSuccess(r -> Responder.json(ctx, json(r))).onFailure(ctx::fail);
    }

    private void delete(RoutingContext ctx) {
        Params.of(ctx, Set.of());
        if (!AuthHandler.require(ctx, Role.ADMIN, "editing alarm rules")) {
            return;
        }
        long id = Params.pathNumber(ctx, "id");
        Scope scope = support.scope(ctx);
        String by = Principal.of(ctx).id();
        support.db().run(c -> {
            readOnly(stored(c, scope, id));
            return RuleStore.delete(c, id, by, support.now());
        }).onSuccess(x -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
    }

    private static void readOnly(AlarmRule r) {
        if (AlarmRule.CONFIG.equals(r.source())) {
            throw ApiException.conflict("alarm rule " + r.id() + " comes from the configuration file; change it "
                + "there");
        }
    }

    private static void checkScope(java.sql.Connection c, AlarmRule rule) throws SQLException {
        try {
            RuleStore.checkScope(c, rule);
        } catch (RuleException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private static ApiException duplicate(SQLException e, AlarmRule rule) throws SQLException {
        if ("23505".equals(e.getSQLState())) {
            return ApiException.conflict("name: mission '" + rule.missionId() + "' already has a rule named '"
                + rule.name() + "'");
        }
        throw e;
    }

    private AlarmRule parse(RoutingContext ctx) {
        JsonNode node = JsonBody.tree(ctx);
        try {
            return parser.get().parse(node, AlarmRule.API);
        } catch (RuleException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private static JsonObject json(AlarmRule r) {
        return new JsonObject(r.json().toString());
    }

}
