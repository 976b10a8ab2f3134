package org.smartcamp.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.smartcamp.api.testsupport.ApiTestServer;
import org.smartcamp.api.testsupport.Http;
import org.smartcamp.api.testsupport.Tokens;

/**
 * Every role against every scope and route: reaching another mission's camps by id, by filter and by export is
 * refused with 403, the same way for camps that exist and camps that do not; lists never show what is out of
 * scope. Personal metrics (vehicle positions) on every route that serves readings: with and without the
 * {@code location} grant for the camp, and with it for another camp only; every read of them is in the audit log.
 */
class AuthorizationMatrixIT {
    private static final String RANGE = "from=2026-03-01&to=2026-03-03";
    private static final Map<String, String> MISSION_OF = Map.of("juba1", "unmiss", "malakal", "unmiss",
        "gao", "minusma", "kidal", "minusma");
    private static final Map<String, String> GENERATOR_OF = Map.of("juba1", "juba1-gen-1", "malakal",
        "malakal-gen-1", "gao", "gao-gen-1", "kidal", "kidal-gen-1");
    /** The fixture's fuel tanks: one in juba1 and one in gao. */
    private static final Map<String, String> TANK_OF = Map.of("juba1", "juba1-tank-1", "gao", "gao-tank-1");
    /** The fixture's gateways: one in juba1 and one in gao. */
    private static final Map<String, String> GATEWAY_OF = Map.of("juba1", "gw-1", "gao", "gw-g");
    private static ApiTestServer server;
    private static Http http;
    private static final Map<String, Caller> CALLERS = new java.util.LinkedHashMap<>();
    private static final Map<String, Long> EVENT_OF = new java.util.HashMap<>();
    private static final Map<String, Long> ALARM_OF = new java.util.HashMap<>();
    private static final Map<String, Long> RULE_OF = new java.util.HashMap<>();
    /** Callers of the location probes: each reads juba1 and gao, with location where its name says. */
    private static final Map<String, Caller> LOCATION_CALLERS = new java.util.LinkedHashMap<>();
    /** The camps each location caller holds the location grant for. */
    private static final Map<String, Set<String>> LOCATED = new java.util.HashMap<>();
    private static final String VEHICLE = "juba1-veh-1";
    private static final List<String> POSITIONS = List.of("vehicle.lat", "vehicle.lon");
    private static long positionEvent;

    /** A credential, its role and the camps it reaches. */
    record Caller(String name, Role role, Set<String> camps, String[] headers) {
        boolean seesMission(String mission) {
            return camps.stream().anyMatch(c -> MISSION_OF.get(c).equals(mission));
        }
    }

    /** One request, what it reaches and what it needs. */
    record Probe(String path, String camp, String mission, boolean export, boolean adminOnly) {
        @Override
        public String toString() {
            return path;
        }
    }

    @BeforeAll
    static void start() {
        server = ApiTestServer.start("api_authz");
        http = server.http();
        add("viewer-jwt-unmiss", Role.VIEWER, Set.of("juba1", "malakal"), "Authorization",
            "Bearer " + Tokens.sign(Tokens.claims("val", "viewer", List.of("unmiss"), List.of())));
        add("logistics-key-gao", Role.LOGISTICS, Set.of("gao"), "X-API-Key",
            server.apiKey("logistics", List.of(), List.of("gao")));
        add("viewer-key-juba1", Role.VIEWER, Set.of("juba1"), "X-API-Key",
            server.apiKey("viewer", List.of(), List.of("juba1")));
        add("admin-key-minusma", Role.ADMIN, Set.of("gao", "kidal"), "X-API-Key",
            server.apiKey("admin", List.of("minusma"), List.of()));
        add("logistics-jwt-mixed", Role.LOGISTICS, Set.of("malakal", "gao", "kidal"), "Authorization",
            "Bearer " + Tokens.sign(Tokens.claims("lou", "logistics", List.of("minusma"), List.of("malakal"))));
        add("admin-jwt-all", Role.ADMIN, MISSION_OF.keySet(), "Authorization",
            "Bearer " + Tokens.sign(Tokens.claims("ada", "admin", List.of("*"), List.of())));
        JsonObject all = http.get("/api/v1/events?" + RANGE, CALLERS.get("admin-jwt-all").headers()).json();
        all.getJsonArray("items").forEach(o -> EVENT_OF.putIfAbsent(((JsonObject) o).getString("camp"),
            ((JsonObject) o).getLong("id")));
        alarms();
        vehicles();
        locationCaller("key-location-juba1", Role.LOGISTICS, Set.of("juba1"), "X-API-Key",
            server.apiKey("logistics", List.of(), List.of("juba1", "gao"), List.of("juba1")));
        locationCaller("key-no-location", Role.LOGISTICS, Set.of(), "X-API-Key",
            server.apiKey("logistics", List.of(), List.of("juba1", "gao")));
        locationCaller("key-location-gao-only", Role.LOGISTICS, Set.of("gao"), "X-API-Key",
            server.apiKey("logistics", List.of(), List.of("juba1", "gao"), List.of("gao")));
        locationCaller("viewer-key-location-all", Role.VIEWER, Set.of("juba1", "gao"), "X-API-Key",
            server.apiKey("viewer", List.of(), List.of("juba1", "gao"), List.of("*")));
        locationCaller("jwt-location-by-mission", Role.LOGISTICS, Set.of("juba1"), "Authorization",
            "Bearer " + Tokens.sign(Tokens.claims("loc", "logistics", List.of(), List.of("juba1", "gao"))
                .put("location", new io.vertx.core.json.JsonArray(List.of("unmiss")))));
    }

