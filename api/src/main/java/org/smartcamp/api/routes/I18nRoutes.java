package org.smartcamp.api.routes;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.Map;
import java.util.TreeMap;
import org.smartcamp.api.i18n.Messages;

/**
 * The dashboard's texts as JSON, {@code GET /i18n/dashboard_<lang>.json}, from the resource bundle
 * {@code i18n/dashboard_<lang>.properties}. Open like the rest of the web root (the sign-in page needs its words
 * before any credential), and holding nothing but the page's words.
 */
final class I18nRoutes {
    /** The bundles served to the browser. */
    static final String DASHBOARD = "dashboard";

    private final Map<String, String> json = new TreeMap<>();

    I18nRoutes() {
        Messages messages = Messages.load(DASHBOARD);
        for (String lang : Messages.LANGUAGES) {
            json.put(DASHBOARD + "_" + lang + ".json", new JsonObject(Map.copyOf(messages.all(lang))).encode());
        }
    }

    void mount(Router router) {
        router.get("/i18n/:file").handler(ctx -> {
            String body = json.get(ctx.pathParam("file"));
            if (body == null) {
                ctx.next();
                return;
            }
            ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").end(body);
        });
    }
}
