package org.smartcamp.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartcamp.api.testsupport.ApiTestServer;

/**
 * Every link a user is given leads to the page it names, followed in headless Chromium: the links in README.md,
 * in the launcher's help and start-up texts and the demo's banner (deploy's cli and demo sources, found by
 * regex so that a new link is checked too), and every link on every view of the dashboard (from its DOM). A page
 * must answer 200 after at most one redirect; API routes are followed with an admin key set as a header, as a
 * client would send it.
 */
class LinksIT {
    /** Where the texts a user reads live, relative to the api module (Maven's working directory). */
    private static final List<Path> TEXTS = List.of(Path.of("../README.md"),
        Path.of("../deploy/src/main/java/org/smartcamp/deploy/cli"),
        Path.of("../deploy/src/main/java/org/smartcamp/deploy/demo"));
    /** A URL on this machine, with the port as a number or a format placeholder: its path is group 1. */
    private static final Pattern LOCAL_URL = Pattern.compile(
        "https?://(?:localhost|127\\.0\\.0\\.1|%s)(?::(?:\\d+|%d))?(/[A-Za-z0-9/._~-]*)");
    /** A path of the API, its page, health or metrics standing alone in text or a string literal. */
    private static final Pattern LOCAL_PATH = Pattern.compile(
        "(?<=[\\s(\"'`])(/(?:api/[A-Za-z0-9/._-]*|health/[a-z]+|metrics)\\b/?)");
    /** What the page at a path must show (its text contains this); other pages need only answer 200. */
    private static final Map<String, String> SHOWS = Map.of(
        "/", "Sign in",
        "/api/docs/", "SmartCamp API",
        "/api/docs", "SmartCamp API",
        "/api/v1/", "SmartCamp API v1",
        "/api/v1", "SmartCamp API v1",
        "/health/ready", "UP",
        "/metrics", "# HELP",
        "/vendor/chart.js/LICENSE.md", "MIT");
    private static final String NAVIGATION = "const n = performance.getEntriesByType('navigation')[0];"
        + "return { status: n ? n.responseStatus : 0, redirects: n ? n.redirectCount : 0, path: location.pathname,"
        + " text: document.body ? document.body.innerText : '' };";

    private static ApiTestServer server;
    private static Browser browser;
    private static DashboardPage page;
    private static String adminKey;

    @BeforeAll
    static void start() {
        Browser.assumeAvailable();
        server = ApiTestServer.start("api_links");
        adminKey = server.apiKey("admin", List.of("*"), List.of());
        browser = Browser.start();
        page = new DashboardPage(browser);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyLinkInTheReadmeTheLauncherTheDemoAndTheDashboardAnswersWithItsPage() throws IOException {
        Map<String, String> links = textLinks();
        assertThat(links).as("links found in the texts").containsKeys("/api/docs/", "/api/v1/", "/health/ready");
        links.putIfAbsent("/", "the dashboard");
        Map<String, String> failures = new TreeMap<>();
        visit("/", links.get("/"), failures);
        page.signIn(adminKey);
        page.waitForView("overview");
        links.putAll(dashboardLinks());
        for (Map.Entry<String, String> link : links.entrySet()) {
            if (!link.getKey().equals("/") && !link.getKey().startsWith("#")) {
                visit(link.getKey(), link.getValue(), failures);
            }
        }
        assertThat(failures).as("links that do not lead to their page (of " + links.size() + ")").isEmpty();
    }

    /** Follows a link to a path and records what is wrong with its page. */
    private static void visit(String link, String source, Map<String, String> failures) {
        boolean api = link.startsWith("/api/v1") || link.equals("/metrics");
        headers(api ? Map.of("X-API-Key", adminKey) : Map.of());
        browser.driver().get(server.service().url() + link);
        String expected = SHOWS.getOrDefault(link, "");
        try {
            browser.until(() -> navigation().get("text").toString().contains(expected));
        } catch (ConditionTimeoutException e) {
            String text = navigation().get("text").toString();
            failures.put(link, source + ": the page does not show '" + expected + "': "
                + text.substring(0, Math.min(200, text.length())));
        }
        headers(Map.of());
        Map<String, Object> nav = navigation();
        long status = ((Number) nav.get("status")).longValue();
        long redirects = ((Number) nav.get("redirects")).longValue();
        if (status != 200 || redirects > 1) {
            failures.merge(link, source + ": status " + status + " after " + redirects + " redirect(s) at "
                + nav.get("path"), (a, b) -> a + "; " + b);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> navigation() {
        return (Map<String, Object>) browser.js(NAVIGATION);
    }

    /** Extra request headers for every following navigation (Chromium's DevTools protocol). */
    private static void headers(Map<String, String> headers) {
        browser.driver().executeCdpCommand("Network.enable", Map.of());
        browser.driver().executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", headers));
    }

    /** The local links of the user-facing texts, each with the file it was found in. */
    static Map<String, String> textLinks() throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (Path root : TEXTS) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(root)) {
                files = walk.filter(Files::isRegularFile).toList();
            }
            for (Path file : files) {
                String text = Files.readString(file);
                for (Pattern p : List.of(LOCAL_URL, LOCAL_PATH)) {
                    Matcher m = p.matcher(text);
                    while (m.find()) {
                        out.putIfAbsent(m.group(1), file.toString());
                    }
                }
            }
        }
        return out;
    }

    /**
     * Every link on every view of the dashboard, views reached through its own links; each view it links to is
     * drawn on the way (or the test fails there).
     */
    private static Map<String, String> dashboardLinks() {
        Map<String, String> out = new TreeMap<>();
        TreeSet<String> toVisit = new TreeSet<>(List.of("#/camps"));
        List<String> visited = new ArrayList<>();
        while (!toVisit.isEmpty() && visited.size() < 40) {
            String hash = toVisit.pollFirst();
            visited.add(hash);
            page.go(hash, hash.substring(2).split("/")[0]);
            @SuppressWarnings("unchecked")
            List<String> hrefs = (List<String>) browser.js("return [...document.querySelectorAll('a[href]')]"
                + ".map(a => a.hash && a.pathname === location.pathname ? a.hash : a.pathname);");
            for (String href : hrefs) {
                out.putIfAbsent(href, "dashboard " + hash);
                if (href.startsWith("#/") && !visited.contains(href)) {
                    toVisit.add(href);
                }
            }
        }
        return out;
    }
}
