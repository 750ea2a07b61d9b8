package io.modelgate.scanner.hf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;

/**
 * Every reference to repository code in a Hugging Face config, in the shape of an auto_map: the {@code auto_map}
 * itself, and the {@code impl} of each transformers {@code custom_pipelines} task ({@code module.Class}, or
 * {@code owner/repo--module.Class} for code in another repository).
 */
final class CustomCodeReferences {

    private CustomCodeReferences() {
    }

    static JsonNode of(JsonNode root) {
        JsonNode autoMap = root.get("auto_map");
        JsonNode pipelines = root.get("custom_pipelines");
        if (pipelines == null || !pipelines.isObject()) {
            return autoMap;
        }
        ObjectNode all = JsonNodeFactory.instance.objectNode();
        if (autoMap != null && autoMap.isObject()) {
            all.setAll((ObjectNode) autoMap);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = pipelines.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> task = it.next();
            JsonNode impl = task.getValue().path("impl");
            if (impl.isTextual()) {
                all.set("custom_pipelines." + task.getKey(), impl);
            }
        }
        return all;
    }
}
