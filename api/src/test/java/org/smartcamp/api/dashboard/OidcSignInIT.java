package org.smartcamp.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
import org.smartcamp.api.ApiConfig;
import org.smartcamp.api.ApiService;
import org.smartcamp.api.JwtConfig;
import org.smartcamp.api.testsupport.OidcTestProvider;
import org.smartcamp.ingest.testsupport.MigratedStore;

/**
 * The dashboard signs in with the mission's identity provider in Debian's headless Chromium: an OpenID Connect
 * provider served by the test ({@link OidcTestProvider}: discovery, JWKS, an authorization endpoint that signs the
 * user in at once, a token endpoint that redeems a code only with the verifier of its S256 challenge) and the real
 * API server configured with its issuer (discovery), the dashboard's client id, and Keycloak-style claims mapped
 * to a SmartCamp role and camp. The user clicks "Sign in with Mission IdP", comes back signed in and sees the one
 * camp the provider granted, under the strict page policy DashboardIT uses (the provider's origin added to
 * connect-src by the server), with no console errors and no code left in the address bar.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OidcSignInIT {
    private static MigratedStore store;
    private static ApiService service;
    private static OidcTestProvider idp;
    private static Browser browser;
    private static DashboardPage page;

    @BeforeAll
    static void start() throws Exception {
        Browser.assumeAvailable();
        store = MigratedStore.create("oidc_dashboard");
        DashboardFixture.load(store.dataSource(), Instant.now());
        idp = OidcTestProvider.start("mission-key-1");
        idp.user(new JsonObject().put("sub", "5d1c-officer").put("preferred_username", "b.officer")
            .put("realm_access", new JsonObject().put("roles", new JsonArray().add("default-roles-mission")
                .add("smartcamp-staff")))
            .put("smartcamp_scope", "camp:" + DashboardFixture.EMPTY_CAMP));
        JwtConfig jwt = new JwtConfig("RS256", null, null, null, idp.issuer(), "smartcamp-api", Duration.ofSeconds(5),
            JwtConfig.Remote.discovered(), new JwtConfig.ClaimMapping("realm_access.roles",
                Map.of("smartcamp-staff", "viewer", "smartcamp-admin", "admin"), "missions", "camps",
                "smartcamp_scope"),
            new JwtConfig.SignIn("smartcamp-dashboard", List.of("openid", "profile"), null, "Mission IdP"));
        ApiConfig config = ApiConfig.defaults()
            .withHttp(new ApiConfig.HttpPolicy(List.of(), DashboardIT.STRICT_CSP, null, null)).withJwt(jwt);
        service = new ApiService(config, store.dataSource(), Clock.systemUTC());
        service.start();
        browser = Browser.start();
        page = new DashboardPage(browser);
    }

    @AfterEach
    void screenshot(TestInfo test) {
        browser.screenshot(test);
    }

    @AfterAll
    static void stop() throws Exception {
        Browser.closeAll(browser, service, idp, store);
    }

    @Test
    @Order(1)
    void theUserSignsInWithTheProviderAndSeesTheirCamp() {
        browser.driver().get(service.url() + "/");
        WebElement button = displayed("sign-in-provider");
        assertThat(button.getText()).isEqualTo("Sign in with Mission IdP");
        assertThat(browser.driver().findElement(By.id("credential")).isDisplayed())
            .as("API keys and pasted tokens still sign in").isTrue();

        button.click();
        page.waitForView("camps");

        assertThat(browser.driver().findElement(By.id("who")).getText()).isEqualTo("signed in as b.officer");
        assertThat(browser.driver().findElements(By.cssSelector("[data-camp]")))
            .extracting(e -> e.getAttribute("data-camp")).containsExactly(DashboardFixture.EMPTY_CAMP);
        assertThat(idp.refusals()).isEmpty();
        assertThat(idp.tokensIssued()).isEqualTo(1);
        assertThat(browser.js("return location.search")).as("the code leaves the address bar").isEqualTo("");
        assertThat(browser.js("return sessionStorage.getItem('smartcampOidcFlow')")).isNull();
        assertThat(browser.consoleErrors()).as("browser console errors").isEmpty();

        browser.driver().findElement(By.id("logout")).click();
        assertThat(browser.driver().findElement(By.id("login")).isDisplayed()).isTrue();
        assertThat(browser.js("return sessionStorage.length")).isEqualTo(0L);
    }

    @Test
    @Order(2)
    void aCodeThatThisTabDidNotAskForIsNotRedeemed() {
        browser.driver().get(service.url() + "/?code=stolen-code&state=forged");
        WebElement error = displayed("login-error");
        assertThat(error.getText()).startsWith("The sign-in could not be completed");
        assertThat(idp.tokensIssued()).isEqualTo(1);
        assertThat(idp.refusals()).as("nothing was sent to the token endpoint").isEmpty();
        assertThat(browser.js("return location.search")).isEqualTo("");
        assertThat(browser.js("return sessionStorage.length")).isEqualTo(0L);
    }

    @Test
    @Order(3)
    void theSignInConfigurationIsOpenAndATokenOfAnUnknownKeyIs401ProblemJson() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> config = http.send(HttpRequest.newBuilder(URI.create(service.url() + "/auth/config"))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(config.statusCode()).isEqualTo(200);
        JsonObject provider = new JsonObject(config.body()).getJsonObject("provider");
        assertThat(provider.getString("authorizationEndpoint")).isEqualTo(idp.issuer() + "/authorize");
        assertThat(provider.getString("tokenEndpoint")).isEqualTo(idp.issuer() + "/token");
        assertThat(provider.getString("clientId")).isEqualTo("smartcamp-dashboard");
        assertThat(config.headers().firstValue("Content-Security-Policy").orElseThrow())
            .contains("connect-src " + idp.issuer() + " 'self'");

        String forged = OidcTestProvider.signWithUnknownKey("mission-key-1", idp.claims(new JsonObject()
            .put("sub", "mallory").put("realm_access", new JsonObject().put("roles", new JsonArray()
                .add("smartcamp-admin")))));
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(service.url() + "/api/v1/camps"))
            .header("Authorization", "Bearer " + forged).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(new JsonObject(refused.body()).getString("detail")).isEqualTo("the bearer token was refused: "
            + "its signature does not verify");
    }

    private static WebElement displayed(String id) {
        return browser.until(() -> {
            WebElement e = browser.driver().findElement(By.id(id));
            return e.isDisplayed() ? e : null;
        });
    }
}