    /** A vehicle in juba1 and one in gao with positions and speed over the fixture's days, and their rollups. */
    private static void vehicles() {
        for (String camp : List.of("juba1", "gao")) {
            server.sql("INSERT INTO assets (id, camp_id, kind, name) VALUES ('" + camp + "-veh-1', '" + camp
                + "', 'vehicle', 'Truck');INSERT INTO readings (asset_ref, metric_id, ts, value, quality, received_at)"
                + " SELECT a.ref, m.id, t, CASE m.name WHEN 'vehicle.speed' THEN 30 ELSE 4.85 END, 0, t"
                + " FROM assets a, metrics m, generate_series(TIMESTAMPTZ '2026-03-01 00:00:00+00',"
                + " TIMESTAMPTZ '2026-03-02 23:00:00+00', INTERVAL '1 hour') t WHERE a.id = '" + camp + "-veh-1'"
                + " AND m.name IN ('vehicle.lat', 'vehicle.lon', 'vehicle.speed');"
                + "INSERT INTO readings_hourly SELECT asset_ref, metric_id, date_trunc('hour', ts), count(*),"
                + " avg(value), min(value), max(value), min(value), max(value) FROM readings r JOIN assets a"
                + " ON a.ref = r.asset_ref WHERE a.id = '" + camp + "-veh-1' GROUP BY 1, 2, 3;"
                + "INSERT INTO readings_daily SELECT asset_ref, metric_id, date_trunc('day', bucket), sum(samples),"
                + " avg(avg), min(min), max(max), min(first), max(last) FROM readings_hourly h JOIN assets a"
                + " ON a.ref = h.asset_ref WHERE a.id = '" + camp + "-veh-1' GROUP BY 1, 2, 3");
        }
        server.sql("INSERT INTO analytics_events (camp_id, asset_id, kind, starts_at, ends_at, evidence, detected_at)"
            + " VALUES ('juba1', '" + VEHICLE + "', 'flatline', '2026-03-01 08:00:00+00', '2026-03-01 12:00:00+00',"
            + " '{\"windowStart\": \"2026-03-01T08:00:00Z\", \"windowEnd\": \"2026-03-01T12:00:00Z\","
            + " \"metric\": \"vehicle.lat\", \"readings\": [{\"ts\": \"2026-03-01T08:00:00Z\","
            + " \"value\": 4.85}], \"figures\": {}, \"explanation\": \"GPS stuck\"}', '2026-03-01 13:00:00+00')");
        positionEvent = server.store().db().queryLong("SELECT id FROM analytics_events WHERE asset_id = '" + VEHICLE
            + "'");
        server.service().reloadRegistry();
    }

    private static void locationCaller(String name, Role role, Set<String> located, String header, String value) {
        LOCATION_CALLERS.put(name, new Caller(name, role, Set.of("juba1", "gao"), new String[] {header, value}));
        LOCATED.put(name, located);
    }

    /** A rule per camp and an active alarm of each (what the analytics job would have raised). */
    private static void alarms() {
        for (String camp : List.of("juba1", "malakal", "gao", "kidal")) {
            server.sql("INSERT INTO alarm_rules (name, mission_id, camp_id, condition, threshold, severity) "
                + "VALUES ('dos-" + camp + "', '" + MISSION_OF.get(camp) + "', '" + camp
                + "', 'days_of_supply_below', 5, 'major');"
                + "INSERT INTO alarms (rule_id, mission_id, camp_id, condition, subject_key, severity, status, summary,"
                + " raised_at, updated_at) SELECT id, mission_id, camp_id, condition, 'camp:' || camp_id, severity,"
                + " 'active', 'Days of supply below 5 d', now(), now() FROM alarm_rules WHERE name = 'dos-" + camp
                + "';INSERT INTO alarm_history (alarm_id, seq, at, action, status, severity) SELECT id, 1, now(),"
                + " 'raised', status, severity FROM alarms WHERE camp_id = '" + camp + "'");
            RULE_OF.put(camp, server.store().db().queryLong("SELECT id FROM alarm_rules WHERE name = 'dos-" + camp
                + "'"));
            ALARM_OF.put(camp, server.store().db().queryLong("SELECT id FROM alarms WHERE camp_id = '" + camp
                + "'"));
        }
    }

