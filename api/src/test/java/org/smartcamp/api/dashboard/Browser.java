package org.smartcamp.api.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium driven through Debian's chromedriver. Both paths are set explicitly, so Selenium
 * Manager never looks for (or downloads) a browser or a driver; the flags keep Chromium off the network (the
 * machines have none beyond the package registries). The browser's console is recorded ({@code goog:loggingPrefs}
 * browser ALL) and read with {@link #consoleErrors()}. Shared with deploy's tests through the api
 * test-jar.
 */
public final class Browser implements AutoCloseable {
    public static final Path CHROMIUM = Path.of(System.getProperty("smartcamp.chromium", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER =
        Path.of(System.getProperty("smartcamp.chromedriver", "/usr/bin/chromedriver"));
    private static final Duration WAIT = Duration.ofSeconds(15);
    /**
     * Selenium warns on every start that it has no DevTools binding for Debian's Chromium version; the tests use
     * WebDriver only. Held here, as java.util.logging keeps loggers only weakly.
     */
    private static final Logger CDP_VERSION_FINDER =
        Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Whether Chromium and chromedriver are installed (the test is skipped otherwise). */
    public static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** Skips the test (a JUnit assumption) where Chromium or chromedriver is missing. */
    static void assumeAvailable() {
        Assumptions.assumeTrue(available(), "needs Debian's chromium and chromium-driver (" + CHROMIUM + ", "
            + CHROMEDRIVER + ")");
    }

    /** Starts a headless Chromium with an empty profile of its own. */
    public static Browser start() {
        CDP_VERSION_FINDER.setLevel(Level.OFF);
        try {
            Path profile = Files.createTempDirectory("smartcamp-chromium");
            System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
            ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--disable-extensions", "--window-size=1400,1000", "--user-data-dir=" + profile);
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            return new Browser(new ChromeDriver(service, options), profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    /**
     * Polls {@code probe} until it returns a value that is neither null nor false, within the test's deadline.
     *
     * @return that value
     */
    public <T> T until(Callable<T> probe) {
        return Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
            .until(probe, v -> v != null && !Boolean.FALSE.equals(v));
    }

    /** Runs {@code script} in the page; {@code arguments[i]} are {@code args}. */
    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Console messages at SEVERE since the last call (errors, failed loads, CSP violations), as text. */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
            .map(LogEntry::getMessage).toList();
    }

    /** Every console message since the last call. */
    List<Map<String, Object>> consoleAll() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::toJson).toList();
    }

    /** Saves a screenshot named for the test method in {@code $SMARTCAMP_TEST_BUILD_DIR/dashboard/} (or target's). */
    void screenshot(TestInfo test) {
        String dir = Objects.requireNonNullElse(System.getenv("SMARTCAMP_TEST_BUILD_DIR"), "target");
        screenshot(Path.of(dir, "dashboard", test.getTestMethod().orElseThrow().getName() + ".png"));
    }

    /** Closes what a browser test started, in order, skipping what never started. */
    static void closeAll(AutoCloseable... started) throws Exception {
        for (AutoCloseable c : started) {
            if (c != null) {
                c.close();
            }
        }
    }

    /** Saves a screenshot (for people looking at a failed run). */
    public void screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteProfile();
        }
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
