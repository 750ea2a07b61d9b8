package io.modelgate.scanner.config;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A sentence-transformers {@code modules.json}: the list of modules the model is built from. Each {@code type} is
 * imported (a type outside sentence_transformers and transformers is custom code, loaded from the repository with
 * trust_remote_code) and each {@code path} is the folder the module loads from, which must stay inside the model.
 */
final class SentenceTransformerModules {

    private SentenceTransformerModules() {
    }

    static void inspect(JsonNode modules, TargetReporter reporter) {
        if (!modules.isArray()) {
            reporter.incomplete("", "is not a list of modules, which sentence-transformers cannot load");
            return;
        }
        TargetPolicy policy = TargetPolicy.defaults();
        for (int i = 0; i < modules.size(); i++) {
            JsonNode module = modules.get(i);
            String path = KeyPaths.index("", i);
            if (!module.isObject()) {
                reporter.incomplete(path, "is not a module description");
                continue;
            }
            JsonNode type = module.get("type");
            if (type != null && type.isTextual()) {
                reporter.report(KeyPaths.child(path, "type"), policy.judge(type.asText()),
                        "sentence-transformers imports and builds");
            } else {
                reporter.incomplete(KeyPaths.child(path, "type"), "is missing or not text, so the module cannot be "
                        + "judged");
            }
            JsonNode folder = module.get("path");
            if (folder != null && folder.isTextual()) {
                reporter.path(KeyPaths.child(path, "path"), folder.asText(), ConfigPaths.of(folder.asText()));
            }
        }
    }
}