    private static void add(String name, Role role, Set<String> camps, String header, String value) {
        CALLERS.put(name, new Caller(name, role, camps, new String[] {header, value}));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static List<Probe> probes() {
        List<Probe> out = new ArrayList<>();
        for (String camp : List.of("juba1", "malakal", "gao", "kidal")) {
            String gen = GENERATOR_OF.get(camp);
            String mission = MISSION_OF.get(camp);
            out.add(new Probe("/api/v1/camps/" + camp, camp, null, false, false));
            out.add(new Probe("/api/v1/camps/" + camp + "/fuel?" + RANGE, camp, null, false, false));
            out.add(new Probe("/api/v1/camps/" + camp + "/power?" + RANGE, camp, null, false, false));
            out.add(new Probe("/api/v1/assets/" + gen, camp, null, false, false));
            out.add(new Probe("/api/v1/assets/" + gen + "/utilization?" + RANGE, camp, null, false, false));
            out.add(new Probe("/api/v1/assets/" + gen + "/readings?" + RANGE, camp, null, false, false));
            out.add(new Probe("/api/v1/assets?camp=" + camp, camp, null, false, false));
            String scoped = "/api/v1/camps/" + camp + "/assets/" + gen;
            out.add(new Probe(scoped, camp, null, false, false));
            out.add(new Probe(scoped + "/utilization?" + RANGE, camp, null, false, false));
            out.add(new Probe(scoped + "/readings?format=csv&" + RANGE, camp, null, true, false));
            out.add(new Probe("/api/v1/assets/" + gen + "?camp=" + camp, camp, null, false, false));
            if (TANK_OF.containsKey(camp)) {
                String tank = "/api/v1/camps/" + camp + "/tanks/" + TANK_OF.get(camp) + "/reconciliation?" + RANGE;
                out.add(new Probe(tank, camp, null, false, false));
                out.add(new Probe(tank + "&format=csv", camp, null, true, false));
            }
            if (GATEWAY_OF.containsKey(camp)) {
                out.add(new Probe("/api/v1/camps/" + camp + "/gateways/" + GATEWAY_OF.get(camp), camp, null, false,
                    false));
                out.add(new Probe("/api/v1/gateways/" + GATEWAY_OF.get(camp), camp, null, false, false));
            }
            out.add(new Probe("/api/v1/readings?camp=" + camp + "&" + RANGE, camp, null, false, false));
            out.add(new Probe("/api/v1/readings?camp=" + camp + "&bucket=1h&format=csv&" + RANGE, camp, null, true,
                false));
            out.add(new Probe("/api/v1/readings?asset=" + gen + "&format=csv&" + RANGE, camp, null, true, false));
            out.add(new Probe("/api/v1/figures/daily?camp=" + camp + "&" + RANGE, camp, null, false, false));
            out.add(new Probe("/api/v1/figures/daily?asset=" + gen + "&format=csv&" + RANGE, camp, null, true,
                false));
            out.add(new Probe("/api/v1/figures/monthly?camp=" + camp + "&" + RANGE, camp, null, false, false));
            out.add(new Probe("/api/v1/figures/hourly?asset=" + gen + "&format=csv&" + RANGE, camp, null, true,
                false));
            out.add(new Probe("/api/v1/figures/current?camp=" + camp, camp, null, false, false));
            out.add(new Probe("/api/v1/events?camp=" + camp + "&" + RANGE, camp, null, false, false));
            out.add(new Probe("/api/v1/events?asset=" + gen + "&format=csv&" + RANGE, camp, null, true, false));
            out.add(new Probe("/api/v1/data-quality?camp=" + camp, camp, null, false, false));
            out.add(new Probe("/api/v1/alarms?camp=" + camp, camp, null, false, false));
            out.add(new Probe("/api/v1/alarms?camp=" + camp + "&status=open&severity=major", camp, null, false,
                false));
            out.add(new Probe("/api/v1/camps?mission=" + mission + "&format=csv", null, mission, true, false));
        }
        for (String mission : List.of("unmiss", "minusma")) {
            out.add(new Probe("/api/v1/missions/" + mission, null, mission, false, false));
            out.add(new Probe("/api/v1/camps?mission=" + mission, null, mission, false, false));
            out.add(new Probe("/api/v1/assets?mission=" + mission, null, mission, false, false));
            out.add(new Probe("/api/v1/events?mission=" + mission + "&format=csv&" + RANGE, null, mission, true,
                false));
            out.add(new Probe("/api/v1/alarms?mission=" + mission, null, mission, false, false));
            out.add(new Probe("/api/v1/alarm-rules?mission=" + mission, null, mission, false, true));
        }
        out.add(new Probe("/api/v1/audit", null, null, false, true));
        out.add(new Probe("/metrics", null, null, false, true));
        out.add(new Probe("/api/v1/metrics", null, null, false, false));
        out.add(new Probe("/api/v1/metrics?format=csv", null, null, true, false));
        out.add(new Probe("/api/v1/catalogue", null, null, false, false));
        out.add(new Probe("/api/v1/alarms", null, null, false, false));
        out.add(new Probe("/api/v1/alarm-rules", null, null, false, true));
        return out;
    }

    static Stream<Arguments> matrix() {
        return CALLERS.keySet().stream().flatMap(c -> probes().stream().map(p -> Arguments.of(c, p)));
    }

    @ParameterizedTest(name = "{0} GET {1}")
    @MethodSource("matrix")
    void eachRoleAgainstEachScopeAndRoute(String callerName, Probe probe) {
        Caller caller = CALLERS.get(callerName);
        Http.Answer answer = http.get(probe.path(), caller.headers());
        assertThat(answer.status()).as(answer.body()).isEqualTo(expected(caller, probe));
        if (answer.status() == 403) {
            assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(answer.body()).doesNotContain("does not exist");
        }
    }

    private static int expected(Caller caller, Probe probe) {
        boolean allowed = (!probe.adminOnly() || caller.role() == Role.ADMIN)
            && (!probe.export() || caller.role().includes(Role.LOGISTICS))
            && (probe.camp() == null || caller.camps().contains(probe.camp()))
            && (probe.mission() == null || caller.seesMission(probe.mission()));
        return allowed ? 200 : 403;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("callers")
    void eventsById(String callerName) {
        Caller caller = CALLERS.get(callerName);
        for (Map.Entry<String, Long> e : EVENT_OF.entrySet()) {
            int status = http.get("/api/v1/events/" + e.getValue(), caller.headers()).status();
            assertThat(status).as("event of %s", e.getKey()).isEqualTo(caller.camps().contains(e.getKey()) ? 200 : 403);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("callers")
    void alarmsAndRulesById(String callerName) {
        Caller caller = CALLERS.get(callerName);
        for (String camp : ALARM_OF.keySet()) {
            boolean sees = caller.camps().contains(camp);
            Http.Answer alarm = http.get("/api/v1/alarms/" + ALARM_OF.get(camp), caller.headers());
            assertThat(alarm.status()).as("alarm of %s", camp).isEqualTo(sees ? 200 : 403);
            if (sees) {
                assertThat(alarm.json().getJsonArray("history")).hasSize(1);
            }
            assertThat(http.get("/api/v1/alarm-rules/" + RULE_OF.get(camp), caller.headers()).status())
                .as("rule of %s", camp).isEqualTo(sees && caller.role() == Role.ADMIN ? 200 : 403);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("callers")
    void theOverviewsAlarmCountsHoldOnlyCampsInScope(String callerName) {
        Caller caller = CALLERS.get(callerName);
        Http.Answer list = http.get("/api/v1/alarms?status=active&limit=1", caller.headers());
        if (list.status() == 200) {
            assertThat(list.json().getJsonObject("activeByCamp").fieldNames()).as("activeByCamp of %s", callerName)
                .isSubsetOf(caller.camps());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("callers")
    void onlyLogisticsInScopeActsOnAnAlarmAndAViewerCannotAcknowledge(String callerName) {
        Caller caller = CALLERS.get(callerName);
        for (String camp : ALARM_OF.keySet()) {
            boolean may = caller.camps().contains(camp) && caller.role().includes(Role.LOGISTICS);
            String path = "/api/v1/alarms/" + ALARM_OF.get(camp);
            Http.Answer comment = http.send("POST", path + "/comments", "{\"comment\":\"seen by " + callerName
                + "\"}", caller.headers());
            assertThat(comment.status()).as("comment on %s: %s", camp, comment.body()).isEqualTo(may ? 201 : 403);
            if (!may) {
                // refusals leave the alarm as it was (whoever may act acknowledges in another test)
                for (String action : List.of("acknowledge", "clear")) {
                    Http.Answer refused = http.send("POST", path + "/" + action, "{}", caller.headers());
                    assertThat(refused.status()).as("%s of %s", action, camp).isEqualTo(403);
                    assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
                }
            }
        }
        Http.Answer viewer = http.send("POST", "/api/v1/alarms/" + ALARM_OF.get("juba1") + "/acknowledge", "{}",
            CALLERS.get("viewer-key-juba1").headers());
        assertThat(viewer.json().getString("detail")).isEqualTo("acting on an alarm needs the logistics role");
    }

    @Test
    void anAlarmShowsHowItsNotificationsStandWithAFailedOnesReasonAndNoWebhookToken() {
        long alarm = ALARM_OF.get("juba1");
        server.sql("INSERT INTO alarm_outbox (alarm_id, history_seq, rule_id, channel, target, idempotency_key,"
            + " payload, status, attempts, last_error) VALUES (" + alarm + ", 1, " + RULE_OF.get("juba1")
            + ", 'webhook',"
            + " 'https://hooks.example.org:8443/T000/s3cr3t-token?sig=abc', 'alarm-" + alarm + "-1-webhook-test',"
            + " '{}'::jsonb, 'failed', 3, 'gave up after 3 attempts: HTTP 500')");
        Http.Answer answer = http.get("/api/v1/alarms/" + alarm, CALLERS.get("admin-jwt-all").headers());
        assertThat(answer.status()).isEqualTo(200);
        JsonObject n = answer.json().getJsonArray("notifications").getJsonObject(0);
        assertThat(n.getString("status")).isEqualTo("failed");
        assertThat(n.getString("lastError")).isEqualTo("gave up after 3 attempts: HTTP 500");
        assertThat(n.getInteger("attempts")).isEqualTo(3);
        assertThat(n.getString("target")).isEqualTo("https://hooks.example.org:8443");
        assertThat(answer.body()).doesNotContain("s3cr3t");
    }

    @Test
    void logisticsAcknowledgesThenClearsAndAStaleActionIsAConflict() {
        String[] lou = CALLERS.get("logistics-jwt-mixed").headers();
        String path = "/api/v1/alarms/" + ALARM_OF.get("kidal");
        Http.Answer ack = http.send("POST", path + "/acknowledge", "{\"comment\":\"truck on its way\"}", lou);
        assertThat(ack.status()).as(ack.body()).isEqualTo(200);
        assertThat(ack.json().getString("status")).isEqualTo("acknowledged");
        assertThat(ack.json().getString("acknowledgedBy")).isEqualTo("jwt:lou");
        assertThat(http.send("POST", path + "/acknowledge", "{}", lou).status()).isEqualTo(409);
        Http.Answer clear = http.send("POST", path + "/clear", null, lou);
        assertThat(clear.json().getString("clearedBy")).isEqualTo("jwt:lou");
        assertThat(clear.json().getJsonArray("history").stream().map(h -> ((JsonObject) h).getString("action")))
            .containsSubsequence("raised", "acknowledged", "cleared");
        assertThat(http.send("POST", path + "/clear", null, lou).status()).isEqualTo(409);
        assertThat(http.send("POST", path + "/comments", "{\"comment\":\"" + "x".repeat(2001) + "\"}", lou)
            .json().getString("detail")).isEqualTo("comment: at most 2000 characters, got 2001");
        assertThat(http.send("POST", path + "/comments", "{\"comment\":\"  \"}", lou).status()).isEqualTo(400);
        assertThat(http.send("POST", path + "/comments", "not json", lou).status()).isEqualTo(400);
        assertThat(server.store().db().queryLong("SELECT count(*) FROM alarm_outbox WHERE alarm_id = "
            + ALARM_OF.get("kidal"))).as("the rule names no channel").isZero();
    }

    @Test
    void anAdminEditsTheRulesOfItsOwnMissionOnly() {
        String[] minusma = CALLERS.get("admin-key-minusma").headers();
        String rule = "{\"name\":\"theft-gao\",\"mission\":\"minusma\",\"camp\":\"gao\",\"condition\":"
            + "\"theft\",\"threshold\":100,\"severity\":\"critical\",\"channels\":[{\"type\":\"mqtt\"}]}";
        Http.Answer created = http.send("POST", "/api/v1/alarm-rules", rule, minusma);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().getLong("id");
        assertThat(http.send("POST", "/api/v1/alarm-rules", rule, minusma).status()).as("name taken").isEqualTo(409);
        assertThat(http.send("POST", "/api/v1/alarm-rules", rule.replace("minusma", "unmiss").replace("gao", "juba1"),
            minusma).status()).isEqualTo(403);
        assertThat(http.send("POST", "/api/v1/alarm-rules", rule.replace("theft-gao", "t2"),
            CALLERS.get("logistics-key-gao").headers()).status()).isEqualTo(403);
        Http.Answer bad = http.send("POST", "/api/v1/alarm-rules", rule.replace("100", "-5"), minusma);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().getString("detail")).isEqualTo("threshold: must not be negative, got -5");
        Http.Answer self = http.send("POST", "/api/v1/alarm-rules", rule.replace("{\"type\":\"mqtt\"}",
            "{\"type\":\"webhook\",\"url\":\"" + server.service().url() + "/hook\"}"), minusma);
        assertThat(self.json().getString("detail")).endsWith("points at this API itself");
        assertThat(http.send("PUT", "/api/v1/alarm-rules/" + id, rule.replace("critical", "major"), minusma)
            .json().getString("severity")).isEqualTo("major");
        assertThat(http.send("PUT", "/api/v1/alarm-rules/" + id, rule, CALLERS.get("admin-key-minusma").headers())
            .status()).isEqualTo(200);
        assertThat(http.send("DELETE", "/api/v1/alarm-rules/" + RULE_OF.get("juba1"), null, minusma).status())
            .isEqualTo(403);
        assertThat(http.send("DELETE", "/api/v1/alarm-rules/" + id, null, minusma).status()).isEqualTo(204);
        assertThat(http.get("/api/v1/alarm-rules/" + id, CALLERS.get("admin-jwt-all").headers()).status())
            .isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("callers")
    void unknownIdsAre403OutsideAWildcardGrantAnd404Inside(String callerName) {
        Caller caller = CALLERS.get(callerName);
        boolean all = callerName.equals("admin-jwt-all");
        for (String path : List.of("/api/v1/camps/ghost", "/api/v1/assets/ghost-gen", "/api/v1/events/999999",
            "/api/v1/assets/ghost-gen/readings", "/api/v1/camps/ghost/fuel", "/api/v1/missions/ghost",
            "/api/v1/figures/daily?camp=ghost", "/api/v1/readings?asset=ghost-gen", "/api/v1/gateways/ghost-gw",
            "/api/v1/camps/ghost/assets/ghost-gen", "/api/v1/camps/ghost/gateways/gw-1", "/api/v1/alarms/999999",
            "/api/v1/alarms?camp=ghost", "/api/v1/camps/ghost/reports/2026-03")) {
            assertThat(http.get(path, caller.headers()).status()).as(path).isEqualTo(all ? 404 : 403);
        }
    }

    @Test
    void everyRouteButHealthNeedsACredential() {
        List<String> routes = server.service().routes();
        assertThat(routes).contains("/api/v1/catalogue");
        for (String template : routes) {
            String path = template.replaceAll("\\{[a-zA-Z]+}", "x");
            int status = http.get(path).status();
            if (template.startsWith("/health")) {
                assertThat(status).as(path + " is open").isNotEqualTo(401);
            } else {
                assertThat(status).as(path).isEqualTo(401);
            }
        }
        List<String> writes = server.service().operations().stream().filter(o -> !o.startsWith("GET ")).toList();
        assertThat(writes).contains("POST /api/v1/alarms/{id}/acknowledge", "PUT /api/v1/alarm-rules/{id}");
        for (String op : writes) {
            String[] parts = op.split(" ");
            String path = parts[1].replaceAll("\\{[a-zA-Z]+}", "1");
            assertThat(http.send(parts[0], path, "{}").status()).as(op).isEqualTo(401);
        }
    }

    @Test
    void aRefusalReadsTheSameForACampThatExistsAndOneThatDoesNot() {
        String[] juba = CALLERS.get("viewer-key-juba1").headers();
        String real = http.get("/api/v1/camps/gao", juba).json().getString("detail");
        String ghost = http.get("/api/v1/camps/gaox", juba).json().getString("detail");
        assertThat(real.replace("gao", "ID")).isEqualTo(ghost.replace("gaox", "ID"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("callers")
    void unfilteredListsShowOnlyWhatIsInScope(String callerName) {
        Caller caller = CALLERS.get(callerName);
        assertThat(campsOf(http.get("/api/v1/camps", caller.headers()).json(), "id"))
            .containsExactlyInAnyOrderElementsOf(caller.camps());
        assertThat(campsOf(http.get("/api/v1/assets", caller.headers()).json(), "campId"))
            .isSubsetOf(caller.camps());
        assertThat(campsOf(http.get("/api/v1/events?" + RANGE, caller.headers()).json(), "camp"))
            .isSubsetOf(caller.camps());
        assertThat(campsOf(http.get("/api/v1/readings?bucket=1d&" + RANGE, caller.headers()).json(), "camp"))
            .isNotEmpty().isSubsetOf(caller.camps());
        assertThat(campsOf(http.get("/api/v1/figures/daily?" + RANGE, caller.headers()).json(), "camp"))
            .isSubsetOf(caller.camps());
        assertThat(campsOf(http.get("/api/v1/figures/current", caller.headers()).json(), "camp"))
            .isSubsetOf(caller.camps());
        assertThat(campsOf(http.get("/api/v1/data-quality?" + RANGE, caller.headers()).json(), "camp"))
            .isSubsetOf(caller.camps());
        assertThat(campsOf(http.get("/api/v1/alarms", caller.headers()).json(), "camp"))
            .containsExactlyInAnyOrderElementsOf(caller.camps());
        List<String> missions = campsOf(http.get("/api/v1/missions", caller.headers()).json(), "id");
        assertThat(missions).allMatch(caller::seesMission);
    }

    @Test
    void aFilterOnAnotherMissionsCampRefusesEvenWithAnInScopeAsset() {
        String[] juba = CALLERS.get("viewer-key-juba1").headers();
        assertThat(http.get("/api/v1/readings?camp=gao&asset=juba1-gen-1&" + RANGE, juba).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/events?mission=minusma&asset=juba1-gen-1&" + RANGE, juba).status())
            .isEqualTo(403);
        // Asset ids are unique within their camp (issue 15): juba1 in scope, it has no asset of that id.
        assertThat(http.get("/api/v1/readings?camp=juba1&asset=gao-gen-1&" + RANGE, juba).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/readings?asset=gao-gen-1&" + RANGE, juba).status()).isEqualTo(403);
    }

    static Stream<String> callers() {
        return CALLERS.keySet().stream();
    }

    /** One request for personal metrics and the camps it covers. */
    record PersonalProbe(String path, Set<String> camps, boolean export) {
        @Override
        public String toString() {
            return path;
        }
    }

    static List<PersonalProbe> personalProbes() {
        String vehicle = "/api/v1/assets/" + VEHICLE + "/readings?";
        String scoped = "/api/v1/camps/juba1/assets/" + VEHICLE + "/readings?";
        Set<String> juba = Set.of("juba1");
        return List.of(new PersonalProbe(vehicle + "metric=vehicle.lat&" + RANGE, juba, false),
            new PersonalProbe(vehicle + "include=location&format=csv&" + RANGE, juba, true),
            new PersonalProbe(scoped + "metric=vehicle.lon,vehicle.speed&" + RANGE, juba, false),
            new PersonalProbe(scoped + "include=location&bucket=1h&format=csv&" + RANGE, juba, true),
            new PersonalProbe("/api/v1/readings?camp=juba1&metric=vehicle.lat,vehicle.lon&bucket=1h&" + RANGE, juba,
                false),
            new PersonalProbe("/api/v1/readings?asset=" + VEHICLE + "&include=location&format=csv&" + RANGE, juba,
                true),
            new PersonalProbe("/api/v1/readings?camp=gao&metric=vehicle.lat&" + RANGE, Set.of("gao"), false),
            new PersonalProbe("/api/v1/readings?metric=vehicle.lon&bucket=1d&" + RANGE, Set.of("juba1", "gao"),
                false),
            new PersonalProbe("/api/v1/readings?include=location&bucket=1d&" + RANGE, Set.of("juba1", "gao"),
                false));
    }

    static Stream<Arguments> locationMatrix() {
        return LOCATION_CALLERS.keySet().stream().flatMap(c -> personalProbes().stream().map(p -> Arguments.of(c, p)));
    }

    @ParameterizedTest(name = "{0} GET {1}")
    @MethodSource("locationMatrix")
    void personalMetricsNeedTheLocationGrantForEveryCampAsked(String callerName, PersonalProbe probe) {
        Caller caller = LOCATION_CALLERS.get(callerName);
        Http.Answer answer = http.get(probe.path(), caller.headers());
        boolean located = LOCATED.get(callerName).containsAll(probe.camps());
        boolean allowed = located && (!probe.export() || caller.role().includes(Role.LOGISTICS));
        assertThat(answer.status()).as(answer.body()).isEqualTo(allowed ? 200 : 403);
        if (allowed) {
            assertThat(answer.body()).as("the positions asked for are served").containsAnyOf("vehicle.lat",
                "vehicle.lon");
        } else {
            assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(answer.body()).doesNotContain("4.85");
        }
        if (!probe.export() && located) {
            assertThat(answer.json().getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("camp")))
                .isNotEmpty().isSubsetOf(probe.camps());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCaller")
    void answersAndExportsThatDoNotAskForPositionsLeaveThemOut(String callerName) {
        Caller caller = CALLERS.containsKey(callerName) ? CALLERS.get(callerName) : LOCATION_CALLERS.get(callerName);
        boolean export = caller.role().includes(Role.LOGISTICS);
        for (String path : List.of("/api/v1/readings?bucket=1d&" + RANGE,
            "/api/v1/readings?camp=juba1&bucket=1h&limit=10000&" + RANGE, "/api/v1/assets/" + VEHICLE + "/readings?"
                + RANGE, "/api/v1/readings?camp=juba1&limit=10000&" + (export ? "format=csv&" : "") + RANGE)) {
            Http.Answer answer = http.get(path, caller.headers());
            if (!caller.camps().contains("juba1")) {
                continue;
            }
            assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(200);
            assertThat(answer.body()).as(path).contains("vehicle.speed").doesNotContain("vehicle.lat")
                .doesNotContain("vehicle.lon");
        }
        Http.Answer event = http.get("/api/v1/events/" + positionEvent, caller.headers());
        if (caller.camps().contains("juba1")) {
            JsonObject evidence = event.json().getJsonObject("evidence");
            boolean located = LOCATED.getOrDefault(callerName, Set.of()).contains("juba1");
            assertThat(evidence.containsKey("readings")).as("evidence readings of a position").isEqualTo(located);
            assertThat(evidence.getBoolean("readingsWithheld", false)).isEqualTo(!located);
        } else {
            assertThat(event.status()).isEqualTo(403);
        }
    }

    static Stream<String> everyCaller() {
        return Stream.concat(CALLERS.keySet().stream(), LOCATION_CALLERS.keySet().stream());
    }

    @Test
    void everyReadOfPositionsIsAuditedWithWhoWhatAndWhenForAdminsToQuery() {
        String[] located = LOCATION_CALLERS.get("key-location-juba1").headers();
        String path = "/api/v1/camps/juba1/assets/" + VEHICLE + "/readings";
        assertThat(http.get(path + "?metric=vehicle.lat&from=2026-03-01T06:00:00Z&to=2026-03-01T09:00:00Z",
            located).status()).isEqualTo(200);
        assertThat(http.get(path + "?metric=vehicle.lat&" + RANGE, LOCATION_CALLERS.get("key-no-location")
            .headers()).status()).isEqualTo(403);
        String audit = "/api/v1/audit?personal=true&from=2026-03-02T00:00:00Z&to=2026-03-04T00:00:00Z&limit=1000";
        String[] admin = CALLERS.get("admin-jwt-all").headers();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> entries(
            http.get(audit, admin).json(), path).size() > 0);
        List<JsonObject> reads = entries(http.get(audit, admin).json(), path);
        assertThat(reads).hasSize(1);
        JsonObject read = reads.get(0);
        assertThat(read.getString("principal")).startsWith("key:");
        assertThat(read.getString("at")).isNotNull();
        assertThat(read.getJsonArray("personalMetrics").getList()).containsExactly("vehicle.lat");
        assertThat(read.getJsonArray("personalAssets").getList()).containsExactly("juba1/" + VEHICLE);
        assertThat(read.getString("personalFrom")).isEqualTo("2026-03-01T06:00:00Z");
        assertThat(read.getString("personalTo")).isEqualTo("2026-03-01T09:00:00Z");
        assertThat(read.getJsonArray("camps").getList()).containsExactly("juba1");
        JsonObject all = http.get(audit.replace("personal=true", "personal=false"), admin).json();
        assertThat(all.getJsonArray("items").size()).as("personal=true keeps only the reads of personal data")
            .isGreaterThan(http.get(audit, admin).json().getJsonArray("items").size());
        assertThat(http.get(audit, LOCATION_CALLERS.get("key-location-juba1").headers()).status()).isEqualTo(403);
        assertThat(http.get(audit.replace("true", "yes"), admin).status()).isEqualTo(400);
    }

    /** The entries of {@code path} that read from 06:00, as the audit test's own read did. */
    private static List<JsonObject> entries(JsonObject page, String path) {
        return page.getJsonArray("items").stream().map(o -> (JsonObject) o)
            .filter(e -> path.equals(e.getString("path")) && "2026-03-01T06:00:00Z".equals(e.getString("personalFrom")))
            .toList();
    }

    private static List<String> campsOf(JsonObject page, String field) {
        return page.getJsonArray("items").stream().map(o -> ((JsonObject) o).getString(field)).distinct().toList();
    }
}
