package org.smartcamp.api.routes;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.smartcamp.api.auth.Coverage;
import org.smartcamp.api.http.TimeRange;

/**
 * Notes on a request's {@link Coverage} which personal data (metrics marked personal, such as positions) its
 * answer held, so that the audit log records every read of them: the metrics asked for, the assets
 * ({@code camp/asset}) of the rows that hold them, and the range.
 */
final class PersonalReads {
    private PersonalReads() {
    }

    /**
     * Notes the read when {@code personal} (the personal metrics the request asked for) is not empty, even when
     * no row came back: the question was asked.
     *
     * @param rows the answer's rows, each with {@code camp}, {@code asset} and {@code metric}
     */
    static void note(RoutingContext ctx, List<String> personal, List<JsonObject> rows, TimeRange range) {
        if (personal.isEmpty()) {
            return;
        }
        Set<String> assets = new TreeSet<>();
        for (JsonObject row : rows) {
            if (personal.contains(row.getString("metric"))) {
                assets.add(row.getString("camp") + "/" + row.getString("asset"));
            }
        }
        Coverage.of(ctx).personal(personal, assets, range.from(), range.to());
    }
}
