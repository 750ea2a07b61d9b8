package io.modelgate.scanner.keras;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Config fields through which a layer reads a file, a saved model or a URL while it is constructed:
 * preprocessing vocabularies (a string there is a path; a list is the vocabulary itself), tokenizer files,
 * TensorFlow Hub handles and wrapped SavedModels. Keys are matched whatever the layer class, so a custom layer
 * using the same convention is caught as well.
 */
final class ConfigLocations {

    /** Keys whose string value is always a location for the layers that define them. */
    private static final Set<String> PATH_KEYS = Set.of("vocabulary", "vocabulary_path", "vocabulary_file",
            "vocab_file", "vocab_path", "merges", "merges_file", "proto", "spm_model_file", "sentencepiece_model",
            "tokenizer_file", "filepath", "file_path", "saved_model_path", "model_path", "handle",
            "hub_handle", "module_url", "weights_path");

    /** Classes that load another model by their whole purpose, with the key naming it. */
    private static final Map<String, String> MODEL_WRAPPERS = Map.of("KerasLayer", "handle", "TFSMLayer",
            "filepath", "TFHubLayer", "handle");

    private ConfigLocations() {
    }

    /** The location a config field names, if the field is one a constructor reads from. */
    static Optional<String> of(String key, JsonNode value) {
        if (!value.isTextual() || value.asText().isBlank()) {
            return Optional.empty();
        }
        String text = value.asText();
        if (PATH_KEYS.contains(key)) {
            // keras-hub keeps small inline merges/vocabularies as text with newlines; a path has none
            return text.indexOf('\n') < 0 ? Optional.of(text) : Optional.empty();
        }
        return Optional.empty();
    }

    /** For a wrapper class (TF Hub KerasLayer, TFSMLayer), the config key that names the wrapped model. */
    static Optional<String> wrapperKey(String className) {
        return Optional.ofNullable(MODEL_WRAPPERS.get(className));
    }
}
