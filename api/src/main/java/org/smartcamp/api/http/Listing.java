package org.smartcamp.api.http;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A table to send: {@code name} (for the CSV file name), fields that describe it ({@code meta}: range, bucket,
 * ...), its rows, the columns and their order in CSV, and the key the next page starts from (or null).
 */
public record Listing(String name, JsonObject meta, List<JsonObject> items, List<String> csvColumns,
                      List<Object> next) {

    public Listing {
        items = List.copyOf(items);
        csvColumns = List.copyOf(csvColumns);
        next = next == null ? null : List.copyOf(next);
    }
}
