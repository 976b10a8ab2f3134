package org.smartcamp.api.routes;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.net.URI;
import org.smartcamp.api.JwtConfig;
import org.smartcamp.api.auth.IdentityProvider;
import org.smartcamp.api.http.ApiException;

/**
 * {@code GET /auth/config}: how the dashboard signs people in. Open like the web root (the sign-in page needs it
 * before any credential) and holding only what a public client's sign-in needs, nothing secret:
 * {@code {"provider": null}} when the dashboard signs in with API keys and pasted tokens only; otherwise the
 * provider's name, issuer, client id, scopes, redirect URI (null: the dashboard's own address) and its
 * authorization and token endpoints from the discovery document (503 while that cannot be read).
 */
final class SignInRoutes {
    static final String PATH = "/auth/config";

    private final JwtConfig config;
    private final IdentityProvider provider;

    SignInRoutes(JwtConfig config, IdentityProvider provider) {
        this.config = config;
        this.provider = provider;
    }

    void mount(Router router) {
        router.get(PATH).handler(ctx -> {
            ctx.response().putHeader("Cache-Control", "no-store");
            JwtConfig.SignIn signIn = config.signIn();
            if (signIn == null || provider == null) {
                ctx.json(new JsonObject().putNull("provider"));
                return;
            }
            provider.metadata().onSuccess(m -> ctx.json(new JsonObject().put("provider", new JsonObject()
                .put("name", signIn.name()).put("issuer", m.issuer()).put("clientId", signIn.clientId())
                .put("scopes", new JsonArray(signIn.scopes())).put("redirectUri", signIn.redirectUri())
                .put("authorizationEndpoint", m.authorizationEndpoint()).put("tokenEndpoint", m.tokenEndpoint())
                .put("endSessionEndpoint", m.endSessionEndpoint()))))
                .onFailure(e -> ctx.fail(ApiException.unavailable("the identity provider cannot be reached now; "
                    + "sign in with an API key or try again later")));
        });
    }

    /**
     * The pages' policy with the issuer's origin allowed for {@code connect-src} when the dashboard signs in with
     * the provider (its token endpoint is called from the page; Keycloak's and Entra ID's are on the issuer's
     * origin).
     */
    static String pageCsp(String csp, JwtConfig config) {
        if (config.signIn() == null) {
            return csp;
        }
        URI issuer = URI.create(config.issuer());
        String origin = issuer.getScheme() + "://" + issuer.getRawAuthority();
        if (csp.contains("connect-src")) {
            return csp.replace("connect-src", "connect-src " + origin);
        }
        return csp + "; connect-src 'self' " + origin;
    }
}
