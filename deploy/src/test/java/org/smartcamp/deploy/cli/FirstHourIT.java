package org.smartcamp.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.smartcamp.api.dashboard.Browser;
import org.smartcamp.deploy.testsupport.DemoOutput;
import org.smartcamp.deploy.testsupport.Launcher;
import org.smartcamp.deploy.testsupport.ProjectFiles;
import org.smartcamp.ingest.testsupport.TestServices;

/**
 * A new user's first hour, as README.md tells it: the run command at the top of the README (parsed out of it, so
 * the README cannot drift from what is tested) starts the demo; once the API serves a computed figure, headless
 * Chromium signs in to the dashboard with the login the demo printed, visits every view of its menu and the API
 * page; Ctrl-C then stops the demo (exit code 130, docs/configuration.md). The demo runs the jar this build made
 * ({@code SMARTCAMP_JAR}) rather than building it again, in a database of its own.
 */
class FirstHourIT {
    private static final String DATABASE = "smartcamp_first_hour_" + Long.toString(System.nanoTime(), 36);
    private static String serverUrl;
    private static Browser browser;

    @BeforeAll
    static void start() {
        assumeTrue(Browser.available(), "needs Debian's chromium and chromium-driver (" + Browser.CHROMIUM + ", "
            + Browser.CHROMEDRIVER + ")");
        serverUrl = TestServices.jdbcUrl().replaceFirst("/[^/?]*(\\?.*)?$", "/");
        browser = Browser.start();
    }

    @AfterAll
    static void stop() throws SQLException {
        if (browser != null) {
            browser.close();
        }
        if (serverUrl != null) {
            try (Connection c = DriverManager.getConnection(serverUrl + "postgres", TestServices.dbUser(),
                    TestServices.dbPassword()); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            }
        }
    }

    @Test
    void theReadmesTwoCommandsComeFirstAndCiRunsItsTestCommand() throws IOException {
        List<String> block = firstCommands();

        assertThat(block).hasSize(2);
        assertThat(command(block.get(0))).first().asString().isEqualTo("deploy/bin/smartcamp");
        assertThat(command(block.get(1))).containsExactly("mvn", "-B", "verify");
        // CI runs the README's test command as written (the brief fuzzing after it is an addition, not a substitute)
        assertThat(Files.readAllLines(ProjectFiles.root().resolve(".ci/run")))
            .filteredOn(l -> !l.isBlank() && !l.startsWith("#")).contains(String.join(" ", command(block.get(1))));
    }

    @Test
    void theReadmesRunCommandServesFiguresTheDashboardAndTheApiPageUntilCtrlC() throws Exception {
        List<String> run = command(firstCommands().get(0));
        Path root = ProjectFiles.root();
        List<String> argv = new ArrayList<>(run);
        argv.set(0, root.resolve(run.get(0)).toString());
        ProcessBuilder pb = Launcher.process(Launcher.demoEnv(serverUrl + DATABASE, TestServices.dbUser(),
            TestServices.dbPassword()));
        pb.command(argv).directory(root.toFile());
        File out = new File("target/first-hour.out");
        File err = new File("target/first-hour.err");
        Process demo = pb.redirectOutput(out).redirectError(err).start();
        try {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> !demo.isAlive() || Files.readString(out.toPath()).contains("SmartCamp demo running"));
            assertThat(demo.isAlive()).as("the demo runs: %s", Files.readString(err.toPath())).isTrue();
            DemoOutput printed = DemoOutput.of(Files.readString(out.toPath()));
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2))
                .until(printed::computedFigures, body -> body.contains("\"figure\""));
            signIn(printed);
            visitEveryView();
            visitTheApiPage(printed);
        } finally {
            browser.screenshot(Path.of("target", "first-hour", "last.png"));
            new ProcessBuilder("kill", "-INT", Long.toString(demo.pid())).start().waitFor();
            assertThat(demo.waitFor(90, TimeUnit.SECONDS)).as("the demo ends after Ctrl-C").isTrue();
        }
        assertThat(demo.exitValue()).as("exit code after Ctrl-C, once everything stopped").isEqualTo(130);
        assertThat(Files.readString(out.toPath())).contains("SmartCamp demo stopped");
        assertThat(Files.readString(err.toPath())).doesNotContain("Exception", "ERROR");
    }

    private static void signIn(DemoOutput printed) {
        browser.driver().get(printed.dashboard());
        WebElement field = browser.until(() -> {
            WebElement e = browser.driver().findElement(By.id("credential"));
            return e.isDisplayed() ? e : null;
        });
        field.sendKeys(printed.login());
        browser.driver().findElement(By.id("sign-in")).click();
        browser.until(() -> browser.driver().findElement(By.id("nav")).isDisplayed());
    }

    /** Every view the menu offers, each drawn without an error on the page or in the console. */
    private static void visitEveryView() {
        List<WebElement> links = browser.driver().findElements(By.cssSelector("#nav a[data-view]"));
        List<String> views = links.stream().map(a -> a.getAttribute("data-view")).toList();
        assertThat(views).contains("camps", "fuel", "power", "events", "utilization", "quality");
        for (String view : views) {
            // The view shown after sign-in is not drawn again by a click on its own link.
            if (!view.equals(browser.js("return document.getElementById('view').dataset.view;"))) {
                browser.js("document.getElementById('view').dataset.state = 'stale';");
                browser.driver().findElement(By.cssSelector("#nav a[data-view='" + view + "']")).click();
            }
            Object state = browser.until(() -> browser.js("const v = document.getElementById('view');"
                + "return v.dataset.view === arguments[0] && (v.dataset.state === 'ready'"
                + " || v.dataset.state === 'error') ? v.dataset.state : null;", view));
            browser.screenshot(Path.of("target", "first-hour", view + ".png"));
            assertThat(state).as("view %s: %s", view, browser.driver().findElement(By.id("view")).getText())
                .isEqualTo("ready");
            assertThat(browser.consoleErrors()).as("console errors on %s", view).isEmpty();
        }
    }

    /** The API page, signed in by the dashboard's sign-in of this tab, lists the API's operations. */
    private static void visitTheApiPage(DemoOutput printed) {
        String origin = printed.dashboard().replaceFirst("/$", "");
        browser.driver().get(origin + "/api/docs/");
        Long operations = browser.until(() -> {
            Object n = browser.js("return document.querySelectorAll('.opblock').length;");
            return ((Number) n).longValue() > 0 ? ((Number) n).longValue() : null;
        });
        assertThat(operations).as("operations on the API page").isGreaterThan(10);
        assertThat(browser.driver().findElement(By.cssSelector(".info .title")).getText()).contains("SmartCamp");
    }

    /** The first fenced block of README.md, which must come before its first section: the two commands. */
    private static List<String> firstCommands() throws IOException {
        List<String> lines = Files.readAllLines(ProjectFiles.root().resolve("README.md"));
        int open = lines.indexOf("```sh");
        int firstSection = lines.indexOf(lines.stream().filter(l -> l.startsWith("## ")).findFirst().orElse(""));
        assertThat(open).as("a ```sh block in README.md").isNotNegative();
        assertThat(open).as("README.md opens with its commands, before any section").isLessThan(firstSection);
        int close = lines.subList(open + 1, lines.size()).indexOf("```") + open + 1;
        return lines.subList(open + 1, close).stream().filter(l -> !l.isBlank()).toList();
    }

    /** A command line as the README writes it (no quoting in it), without its trailing comment. */
    private static List<String> command(String line) {
        String code = line.replaceFirst("\\s+#.*$", "").strip();
        return Arrays.asList(code.split("\\s+"));
    }
}
