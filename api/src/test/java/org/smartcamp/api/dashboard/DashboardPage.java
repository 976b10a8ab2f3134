package org.smartcamp.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The dashboard as a test drives it: sign in, go to a view and wait until it is drawn, read its charts. */
final class DashboardPage {
    /** A drawn chart: its datasets' labels and values, painted pixels, and the x and y axes' bounds and titles. */
    private static final String CHART = "const c = document.querySelector('canvas[data-chart=\"' + arguments[0]"
        + " + '\"]');"
        + "const chart = c && window.Chart.getChart(c);"
        + "if (!chart || c.width === 0 || c.height === 0) { return null; }"
        + "const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
        + "let drawn = 0; for (let i = 3; i < px.length; i += 4) { if (px[i] !== 0) { drawn++; } }"
        + "const axis = s => s ? { min: s.min, max: s.max, title: s.options.title && s.options.title.display"
        + " ? s.options.title.text : null } : null;"
        + "return { drawn, width: c.width, height: c.height, x: axis(chart.scales.x), y: axis(chart.scales.y),"
        + " datasets: chart.data.datasets.map(d => ({"
        + "label: d.label, type: d.type || chart.config.type, values: d.data.map(p => p === null ? null"
        + " : typeof p === 'object' ? (p.y === undefined ? null : p.y) : p) })) };";

    private final Browser browser;

    DashboardPage(Browser browser) {
        this.browser = browser;
    }

    /** Types {@code credential} into the sign-in form and submits it. */
    void signIn(String credential) {
        WebElement field = browser.until(() -> {
            WebElement e = browser.driver().findElement(By.id("credential"));
            return e.isDisplayed() ? e : null;
        });
        field.clear();
        field.sendKeys(credential);
        browser.driver().findElement(By.id("sign-in")).click();
    }

    /** Goes to {@code hash} (drawn again when the page is there already) and waits until {@code view} is ready. */
    void go(String hash, String view) {
        browser.js("document.getElementById('view').dataset.state = 'stale';"
            + "if (location.hash === arguments[0]) { window.dispatchEvent(new HashChangeEvent('hashchange')); }"
            + " else { location.hash = arguments[0]; }", hash);
        waitForView(view);
    }

    void waitForView(String view) {
        Object state = browser.until(() -> browser.js("const v = document.getElementById('view');"
            + "return v.dataset.view === arguments[0] && (v.dataset.state === 'ready' || v.dataset.state === 'error')"
            + " ? v.dataset.state : null;", view));
        assertThat(state).as("view %s: %s", view, text()).isEqualTo("ready");
    }

    /** The chart once it is drawn: a Chart.js instance on a sized canvas with painted pixels. */
    @SuppressWarnings("unchecked")
    Map<String, Object> chart(String name) {
        Map<String, Object> chart = browser.until(() -> (Map<String, Object>) browser.js(CHART, name));
        assertThat(((Number) chart.get("drawn")).longValue()).as("painted pixels of " + name).isGreaterThan(500);
        return chart;
    }

    /** The values of the dataset labelled {@code label}. */
    @SuppressWarnings("unchecked")
    static List<Double> values(Map<String, Object> chart, String label) {
        List<Map<String, Object>> datasets = (List<Map<String, Object>>) chart.get("datasets");
        Map<String, Object> dataset = datasets.stream().filter(d -> label.equals(d.get("label"))).findFirst()
            .orElseThrow(() -> new AssertionError("no dataset '" + label + "' in " + datasets));
        return ((List<Object>) dataset.get("values")).stream()
            .map(v -> v == null ? null : ((Number) v).doubleValue()).toList();
    }

    /** An axis of a chart: {min, max, title}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> axis(Map<String, Object> chart, String axis) {
        return (Map<String, Object>) chart.get(axis);
    }

    /** The view's visible text. */
    String text() {
        return browser.driver().findElement(By.id("view")).getText();
    }
}
