package org.smartcamp.api.http;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * An opaque page cursor: the sort key of the last row served, so the next page starts after it (keyset
 * pagination, stable while rows are added). Clients pass it back unchanged in {@code cursor}.
 */
public final class Cursor {
    private static final int MAX_LENGTH = 512;

    private Cursor() {
    }

    /** Encodes the key values (as text) into an opaque token. */
    public static String encode(List<?> key) {
        JsonArray a = new JsonArray();
        key.forEach(k -> a.add(String.valueOf(k)));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(a.encode().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Decodes the {@code cursor} parameter into {@code size} key values, or returns null when it is absent.
     *
     * @throws ApiException 400 when it is not a cursor this API produced
     */
    public static List<String> decode(Params p, int size) {
        String raw = p.raw("cursor");
        if (raw == null) {
            return null;
        }
        try {
            if (raw.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("too long");
            }
            JsonArray a = new JsonArray(new String(Base64.getUrlDecoder().decode(raw), StandardCharsets.UTF_8));
            if (a.size() != size) {
                throw new IllegalArgumentException("wrong size");
            }
            List<String> out = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                out.add(a.getString(i));
            }
            return out;
        } catch (IllegalArgumentException | DecodeException | ClassCastException e) {
            throw malformed();
        }
    }

    /** The 400 for a cursor whose values do not fit the route. */
    public static ApiException malformed() {
        return ApiException.badParameter("cursor", "is not a cursor of this route; pass the 'next' link unchanged");
    }
}
