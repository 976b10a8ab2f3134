package org.smartcamp.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.Dimension;
import org.smartcamp.api.ApiConfig;
import org.smartcamp.api.ApiService;
import org.smartcamp.ingest.testsupport.MigratedStore;

/**
 * The dashboard read by a person on a camp with one day of data ({@link DashboardFixture} cut to its last 24
 * hours of rollups and today's daily figures): every time axis spans the range asked for, not the data's; no raw
 * metric or figure name reaches the screen (the visible text, the charts' legends and axis titles); and at 400 px
 * wide nothing sticks out of the screen except inside a container that scrolls.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardReadabilityIT {
    private static final long HOUR = 3_600_000L;
    private static final long DAY = 86_400_000L;
    private static final int RANGE_DAYS = 14;
    /** Leaves rollups and daily figures of the last day only. */
    private static final List<String> ONE_DAY = List.of(
        "DELETE FROM readings_hourly WHERE bucket < now() - interval '24 hours'",
        "DELETE FROM analytics_daily WHERE day < (now() AT TIME ZONE 'UTC')::date");
    /** Every view, as a hash and its view name. */
    private static final List<String[]> VIEWS = List.of(new String[] {"#/overview", "overview"},
        new String[] {"#/camps", "camps"},
        new String[] {"#/fuel/camp-a", "fuel"}, new String[] {"#/fuel/camp-b", "fuel"},
        new String[] {"#/power/camp-a", "power"}, new String[] {"#/events", "events"},
        new String[] {"#/utilization/camp-a/gen-a1", "utilization"},
        new String[] {"#/utilization/camp-a/veh-a1", "utilization"},
        new String[] {"#/utilization/camp-a/tank-a1", "utilization"}, new String[] {"#/quality", "quality"});
    /** What the page shows of itself for the scan: its visible text, and its charts' legends and axis titles. */
    static final String SHOWN = "const out = [document.body.innerText];"
        + "for (const c of document.querySelectorAll('canvas')) { const ch = window.Chart.getChart(c);"
        + " if (!ch) { continue; } ch.data.datasets.forEach(d => out.push(String(d.label)));"
        + " Object.values(ch.scales).forEach(s => { if (s.options.title && s.options.title.display) {"
        + " out.push(String(s.options.title.text)); } }); }"
        + "return out.join('\\n');";
    /** Elements that stick out of the viewport sideways, outside any ancestor that scrolls or clips them. */
    private static final String OVERFLOW = "const w = document.documentElement.clientWidth; const out = [];"
        + "const clipped = e => { for (let p = e.parentElement; p; p = p.parentElement) {"
        + " const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') {"
        + " const r = p.getBoundingClientRect(); return r.left >= -1 && r.right <= w + 1; } } return false; };"
        + "for (const e of document.body.querySelectorAll('*')) { const r = e.getBoundingClientRect();"
        + " if (r.width === 0 || getComputedStyle(e).visibility === 'hidden') { continue; }"
        + " if ((r.right > w + 1 || r.left < -1) && !clipped(e)) {"
        + " out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : '')"
        + " + ' [' + Math.round(r.left) + ', ' + Math.round(r.right) + ']'); } }"
        + "if (document.documentElement.scrollWidth > w + 1) { out.push('page scrollWidth '"
        + " + document.documentElement.scrollWidth + ' > ' + w); }"
        + "return out;";

    private static MigratedStore store;
    private static DashboardFixture fixture;
    private static ApiService service;
    private static ApiClient api;
    private static Browser browser;
    private static DashboardPage page;

    @BeforeAll
    static void start() throws Exception {
        Browser.assumeAvailable();
        store = MigratedStore.create("dashboard_oneday");
        fixture = DashboardFixture.load(store.dataSource(), Instant.now());
        try (Connection c = store.dataSource().getConnection()) {
            for (String sql : ONE_DAY) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.executeUpdate();
                }
            }
        }
        ApiConfig config = ApiConfig.defaults().withHttp(new ApiConfig.HttpPolicy(List.of(), DashboardIT.STRICT_CSP,
            null, null));
        service = new ApiService(config, store.dataSource(), Clock.systemUTC());
        service.start();
        api = new ApiClient(service.url(), fixture.clientKey());
        browser = Browser.start();
        page = new DashboardPage(browser);
        browser.driver().get(service.url() + "/");
        page.signIn(fixture.browserKey());
        page.waitForView("overview");
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
    void everyTimeAxisSpansTheRangeAskedForNotTheData() {
        assertThat(api.items("/api/v1/figures/daily?camp=camp-a")).as("one day of daily figures")
            .allMatch(f -> f.getString("day").equals(fixture.today().toString())).isNotEmpty();
        long now = System.currentTimeMillis();
        long from = Math.floorDiv(now - RANGE_DAYS * DAY, HOUR) * HOUR;
        long to = (Math.floorDiv(now + 1, HOUR) + 1) * HOUR;
        long firstDay = Math.floorDiv(from, DAY) * DAY;
        long lastDay = Math.floorDiv(to - 1, DAY) * DAY;
        page.go("#/fuel/camp-a", "fuel");
        bounds("tank-levels", firstDay, to);
        bounds("fuel-consumption", firstDay, lastDay);
        page.go("#/power/camp-a", "power");
        bounds("load-factor", firstDay, to);
        bounds("power-daily", firstDay, lastDay);
        page.go("#/utilization/camp-a/gen-a1", "utilization");
        bounds("on-hours", firstDay, to);
        bounds("asset-daily", firstDay, lastDay);

        page.go("#/events/" + fixture.theftId(), "events");
        JsonObject evidence = api.get("/api/v1/events/" + fixture.theftId()).getJsonObject("evidence");
        Map<String, Object> chart = page.chart("evidence");
        assertThat(number(DashboardPage.axis(chart, "x").get("min")))
            .isEqualTo(Instant.parse(evidence.getString("windowStart")).toEpochMilli());
        assertThat(number(DashboardPage.axis(chart, "x").get("max")))
            .isEqualTo(Instant.parse(evidence.getString("windowEnd")).toEpochMilli());
        assertThat(browser.consoleAll()).as("Chart.js warns of too many ticks when an axis is unbounded")
            .noneMatch(m -> String.valueOf(m.get("message")).contains("ticks"));
    }

    @Test
    @Order(2)
    void noRawMetricOrFigureNameReachesTheScreen() {
        JsonObject catalogue = api.get("/api/v1/catalogue");
        List<Pattern> raw = new ArrayList<>(List.of(
            Pattern.compile("\\b[a-z][a-z0-9]*_[a-z0-9_]+\\b"),
            Pattern.compile("\\d date\\b"),
            Pattern.compile("\\b[a-z]+:[a-z]+\\.[a-z_]+")));
        // a stored name with its underscores turned into spaces, unless that is its label anyway
        catalogue.getJsonArray("metrics").forEach(m -> raw.add(Pattern.compile("\\b"
            + Pattern.quote(((JsonObject) m).getString("name")) + "\\b")));
        catalogue.getJsonArray("figures").forEach(f -> {
            String name = ((JsonObject) f).getString("name").replace(".{metric}", "").replace(":{metric}", "");
            String label = ((JsonObject) f).getJsonObject("label").getString("en");
            if (name.contains("_") && !label.equalsIgnoreCase(name.replace('_', ' '))) {
                raw.add(Pattern.compile("\\b" + Pattern.quote(name.replace('_', ' ')) + "\\b"));
            }
        });
        Set<String> leaks = new LinkedHashSet<>();
        List<String[]> views = new ArrayList<>(VIEWS);
        views.add(new String[] {"#/events/" + fixture.theftId(), "events"});
        for (String[] view : views) {
            page.go(view[0], view[1]);
            waitForCharts();
            String shown = (String) browser.js(SHOWN);
            for (Pattern p : raw) {
                Matcher m = p.matcher(shown);
                while (m.find()) {
                    leaks.add(view[0] + ": '" + m.group() + "' in \"" + line(shown, m.start()) + "\"");
                }
            }
        }
        assertThat(leaks).as("raw names on screen").isEmpty();
    }

    @Test
    @Order(3)
    void at400PixelsWideNothingIsCutOffOutsideAScrollingContainer() {
        browser.driver().manage().window().setSize(new Dimension(400, 900));
        assertThat(((Number) browser.js("return document.documentElement.clientWidth;")).intValue())
            .isBetween(380, 400);
        List<String> problems = new ArrayList<>();
        List<String[]> views = new ArrayList<>(VIEWS);
        views.add(new String[] {"#/events/" + fixture.theftId(), "events"});
        for (String[] view : views) {
            page.go(view[0], view[1]);
            waitForCharts();
            @SuppressWarnings("unchecked")
            List<String> out = (List<String>) browser.js(OVERFLOW);
            out.forEach(o -> problems.add(view[0] + ": " + o));
        }
        assertThat(problems).as("elements beyond the screen's width").isEmpty();
        assertThat(browser.consoleErrors()).as("browser console errors").isEmpty();
    }

    /** The chart's x axis spans [min, max] within the hour the test and the page may disagree on. */
    private static void bounds(String chart, long min, long max) {
        Map<String, Object> x = DashboardPage.axis(page.chart(chart), "x");
        assertThat(number(x.get("min"))).as(chart + " x min").isCloseTo(min, within((double) HOUR));
        assertThat(number(x.get("max"))).as(chart + " x max").isCloseTo(max, within((double) HOUR));
        assertThat(DashboardPage.axis(page.chart(chart), "y").get("title")).as(chart + " y axis title").isNotNull();
    }

    private static double number(Object v) {
        return ((Number) v).doubleValue();
    }

    /** Waits until every canvas of the view carries a drawn chart. */
    private static void waitForCharts() {
        browser.until(() -> browser.js("return [...document.querySelectorAll('canvas')]"
            + ".every(c => window.Chart.getChart(c) && c.width > 0);"));
    }

    private static String line(String text, int at) {
        int start = text.lastIndexOf('\n', at) + 1;
        int end = text.indexOf('\n', at);
        return text.substring(start, end < 0 ? text.length() : end);
    }
}
