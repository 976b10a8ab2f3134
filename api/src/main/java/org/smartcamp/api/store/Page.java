package org.smartcamp.api.store;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * One page of rows and the sort key to continue after it.
 *
 * @param items rows, at most the requested limit
 * @param next  the key the next page starts from, or null when this is the last page
 */
public record Page(List<JsonObject> items, List<Object> next) {

    public Page {
        items = List.copyOf(items);
        next = next == null ? null : List.copyOf(next);
    }

    /** Collects rows fetched with limit + 1 and their sort keys; the extra row only tells that more exist. */
    static final class Builder {
        private final int limit;
        private final List<JsonObject> rows = new java.util.ArrayList<>();
        private final List<List<Object>> keys = new java.util.ArrayList<>();

        Builder(int limit) {
            this.limit = limit;
        }

        void add(JsonObject row, List<Object> key) {
            rows.add(row);
            keys.add(key);
        }

        Page build() {
            if (rows.size() > limit) {
                return new Page(rows.subList(0, limit), keys.get(limit - 1));
            }
            return new Page(rows, null);
        }
    }
}
