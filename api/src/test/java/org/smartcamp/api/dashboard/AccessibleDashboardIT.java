package org.smartcamp.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.smartcamp.api.ApiConfig;
import org.smartcamp.api.ApiService;
import org.smartcamp.ingest.testsupport.MigratedStore;

/**
 * Issue 18 in Debian's headless Chromium over {@link DashboardFixture}'s two camps: the mission overview (camps on
 * an offline map and in a sortable table, no request leaving the server's origin), the language switch (French
 * texts, French number formats, the choice remembered, problem documents in French), the keyboard alone (sign-in,
 * view switch, an event) and axe-core's WCAG 2.1 A/AA rules on every view in English and French. Screenshots go to
 * docs/img/ for docs/dashboard.md.
 */
@org.junit.jupiter.api.TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessibleDashboardIT {
    private static final Path DOCS_IMG = Path.of("..", "docs", "img");
    private static MigratedStore store;
    private static DashboardFixture fixture;
    private static ApiService service;
    private static ApiClient api;
    private static Browser browser;
    private static DashboardPage page;

    @BeforeAll
    static void start() throws Exception {
        Browser.assumeAvailable();
        store = MigratedStore.create("dashboard_a11y");
        fixture = DashboardFixture.load(store.dataSource(), Instant.now());
        alarms();
        ApiConfig config = ApiConfig.defaults()
            .withHttp(new ApiConfig.HttpPolicy(List.of(), DashboardIT.STRICT_CSP, null, null));
        service = new ApiService(config, store.dataSource(), Clock.systemUTC());
        service.start();
        api = new ApiClient(service.url(), fixture.clientKey());
        browser = Browser.start();
        page = new DashboardPage(browser);
    }

    @AfterEach
    void noConsoleErrors() {
        assertThat(browser.consoleErrors()).as("browser console errors").isEmpty();
    }

    @AfterAll
    static void stop() throws Exception {
        Browser.closeAll(browser, service, store);
    }

    @Test
    @Order(1)
    void theKeyboardAloneSignsInSwitchesViewsAndOpensAnEvent() {
        browser.driver().get(service.url() + "/");
        browser.until(() -> browser.driver().findElement(By.id("credential")).isDisplayed());
        tabTo("#credential", 20).sendKeys(fixture.browserKey());
        tabTo("#sign-in", 5).sendKeys(Keys.ENTER);
        page.waitForView("overview");
        tabTo("#nav a[data-view='events']", 30).sendKeys(Keys.ENTER);
        page.waitForView("events");
        WebElement event = tabTo("a[data-event='" + fixture.theftId() + "']", 80);
        event.sendKeys(Keys.ENTER);
        browser.until(() -> browser.js("return location.hash").equals("#/events/" + fixture.theftId())
            && "ready".equals(browser.js("return document.getElementById('view').dataset.state")));
        assertThat(browser.driver().findElement(By.cssSelector("[data-explanation]")).getText()).isNotBlank();
    }

    @Test
    @Order(2)
    void theOverviewShowsEveryCampOnAnOfflineMapAndInASortableTable() throws Exception {
        page.go("#/overview", "overview");
        List<JsonObject> camps = api.items("/api/v1/camps");
        assertThat(camps).hasSize(2);
        assertThat(rows()).containsExactlyInAnyOrder(DashboardFixture.CAMP, DashboardFixture.EMPTY_CAMP);
        // The map: both camps as markers over the shipped boundaries (SVG paths), no tile images.
        WebElement map = browser.until(() -> {
            WebElement m = browser.driver().findElement(By.id("overview-map"));
            return "true".equals(m.getAttribute("data-drawn")) ? m : null;
        });
        assertThat(map.getAttribute("data-markers")).isEqualTo("2");
        Long countries = (Long) browser.js("return document.querySelectorAll('#overview-map path').length");
        assertThat(countries).as("SVG paths: country boundaries and markers").isGreaterThan(100L);
        assertThat(browser.js("return document.querySelectorAll('#overview-map img').length")).isEqualTo(0L);
        @SuppressWarnings("unchecked")
        List<String> resources = (List<String>) browser.js(
            "return performance.getEntriesByType('resource').map(e => e.name);");
        String origin = URI.create(service.url()).resolve("/").toString();
        assertThat(resources).as("every request of the page").isNotEmpty()
            .contains(origin + "data/countries-110m.geojson", origin + "vendor/leaflet/leaflet.js")
            .allMatch(r -> r.startsWith(origin), "stays on " + origin);
        // Days of supply as the API serves it; the camp without the figure says so.
        JsonObject dos = api.items("/api/v1/figures/current?figure=days_of_supply&camp=camp-a").stream()
            .filter(f -> "camp".equals(f.getString("subjectKind"))).findFirst().orElseThrow();
        assertThat(cell(DashboardFixture.CAMP, "[data-figure='days_of_supply']").getText())
            .isEqualTo(String.format(Locale.ROOT, "%.1f d", dos.getDouble("value")));
        assertThat(row(DashboardFixture.EMPTY_CAMP).getText()).contains("no figure");
        // Active alarms by severity as the API counts them (the acknowledged one is not active), in words.
        JsonObject active = api.get("/api/v1/alarms?status=active").getJsonObject("activeByCamp");
        JsonObject campA = active.getJsonObject(DashboardFixture.CAMP);
        assertThat(List.of(campA.getLong("critical"), campA.getLong("major"), campA.getLong("minor"),
            campA.getLong("warning"))).containsExactly(1L, 0L, 2L, 0L);
        for (String camp : List.of(DashboardFixture.CAMP, DashboardFixture.EMPTY_CAMP)) {
            WebElement alarms = cell(camp, "[data-alarms]");
            for (String severity : List.of("critical", "major", "minor", "warning")) {
                assertThat(alarms.getAttribute("data-" + severity)).as(camp + " " + severity)
                    .isEqualTo(String.valueOf(active.getJsonObject(camp).getLong(severity)));
            }
        }
        assertThat(cell(DashboardFixture.CAMP, "[data-alarms]").getText()).contains("Critical 1").contains("Minor 2")
            .doesNotContain("Major");
        assertThat(cell(DashboardFixture.EMPTY_CAMP, "[data-alarms]").getText()).isEqualTo("Warning 1");
        // By alarms: a critical one outranks any number of lesser ones.
        sortBy("alarms");
        assertThat(rows()).containsExactly(DashboardFixture.EMPTY_CAMP, DashboardFixture.CAMP);
        sortBy("alarms");
        assertThat(rows()).containsExactly(DashboardFixture.CAMP, DashboardFixture.EMPTY_CAMP);
        // Sorting: by name both ways, by days of supply with the camp without a figure last.
        sortBy("camp");
        assertThat(rows()).containsExactly(DashboardFixture.CAMP, DashboardFixture.EMPTY_CAMP);
        sortBy("camp");
        assertThat(rows()).containsExactly(DashboardFixture.EMPTY_CAMP, DashboardFixture.CAMP);
        assertThat(browser.driver().findElement(By.cssSelector("th[aria-sort]")).getAttribute("aria-sort"))
            .isEqualTo("descending");
        sortBy("dos");
        assertThat(rows()).containsExactly(DashboardFixture.CAMP, DashboardFixture.EMPTY_CAMP);
        sortBy("dos");
        assertThat(rows()).containsExactly(DashboardFixture.CAMP, DashboardFixture.EMPTY_CAMP);
        docsScreenshot("overview.png");
        Files.write(DOCS_IMG.resolve("map.png"), map.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    @Order(3)
    void withoutAChoiceTheBrowsersLanguagePicksFrench() {
        String agent = (String) browser.js("return navigator.userAgent;");
        browser.driver().executeCdpCommand("Emulation.setUserAgentOverride",
            Map.of("userAgent", agent, "acceptLanguage", "fr-CA,fr;q=0.9,en;q=0.5"));
        try {
            browser.js("localStorage.removeItem('smartcamp.lang'); location.reload();");
            page.waitForView("overview");
            browser.until(() -> "fr".equals(browser.js("return document.documentElement.lang")));
            assertThat(browser.js("return navigator.languages[0]")).isEqualTo("fr-CA");
            assertThat(browser.driver().findElement(By.cssSelector("#nav a[data-view='overview']")).getText())
                .isEqualTo("Vue d’ensemble");
            assertThat(browser.js("return localStorage.getItem('smartcamp.lang')")).as("not a choice").isNull();
        } finally {
            browser.driver().executeCdpCommand("Emulation.setUserAgentOverride",
                Map.of("userAgent", agent, "acceptLanguage", "en-US,en"));
        }
        browser.js("location.reload();");
        page.waitForView("overview");
        browser.until(() -> "en".equals(browser.js("return document.documentElement.lang")));
    }

    @Test
    @Order(4)
    void frenchIsOneSwitchAwayRememberedAndFormatsNumbersTheFrenchWay() throws Exception {
        page.go("#/fuel/camp-a", "fuel");
        language("fr");
        page.waitForView("fuel");
        browser.until(() -> "fr".equals(browser.js("return document.documentElement.lang")));
        assertThat(browser.driver().findElement(By.cssSelector("#nav a[data-view='overview']")).getText())
            .isEqualTo("Vue d’ensemble");
        WebElement level = browser.driver().findElement(By.cssSelector("[data-level='tank-a1']"));
        double litres = Double.parseDouble(level.getAttribute("data-value"));
        assertThat(litres).isGreaterThan(999);
        NumberFormat french = NumberFormat.getIntegerInstance(Locale.FRENCH);
        assertThat(spaces(level.getText())).isEqualTo(spaces(french.format(Math.round(litres)) + " L"))
            .contains(" ").doesNotContain(",");
        assertThat(page.text()).contains("Cuves").contains("Jours d’autonomie").doesNotContain("Tank levels");
        browser.driver().navigate().refresh();
        page.waitForView("fuel");
        assertThat(browser.js("return document.documentElement.lang")).isEqualTo("fr");
        assertThat(browser.js("return localStorage.getItem('smartcamp.lang')")).isEqualTo("fr");
        page.go("#/overview", "overview");
        assertThat(page.text()).contains("Vue d’ensemble de la mission").contains("Jours d’autonomie");
        docsScreenshot("languages.png");
        // The detector's explanation, written again from the event's figures in French, numbers the French way.
        page.go("#/events/" + fixture.theftId(), "events");
        assertThat(spaces(browser.driver().findElement(By.cssSelector("[data-explanation]")).getText()))
            .startsWith("180 L ont disparu entre").contains("de 14 000 L à 13 820 L").doesNotContain("went missing");
        page.go("#/events", "events");
        assertThat(spaces(page.text())).contains("180 L ont disparu entre").doesNotContain("The tank lost");
        page.go("#/overview", "overview");
        // The API's problem documents follow Accept-Language.
        assertThat(problem("fr").getString("title")).isEqualTo("Interdit");
        assertThat(problem("fr").getString("detail")).contains("n’est pas dans le périmètre");
        assertThat(problem("en").getString("title")).isEqualTo("Forbidden");
        language("en");
        page.waitForView("overview");
        browser.until(() -> "en".equals(browser.js("return document.documentElement.lang")));
    }

    @Test
    @Order(5)
    void axeFindsNoWcagViolationOnAnyViewInEitherLanguage() throws Exception {
        Axe axe = Axe.load();
        List<String[]> views = List.of(new String[] {"#/overview", "overview"}, new String[] {"#/camps", "camps"},
            new String[] {"#/fuel/camp-a", "fuel"}, new String[] {"#/fuel/camp-b", "fuel"},
            new String[] {"#/power/camp-a", "power"}, new String[] {"#/events", "events"},
            new String[] {"#/events/" + fixture.theftId(), "events"},
            new String[] {"#/utilization/camp-a/gen-a1", "utilization"}, new String[] {"#/quality", "quality"},
            new String[] {"#/alarms", "alarms"});
        Map<String, List<String>> found = new TreeMap<>();
        Map<String, List<String>> english = new TreeMap<>();
        List<String> englishLabels = englishLabels();
        for (String lang : List.of("en", "fr")) {
            language(lang);
            browser.until(() -> lang.equals(browser.js("return document.documentElement.lang")));
            for (String[] v : views) {
                page.go(v[0], v[1]);
                // Open every chart's table, so that the text alternatives are checked too.
                browser.js("document.querySelectorAll('[data-table-toggle]').forEach(b => b.click());");
                if ("fr".equals(lang)) {
                    String shown = (String) browser.js(DashboardReadabilityIT.SHOWN);
                    List<String> left = englishLabels.stream().filter(l -> java.util.regex.Pattern.compile(
                        "(?<![\\p{L}])" + java.util.regex.Pattern.quote(l) + "(?![\\p{L}])").matcher(shown).find())
                        .toList();
                    if (!left.isEmpty()) {
                        english.put(v[0], left);
                    }
                }
                List<String> violations = axe.violations(browser);
                if (!violations.isEmpty()) {
                    found.put(lang + " " + v[0], violations);
                }
                if ("en".equals(lang) && v[0].equals("#/fuel/camp-a")) {
                    docsScreenshot("accessibility.png");
                }
            }
        }
        // The sign-in page, signed out.
        browser.js("sessionStorage.clear(); location.hash = '#/overview'; location.reload();");
        browser.until(() -> browser.driver().findElement(By.id("credential")).isDisplayed());
        List<String> signIn = axe.violations(browser);
        if (!signIn.isEmpty()) {
            found.put("sign-in", signIn);
        }
        assertThat(found).as("axe-core %s violations (WCAG 2.1 A/AA)", Axe.VERSION).isEmpty();
        assertThat(english).as("English catalogue labels in the French views").isEmpty();
    }

    /**
     * The catalogue's English labels that differ from their French ones (figures, event kinds, asset kinds, alarm
     * conditions, and metrics as the dashboard shows them, up to the first comma): none may be in a French view.
     */
    private static List<String> englishLabels() {
        JsonObject catalogue = api.get("/api/v1/catalogue");
        List<String> out = new java.util.ArrayList<>();
        for (String list : List.of("figures", "eventKinds", "assetKinds", "alarmConditions", "metrics")) {
            for (Object o : catalogue.getJsonArray(list)) {
                JsonObject label = ((JsonObject) o).getJsonObject("label");
                if (label != null && !label.getString("en").equals(label.getString("fr"))) {
                    out.add(label.getString("en").split(",")[0].trim());
                }
            }
        }
        assertThat(out).as("the labels the check looks for").contains("Suspected theft", "Fuel consumed",
            "Generator", "Fuel volume");
        return out;
    }

    /**
     * Alarms of one rule: in camp-a one critical and two minor alarms active and a major one acknowledged, in camp-b
     * one warning.
     */
    private static void alarms() throws Exception {
        try (java.sql.Connection c = store.dataSource().getConnection(); java.sql.Statement s = c.createStatement()) {
            s.execute("INSERT INTO alarm_rules (name, mission_id, condition, severity) VALUES ('overview', 'unmiss', "
                + "'theft', 'critical')");
            String rule = "(SELECT id FROM alarm_rules WHERE name = 'overview')";
            StringBuilder sql = new StringBuilder("INSERT INTO alarms (rule_id, mission_id, camp_id, condition, "
                + "subject_key, severity, status, summary, raised_at, updated_at) VALUES ");
            String[][] rows = {{"camp-a", "critical", "active"}, {"camp-a", "minor", "active"},
                {"camp-a", "minor", "active"}, {"camp-a", "major", "acknowledged"}, {"camp-b", "warning", "active"}};
            for (int i = 0; i < rows.length; i++) {
                sql.append(i == 0 ? "(" : ", (").append(rule).append(", 'unmiss', '").append(rows[i][0])
                    .append("', 'theft', 'test:").append(i).append("', '").append(rows[i][1]).append("', '")
                    .append(rows[i][2]).append("', 'test alarm', now(), now())");
            }
            s.execute(sql.toString());
        }
    }

    private static JsonObject problem(String lang) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(service.url() + "/api/v1/camps/not-in-scope")).header("X-API-Key", fixture.clientKey())
            .header("Accept-Language", lang + ";q=0.9, de;q=0.5").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.headers().firstValue("Content-Language")).contains(lang);
        return new JsonObject(r.body());
    }

    /** Presses Tab until the element matching {@code css} has the focus (at most {@code max} times). */
    private static WebElement tabTo(String css, int max) {
        for (int i = 0; i < max; i++) {
            WebElement active = browser.driver().switchTo().activeElement();
            if (Boolean.TRUE.equals(browser.js("return arguments[0].matches(arguments[1]);", active, css))) {
                return active;
            }
            active.sendKeys(Keys.TAB);
        }
        throw new AssertionError("no focus on " + css + " after " + max + " presses of Tab; focus on "
            + browser.js("return document.activeElement.outerHTML.slice(0, 200);"));
    }

    /** Picks {@code lang} in the header's language select, as a user's choice (a change event). */
    private static void language(String lang) {
        browser.js("const s = document.getElementById('lang'); s.value = arguments[0];"
            + " s.dispatchEvent(new Event('change'));", lang);
    }

    private static void sortBy(String column) {
        browser.driver().findElement(By.cssSelector("button[data-sort='" + column + "']")).click();
    }

    @SuppressWarnings("unchecked")
    private static List<String> rows() {
        return new ArrayList<>((List<String>) browser.js(
            "return [...document.querySelectorAll('table[data-table=overview] tbody tr')].map(r => r.dataset.camp);"));
    }

    private static WebElement row(String camp) {
        return browser.driver().findElement(By.cssSelector("table[data-table=overview] tr[data-camp='" + camp + "']"));
    }

    private static WebElement cell(String camp, String css) {
        return row(camp).findElement(By.cssSelector(css));
    }

    /** Narrow and ordinary no-break spaces (French digit grouping) as plain spaces. */
    private static String spaces(String text) {
        return text.replace('\u202f', ' ').replace('\u00a0', ' ');
    }

    private static void docsScreenshot(String name) throws Exception {
        Files.createDirectories(DOCS_IMG);
        browser.screenshot(DOCS_IMG.resolve(name));
    }
}
