package org.smartcamp.deploy.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code smartcamp demo} printed for its user: the dashboard, the login, the API and the simulated camp.
 *
 * @param dashboard the dashboard's URL, ending in {@code /}
 * @param login     the admin API key made for this run
 * @param api       the API's base URL, ending in {@code /api/v1/}
 * @param camp      the simulated camp's id
 */
public record DemoOutput(String dashboard, String login, String api, String camp) {

    /** Reads them from the demo's stdout. */
    public static DemoOutput of(String stdout) {
        return new DemoOutput(find(stdout, "dashboard: +(http://\\S+/)"), find(stdout, "login: +(sck_\\S+)"),
            find(stdout, "API: +(http://\\S+/api/v1/)"), find(stdout, "simulated camp: \\S+ \\([^/]+/([^)]+)\\)"));
    }

    /** The figures the API serves for the demo camp with the printed login: daily ones, else current ones. */
    public String computedFigures() throws IOException, InterruptedException {
        HttpResponse<String> daily = Http.get(api + "figures/daily?camp=" + camp, login);
        assertThat(daily.statusCode()).as(daily.body()).isEqualTo(200);
        if (daily.body().contains("\"figure\"")) {
            return daily.body();
        }
        HttpResponse<String> current = Http.get(api + "figures/current?camp=" + camp, login);
        assertThat(current.statusCode()).as(current.body()).isEqualTo(200);
        return current.body();
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("%s in %s", regex, text).isTrue();
        return m.group(1);
    }
}
