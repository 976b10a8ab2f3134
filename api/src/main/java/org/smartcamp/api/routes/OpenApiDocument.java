package org.smartcamp.api.routes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.smartcamp.ingest.catalogue.AssetKind;
import org.smartcamp.ingest.catalogue.EventKind;
import org.smartcamp.ingest.catalogue.FigureFamily;
import org.smartcamp.ingest.catalogue.MetricKind;

/**
 * The OpenAPI document as served: the file on the class path with its enumerations of the catalogue's names (asset
 * kinds, event kinds, figure families, metric kinds) filled from the catalogue in code, so that they cannot drift.
 */
final class OpenApiDocument {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private final ObjectNode root;

    /**
     * Reads {@code yaml} and fills its enumerations.
     *
     * @throws IllegalStateException when the document is not valid YAML or lacks a place the catalogue fills
     */
    OpenApiDocument(String yaml) {
        try {
            root = (ObjectNode) YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the OpenAPI document is not valid YAML: " + e.getOriginalMessage(), e);
        }
        List<String> kinds = new ArrayList<>(Arrays.stream(AssetKind.values()).map(AssetKind::code).toList());
        kinds.add(AssetKind.UNKNOWN_CODE);
        fill("/components/parameters/assetKind/schema/items", kinds);
        fill("/components/parameters/eventKind/schema/items",
            Arrays.stream(EventKind.values()).map(EventKind::id).toList());
        List<String> families = Arrays.stream(FigureFamily.values()).map(FigureFamily::code).toList();
        fill("/components/schemas/Catalogue/properties/figures/items/properties/family", families);
        fill("/components/schemas/Catalogue/properties/eventKinds/items/properties/family", families);
        fill("/components/schemas/Catalogue/properties/metrics/items/properties/kind",
            Arrays.stream(MetricKind.values()).map(MetricKind::code).toList());
    }

    private void fill(String pointer, List<String> names) {
        JsonNode at = root.at(pointer);
        if (!(at instanceof ObjectNode schema)) {
            throw new IllegalStateException("the OpenAPI document has no " + pointer + " to list the catalogue in");
        }
        ArrayNode values = schema.putArray("enum");
        names.forEach(values::add);
    }

    String json() {
        return write(JSON);
    }

    String yaml() {
        return write(YAML);
    }

    private String write(ObjectMapper mapper) {
        try {
            return mapper.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
