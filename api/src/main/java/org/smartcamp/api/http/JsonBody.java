package org.smartcamp.api.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * Reads the JSON body of a write route strictly, as one parser for every route: a field given twice is refused
 * (two parsers that keep the first and the last would read two different requests), so is anything after the
 * document, and nesting deeper than {@link #MAX_DEPTH} levels (no SmartCamp body nests deeper than four). The
 * body's size is bounded before it is read ({@link #MAX_BYTES}).
 */
public final class JsonBody {
    /** The largest body a write route reads, in bytes (a larger one is 413 before any handler runs). */
    public static final int MAX_BYTES = 16 * 1024;
    /** The deepest nesting of objects and arrays that a body may have. */
    public static final int MAX_DEPTH = 16;

    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build()).build())
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();

    private JsonBody() {
    }

    /**
     * The body as a tree, or null when there is none (empty or blank).
     *
     * @throws ApiException 400 naming what is wrong with it
     */
    public static JsonNode tree(RoutingContext ctx) {
        return tree(ctx.body() == null ? null : ctx.body().asString());
    }

    /** {@link #tree(RoutingContext)} of a body's text. */
    public static JsonNode tree(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (StreamConstraintsException e) {
            throw ApiException.badRequest("the body nests deeper than " + MAX_DEPTH + " levels");
        } catch (JsonProcessingException e) {
            String why = e.getOriginalMessage();
            if (why != null && why.startsWith("Duplicate field '") && why.endsWith("'")) {
                String field = why.substring("Duplicate field '".length(), why.length() - 1);
                throw ApiException.badRequest("the body is not valid JSON: field '" + field + "' is given twice");
            }
            throw ApiException.badRequest("the body is not JSON");
        }
    }

    /**
     * The body as a JSON object; an empty body is an empty object.
     *
     * @throws ApiException 400 when it is not JSON or not an object
     */
    @SuppressWarnings("unchecked")
    public static JsonObject object(RoutingContext ctx) {
        JsonNode node = tree(ctx);
        if (node == null) {
            return new JsonObject();
        }
        if (!node.isObject()) {
            throw ApiException.badRequest("the body is not a JSON object");
        }
        return new JsonObject(JSON.convertValue(node, Map.class));
    }
}
