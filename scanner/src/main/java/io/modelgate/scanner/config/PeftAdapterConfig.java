package io.modelgate.scanner.config;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A PEFT {@code adapter_config.json}: {@code auto_mapping} names the base model class PEFT imports
 * ({@code parent_library}, then {@code base_model_class}); {@code base_model_name_or_path} is loaded as the base, and
 * a local path there reads a folder outside the adapter.
 */
final class PeftAdapterConfig {

    private PeftAdapterConfig() {
    }

    static boolean is(JsonNode root) {
        return root.isObject() && root.path("peft_type").isTextual();
    }

    static void inspect(JsonNode root, TargetReporter reporter) {
        JsonNode mapping = root.get("auto_mapping");
        if (mapping != null && mapping.isObject()) {
            JsonNode library = mapping.get("parent_library");
            JsonNode className = mapping.get("base_model_class");
            if (library != null && library.isTextual() && className != null && className.isTextual()) {
                reporter.report("auto_mapping", TargetPolicy.defaults().judge(library.asText() + "."
                        + className.asText()), "PEFT imports and builds");
            } else {
                reporter.incomplete("auto_mapping", "does not name a parent_library and a base_model_class, so what "
                        + "PEFT imports cannot be judged");
            }
        }
        JsonNode base = root.get("base_model_name_or_path");
        if (base != null && base.isTextual()) {
            ConfigPaths.Reach reach = ConfigPaths.of(base.asText());
            if (reach == ConfigPaths.Reach.LEAVES) {
                reporter.context().report(ConfigRules.BASE_OUTSIDE_MODEL, base.asText(),
                        reporter.at("base_model_name_or_path") + " is a local path outside the adapter: loading "
                                + "reads the base model from there");
            } else if (reach == ConfigPaths.Reach.REMOTE) {
                reporter.path("base_model_name_or_path", base.asText(), reach);
            }
        }
    }
}
