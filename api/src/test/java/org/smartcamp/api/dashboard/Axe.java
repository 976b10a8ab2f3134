package org.smartcamp.api.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * axe-core, the accessibility rules engine (Deque; MPL-2.0, a test tool only: never packaged), installed from npm
 * into {@code target/axe/} the first time a test needs it, and run in the page on WCAG 2.0/2.1 A and AA rules.
 */
final class Axe {
    /** The pinned version. */
    static final String VERSION = "4.14.1";
    private static final Path DIR = Path.of("target", "axe");
    private static final Path SCRIPT = DIR.resolve("node_modules/axe-core/axe.min.js");
    /** Runs axe on the document; answers "rule (impact): help; nodes" per violation. */
    private static final String RUN = "const done = arguments[arguments.length - 1];"
        + "axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },"
        + " resultTypes: ['violations'] })"
        + ".then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + '; '"
        + " + v.nodes.slice(0, 4).map(n => n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\\s+/g, ' '))"
        + ".join(' | '))))"
        + ".catch(e => done(['axe failed: ' + e]));";

    private final String source;

    private Axe(String source) {
        this.source = source;
    }

    /**
     * axe-core, installed with npm when it is not there yet; the test is skipped (JUnit assumption, with the
     * reason) where npm is missing or cannot install it.
     */
    static Axe load() {
        if (!Files.isRegularFile(SCRIPT)) {
            install();
        }
        try {
            return new Axe(Files.readString(SCRIPT, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void install() {
        try {
            Files.createDirectories(DIR);
            Process npm = new ProcessBuilder("npm", "install", "--no-save", "--no-audit", "--no-fund",
                "--prefix", DIR.toString(), "axe-core@" + VERSION).redirectErrorStream(true)
                .redirectOutput(DIR.resolve("npm.log").toFile()).start();
            boolean finished = npm.waitFor(240, TimeUnit.SECONDS);
            if (!finished) {
                npm.destroyForcibly();
            }
            Assumptions.assumeTrue(finished && npm.exitValue() == 0 && Files.isRegularFile(SCRIPT),
                "axe-core could not be installed with npm (see " + DIR.resolve("npm.log")
                    + "): accessibility not checked");
        } catch (IOException e) {
            Assumptions.abort("npm is not available (" + e.getMessage() + "): axe-core accessibility checks skipped");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Assumptions.abort("interrupted while installing axe-core");
        }
    }

    /** The violations of the page as it is now (empty when it passes), axe injected first when missing. */
    @SuppressWarnings("unchecked")
    List<String> violations(Browser browser) {
        if (!Boolean.TRUE.equals(browser.js("return typeof window.axe === 'object';"))) {
            browser.js(source);
        }
        browser.driver().manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(60));
        return (List<String>) browser.driver().executeAsyncScript(RUN);
    }
}
