package org.smartcamp.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.smartcamp.analytics.alarm.AlarmEvaluator;
import org.smartcamp.analytics.alarm.AlarmLifecycle;
import org.smartcamp.analytics.alarm.AlarmMetrics;
import org.smartcamp.analytics.alarm.AlarmRule;
import org.smartcamp.analytics.alarm.RuleParser;
import org.smartcamp.analytics.alarm.RuleStore;
import org.smartcamp.analytics.alarm.SelfAddress;
import org.smartcamp.api.auth.ApiKeys;
import org.smartcamp.api.store.ApiKeyRecord;
import org.smartcamp.api.store.ApiKeyStore;
import org.smartcamp.api.ApiConfig;
import org.smartcamp.api.ApiService;
import org.smartcamp.api.JwtConfig;
import org.smartcamp.ingest.catalogue.EventKind;
import org.smartcamp.ingest.testsupport.MigratedStore;

/**
 * The dashboard in Debian's headless Chromium against the real API server over a schema with known data
 * ({@link DashboardFixture}): it signs in with an API key, visits every view, waits until each chart is drawn
 * (a Chart.js instance on a sized canvas with painted pixels), compares the numbers on the page with the API's
 * and with the fixture's known answers, and reads the browser console after each step: no errors, no
 * Content-Security-Policy violations. The server sends a stricter page policy than its default (no inline
 * styles either), so the dashboard is shown to work under it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardIT {
    /** No inline script or style, no eval, nothing from another origin. */
    static final String STRICT_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    private static final String JWT_SECRET = "dashboard-test-secret-of-at-least-32-bytes";
    private static final Set<String> ALERT_KINDS = Arrays.stream(EventKind.values()).filter(EventKind::alert)
        .map(EventKind::id).collect(Collectors.toSet());
    private static MigratedStore store;
    private static DashboardFixture fixture;
    private static ApiService service;
    private static ApiClient api;
    private static Browser browser;
    private static DashboardPage page;

    @BeforeAll
    static void start() throws Exception {
        Browser.assumeAvailable();
        store = MigratedStore.create("dashboard");
        fixture = DashboardFixture.load(store.dataSource(), Instant.now());
        ApiConfig config = ApiConfig.defaults().withHttp(new ApiConfig.HttpPolicy(List.of(), STRICT_CSP, null, null))
            .withJwt(new JwtConfig("HS256", JWT_SECRET, null, null, null, null, Duration.ofSeconds(5)));
        service = new ApiService(config, store.dataSource(), Clock.systemUTC());
        service.start();
        api = new ApiClient(service.url(), fixture.clientKey());
        browser = Browser.start();
        page = new DashboardPage(browser);
    }

    @AfterEach
    void screenshot(TestInfo test) {
        browser.screenshot(test);
    }

    @AfterAll
    static void stop() throws Exception {
        Browser.closeAll(browser, service, store);
    }

    @Test
    @Order(1)
    void signInRefusesAnUnknownKeyAndKeepsNothing() {
        browser.driver().get(service.url() + "/");
        type("sck_" + "A".repeat(43));
        WebElement error = browser.until(() -> {
            WebElement e = browser.driver().findElement(By.id("login-error"));
            return e.isDisplayed() ? e : null;
        });
        assertThat(error.getText()).startsWith("Not accepted").contains("not valid");
        assertThat(browser.js("return sessionStorage.length")).isEqualTo(0L);
        assertThat(browser.consoleErrors()).allMatch(m -> m.contains("401"));
    }

    @Test
    @Order(2)
    void campsOverviewShowsDaysOfSupplyReorderDatesAndAlertsAsTheApiServesThem() {
        type(fixture.browserKey());
        // Two camps in scope: the mission overview comes first (AccessibleDashboardIT checks it).
        waitForView("overview");
        go("#/camps", "camps");
        List<JsonObject> current = api.items("/api/v1/figures/current?figure=days_of_supply");
        assertThat(current).hasSize(3);
        for (JsonObject f : current) {
            WebElement cell = element("[data-camp='camp-a'] [data-figure='days_of_supply'][data-subject='"
                + f.getString("subjectId") + "']");
            assertThat(cell.getText()).isEqualTo(format(f.getDouble("value"), 1) + " d");
            assertThat(cell.findElement(By.xpath("..")).getText()).contains("(" + format(f.getDouble("low"), 1) + "–"
                + format(f.getDouble("high"), 1) + ")")
                .contains("coverage " + format(f.getDouble("coverage") * 100, 0));
        }
        for (String tank : List.of(DashboardFixture.TANK_1, DashboardFixture.TANK_2)) {
            assertThat(element("tr[data-subject='" + tank + "'] [data-reorder]").getAttribute("data-reorder"))
                .isEqualTo(fixture.reorderDate(tank));
        }
        assertThat(element("tr[data-subject='tank-a2'] [data-reorder]").getText()).startsWith("reorder now");
        long alerts = api.items("/api/v1/events?camp=camp-a&" + range(7)).stream()
            .filter(e -> ALERT_KINDS.contains(e.getString("kind"))).count();
        assertThat(alerts).as("theft, low load, stale sensor; the refuels are routine").isEqualTo(3);
        assertThat(element("[data-camp='camp-a'] [data-alerts]").getAttribute("data-alerts")).isEqualTo("3");
        assertThat(element("[data-camp='camp-b'] tr[data-subject='tank-b1']").getText()).contains("no figure");
        assertNoConsoleErrors();
    }

    @Test
    @Order(3)
    void fuelViewChartsTankLevelsWithTheirGapAndTheDailyConsumption() {
        go("#/fuel/camp-a", "fuel");
        Map<String, Object> levels = chart("tank-levels");
        List<Double> tank1 = values(levels, "Bulk tank 1");
        List<JsonObject> buckets = api.items("/api/v1/assets/tank-a1/readings?metric=fuel.volume&bucket=1h&"
            + range(14));
        assertThat(tank1.stream().filter(Objects::nonNull).toList())
            .isEqualTo(buckets.stream().map(b -> b.getDouble("value")).toList());
        assertThat(tank1.stream().filter(Objects::isNull).count()).as("one break where hours are missing").isEqualTo(1);
        JsonObject last = buckets.get(buckets.size() - 1);
        assertThat(last.getDouble("last")).isEqualTo(DashboardFixture.TANK_1_LAST_L);
        assertThat(element("[data-level='tank-a1']").getText()).isEqualTo(format(last.getDouble("last"), 0) + " L");

        Map<String, Object> consumption = chart("fuel-consumption");
        JsonObject summary = api.get("/api/v1/camps/camp-a/fuel?" + range(14));
        for (String asset : List.of(DashboardFixture.GEN_1, DashboardFixture.GEN_2)) {
            List<Double> expected = summary.getJsonArray("daily").stream().map(JsonObject.class::cast)
                .filter(r -> asset.equals(r.getString("subjectId")) && "fuel_consumed_l".equals(r.getString("figure")))
                .map(r -> r.getDouble("value")).toList();
            assertThat(expected).hasSize(5);
            assertThat(values(consumption, asset.equals(DashboardFixture.GEN_1) ? "Genset 1" : "Genset 2"))
                .isEqualTo(expected);
        }
        assertThat(values(consumption, "camp total")).hasSize(5);
        assertThat(values(consumption, "coverage")).containsExactly(100.0, 100.0, 60.0, 95.0, 45.0);
        assertThat(element("[data-kind='theft']").getText()).contains("180.0 L");
        for (String tank : List.of(DashboardFixture.TANK_1, DashboardFixture.TANK_2)) {
            assertThat(element("[data-figure='reorder_date'][data-subject='" + tank + "']").getText())
                .as("the reorder date among all fuel figures, as a date").isEqualTo(fixture.reorderDate(tank));
        }
        assertNoConsoleErrors();
    }

    @Test
    @Order(4)
    void generatorViewShowsHoursInLoadBandsFromTheHourlyRollups() {
        go("#/power/camp-a", "power");
        assertThat(number("[data-running='gen-a1']")).isEqualTo(DashboardFixture.GEN_1_RUNNING_H);
        assertThat(number("[data-wet='gen-a1']")).isEqualTo(DashboardFixture.GEN_1_BELOW_30_H);
        assertThat(number("[data-target='gen-a1']")).isEqualTo(DashboardFixture.GEN_1_TARGET_H);
        assertThat(number("[data-target='gen-a2']")).isEqualTo(10.0);
        assertThat(number("[data-load='gen-a1']")).isCloseTo(DashboardFixture.GEN_1_MEAN_LOAD, within(1e-9));
        assertThat(element("[data-load='gen-a1']").getText())
            .isEqualTo(format(DashboardFixture.GEN_1_MEAN_LOAD * 100, 0) + " %");

        Map<String, Object> bands = chart("load-bands");
        assertThat(values(bands, "< 30 %")).containsExactly(24.0, 0.0);
        assertThat(values(bands, "60–80 % (target)")).containsExactly(24.5, 10.0);
        Map<String, Object> loadFactor = chart("load-factor");
        assertThat(values(loadFactor, "Genset 1").stream().filter(Objects::nonNull).distinct().sorted().toList())
            .containsExactly(25.0, 70.0);
        Map<String, Object> daily = chart("power-daily");
        assertThat(values(daily, "Genset 1")).as("the mean load factor, a ratio, as a percentage")
            .containsExactly(25.0, 25.0, 70.0, 70.0, 35.0);
        assertNoConsoleErrors();
    }

    @Test
    @Order(5)
    void eventsListLeadsToTheEvidenceOfAnEvent() {
        go("#/events", "events");
        List<JsonObject> events = api.items("/api/v1/events?" + range(14));
        assertThat(events).hasSize(5);
        assertThat(element("[data-count]").getAttribute("data-count")).isEqualTo("5");
        element("a[data-event='" + fixture.theftId() + "']").click();
        waitForView("events");
        JsonObject event = api.get("/api/v1/events/" + fixture.theftId());
        JsonObject evidence = event.getJsonObject("evidence");
        Map<String, Object> chart = chart("evidence");
        List<Double> readings = evidence.getJsonArray("readings").stream()
            .map(r -> ((JsonObject) r).getDouble("value")).toList();
        assertThat(values(chart, "Fuel volume")).as("the metric's label, not its name").isEqualTo(readings)
            .hasSize(25);
        assertThat(DashboardPage.axis(chart, "y").get("title")).isEqualTo("Fuel volume (L)");
        // the explanation written again from the figures in the page's language, not the stored one
        assertThat(element("[data-explanation]").getText()).isEqualTo(event.getString("localizedExplanation")
            .replace('\u00a0', ' ')).startsWith("180 L went missing").isNotEqualTo(evidence.getString("explanation"));
        assertThat(number("[data-evidence-figure='loss_l']")).isEqualTo(175.8);
        assertThat(element("[data-quantity]").getText()).isEqualTo(format(event.getDouble("quantity"), 1) + " L");
        assertNoConsoleErrors();
    }

    @Test
    @Order(6)
    void utilizationViewShowsTheShareOfHoursInUseAndTheAssetsFigures() {
        go("#/utilization/camp-a", "utilization");
        assertThat(number("[data-utilization='veh-a1']")).isEqualTo(DashboardFixture.VEHICLE_SHARE);
        assertThat(number("[data-on-hours='veh-a1']")).isEqualTo(DashboardFixture.VEHICLE_ON_H);
        assertThat(number("[data-utilization='gen-a1']"))
            .isCloseTo(DashboardFixture.GEN_1_RUNNING_H / DashboardFixture.HOURS, within(1e-9));
        Map<String, Object> share = chart("utilization");
        assertThat(values(share, "in use")).contains(25.0);
        chart("on-hours");
        JsonObject asset = api.get("/api/v1/assets/gen-a1/utilization?" + range(14));
        JsonObject service = asset.getJsonArray("current").stream().map(JsonObject.class::cast)
            .filter(f -> "hours_to_service".equals(f.getString("figure"))).findFirst().orElseThrow();
        assertThat(element("[data-figure='hours_to_service'][data-subject='gen-a1']").getText())
            .isEqualTo(format(service.getDouble("value"), 1) + " h");
        chart("asset-daily");
        assertNoConsoleErrors();
    }

    @Test
    @Order(7)
    void dataQualityViewShowsCoveragePerSubjectStaleSensorsAndGateways() {
        go("#/quality", "quality");
        List<JsonObject> items = api.items("/api/v1/data-quality?" + range(14));
        assertThat(items).isNotEmpty();
        for (JsonObject item : items) {
            assertThat(number("[data-coverage-mean='" + item.getString("subjectId") + "']"))
                .isEqualTo(item.getDouble("coverageMean"));
        }
        assertThat(values(chart("coverage"), "mean coverage")).hasSize(items.size());
        assertThat(browser.driver().findElements(By.cssSelector("tr[data-gateway]"))).hasSize(2);
        assertThat(element("tr[data-gateway='gw-b']").getText()).contains("3 h ago");
        assertThat(element("tr[data-kind='stale_sensor']").getText()).contains("Day tank 2");
        assertNoConsoleErrors();
    }

    @Test
    @Order(8)
    void aCampWithoutDataShowsEmptyStatesNotZeros() {
        go("#/fuel/camp-b", "fuel");
        assertThat(text()).contains("No tank level readings in this range.").contains("No daily figures");
        assertThat(element("tr[data-subject='tank-b1']").getText()).contains("no data").contains("no figure");
        go("#/power/camp-b", "power");
        assertThat(text()).contains("No generators registered in this camp.");
        go("#/utilization/camp-b", "utilization");
        assertThat(text()).contains("No on/off readings in this range.");
        assertNoConsoleErrors();
    }

    @Test
    @Order(9)
    void theCredentialNeverAppearsInAUrl() throws Exception {
        Object resources = browser.js("return performance.getEntriesByType('resource').map(e => e.name).join(' ')");
        assertThat((String) resources).contains("/api/v1/").doesNotContain(fixture.browserKey());
        service.flushAudit();
        try (Connection c = store.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*), count(*) FILTER (WHERE path LIKE ? OR "
                 + "coalesce(query, '') LIKE ?) FROM api_audit WHERE principal = 'key:dashboard-browser'")) {
            String secret = "%" + fixture.browserKey() + "%";
            ps.setString(1, secret);
            ps.setString(2, secret);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).as("requests the browser made").isGreaterThan(10);
                assertThat(rs.getLong(2)).as("requests with the key in the URL").isZero();
            }
        }
        assertNoConsoleErrors();
    }

    @Test
    @Order(10)
    void aRefusedCredentialLeadsBackToSignInAndSignOutForgetsIt() {
        browser.js("sessionStorage.setItem('smartcamp.credential', arguments[0]);"
            + "document.getElementById('view').dataset.state = 'stale'; location.hash = '#/quality';",
            "sck_" + "B".repeat(43));
        WebElement error = browser.until(() -> {
            WebElement e = browser.driver().findElement(By.id("login-error"));
            return e.isDisplayed() ? e : null;
        });
        assertThat(error.getText()).contains("refused");
        assertThat(browser.js("return sessionStorage.getItem('smartcamp.credential')")).isNull();
        assertThat(browser.consoleErrors()).allMatch(m -> m.contains("401"));
        type(fixture.browserKey());
        waitForView("quality");
        browser.driver().findElement(By.id("logout")).click();
        assertThat(browser.driver().findElement(By.id("login")).isDisplayed()).isTrue();
        assertThat(browser.js("return sessionStorage.length")).isEqualTo(0L);
        assertNoConsoleErrors();
    }

    @Test
    @Order(11)
    void aTokenSignsInAndShowsOnlyTheCampsItGrants() throws Exception {
        long exp = Instant.now().plus(Duration.ofHours(1)).getEpochSecond();
        type(jwt("{\"sub\": \"bravo-officer\", \"role\": \"viewer\", \"missions\": [], \"camps\": [\"camp-b\"], "
            + "\"exp\": " + exp + "}"));
        go("#/camps", "camps");
        assertThat(browser.driver().findElement(By.id("who")).getText()).isEqualTo("signed in as bravo-officer");
        assertThat(browser.driver().findElements(By.cssSelector("[data-camp]")))
            .extracting(e -> e.getAttribute("data-camp")).containsExactly("camp-b");
        go("#/fuel/camp-a", "fuel");
        assertThat(text()).contains("Fuel: Bravo outpost").doesNotContain("Alpha");
        assertNoConsoleErrors();
    }

    @Test
    @Order(12)
    void anAlarmAppearsInTheInboxIsAcknowledgedWithACommentAndItsEventLinkOpensTheEvidence() throws Exception {
        long alarm = raiseTheftAlarm();
        String key = ApiKeys.newSecret();
        try (Connection c = store.dataSource().getConnection()) {
            ApiKeyStore.insert(c, new ApiKeyRecord(ApiKeys.newId(), "dashboard logistics", "logistics",
                List.of(DashboardFixture.MISSION), List.of(), null, null, null), ApiKeys.hash(key));
        }
        browser.driver().findElement(By.id("logout")).click();
        type(key);
        WebElement count = browser.until(() -> {
            WebElement e = element("#alarm-count");
            return "1".equals(e.getAttribute("data-active")) && e.isDisplayed() ? e : null;
        });
        assertThat(count.getText()).isEqualTo("1 active alarm");
        go("#/alarms", "alarms");
        WebElement row = element("tr[data-alarm-row='" + alarm + "']");
        assertThat(row.findElement(By.cssSelector("[data-severity]")).getText()).isEqualTo("Critical");
        assertThat(row.getText()).contains("Suspected theft: 180 L on " + DashboardFixture.TANK_1);
        row.findElement(By.cssSelector("a[data-alarm]")).click();
        waitForView("alarms");
        browser.driver().findElement(By.id("alarm-comment")).sendKeys("Guard on duty questioned; tank padlocked");
        browser.driver().findElement(By.id("alarm-acknowledge")).click();
        browser.until(() -> browser.driver().findElements(By.cssSelector("tr[data-action='acknowledged']"))
            .isEmpty() ? null : true);
        waitForView("alarms");
        assertThat(element("tr[data-action='acknowledged']").getText())
            .contains("Guard on duty questioned; tank padlocked");
        assertThat(element("[data-alarm-status]").getAttribute("data-alarm-status")).isEqualTo("acknowledged");
        JsonObject stored = api.get("/api/v1/alarms/" + alarm);
        assertThat(stored.getString("status")).isEqualTo("acknowledged");
        assertThat(stored.getString("acknowledgedBy")).startsWith("key:");
        browser.until(() -> "0".equals(element("#alarm-count").getAttribute("data-active")) ? true : null);
        element("a[data-event-link='" + fixture.theftId() + "']").click();
        waitForView("events");
        assertThat(element("[data-explanation]").getText()).isEqualTo(api.get("/api/v1/events/"
            + fixture.theftId()).getString("localizedExplanation").replace('\u00a0', ' '));
        assertNoConsoleErrors();
    }

    /** A critical theft rule of the fixture's mission and the alarm it raises from the fixture's theft. */
    private static long raiseTheftAlarm() throws Exception {
        AlarmRule rule = new RuleParser(SelfAddress.NONE).parse(new ObjectMapper().readTree("{\"name\":\"theft\","
            + "\"mission\":\"" + DashboardFixture.MISSION + "\",\"condition\":\"theft\",\"severity\":\"critical\"}"),
            AlarmRule.API);
        AlarmRule stored;
        try (Connection c = store.dataSource().getConnection()) {
            stored = rule.withId(RuleStore.insert(c, rule, "test", Instant.now()));
        }
        // with no connection held here: the evaluator takes its own from the same small pool
        AlarmEvaluator evaluator = new AlarmEvaluator(store.dataSource(), new AlarmLifecycle(service.url(),
            AlarmMetrics.NONE), Duration.ofDays(30), AlarmMetrics.NONE);
        assertThat(evaluator.evaluate(Instant.now()).raised()).isEqualTo(1);
        try (Connection c = store.dataSource().getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM alarms WHERE rule_id = ?")) {
                ps.setLong(1, stored.id());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }
    }

    /** An HS256 token over {@code claims}, signed with the server's secret. */
    private static String jwt(String claims) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String unsigned = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
            + "." + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(JWT_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return unsigned + "." + b64.encodeToString(mac.doFinal(unsigned.getBytes(StandardCharsets.UTF_8)));
    }

    private static void type(String credential) {
        page.signIn(credential);
    }

    private static void go(String hash, String view) {
        page.go(hash, view);
    }

    private static void waitForView(String view) {
        page.waitForView(view);
    }

    private static Map<String, Object> chart(String name) {
        return page.chart(name);
    }

    private static List<Double> values(Map<String, Object> chart, String label) {
        return DashboardPage.values(chart, label);
    }

    private static WebElement element(String css) {
        return browser.driver().findElement(By.cssSelector(css));
    }

    /** The raw number behind a shown value (its data-value). */
    private static double number(String css) {
        return Double.parseDouble(element(css).getAttribute("data-value"));
    }

    private static String text() {
        return page.text();
    }

    private static void assertNoConsoleErrors() {
        assertThat(browser.consoleErrors()).as("browser console errors").isEmpty();
    }

    /** The range the dashboard asks for: from the hour {@code days} ago to the end of the current hour. */
    private static String range(int days) {
        Instant now = Instant.now();
        return "from=" + now.minus(Duration.ofDays(days)).truncatedTo(ChronoUnit.HOURS) + "&to="
            + now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
    }

    /** A number as the dashboard formats it (toFixed on the exact value, thousands separated). */
    static String format(double v, int digits) {
        BigDecimal exact = new BigDecimal(v).setScale(digits, RoundingMode.HALF_UP);
        return String.format(Locale.ROOT, "%,." + digits + "f", exact);
    }
}
