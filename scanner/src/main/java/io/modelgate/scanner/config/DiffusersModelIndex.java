package io.modelgate.scanner.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A diffusers {@code model_index.json}: each component is a {@code [library, class]} pair that diffusers imports
 * ({@code importlib.import_module(library)}, then the class). A library that is not diffusers, transformers or a
 * diffusers pipeline module is custom code; a {@code _class_name} pair is a custom pipeline module of the repository;
 * a {@code custom_pipeline} is downloaded at load time.
 */
final class DiffusersModelIndex {

    private static final Set<String> LIBRARIES = Set.of("diffusers", "transformers");

    private DiffusersModelIndex() {
    }

    /** Whether a JSON object is a diffusers pipeline index (component configs carry the version but no pairs). */
    static boolean is(JsonNode root) {
        return root.isObject() && root.has("_diffusers_version") && root.has("_class_name");
    }

    static void inspect(JsonNode root, TargetReporter reporter) {
        TargetPolicy policy = TargetPolicy.defaults();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            String path = KeyPaths.child("", key);
            if (key.equals("_class_name") && value.isArray()) {
                pair(value, path, policy, reporter, "diffusers loads the custom pipeline module of the repository and "
                        + "builds");
            } else if (key.equals("custom_pipeline") && value.isTextual()) {
                reporter.remote(path, value.asText(), "names a custom pipeline, which diffusers downloads and runs");
            } else if (!key.startsWith("_") && value.isArray() && value.size() == 2) {
                pair(value, path, policy, reporter, "diffusers imports and builds");
            }
        }
    }

    private static void pair(JsonNode pair, String path, TargetPolicy policy, TargetReporter reporter, String action) {
        JsonNode library = pair.get(0);
        JsonNode className = pair.size() > 1 ? pair.get(1) : null;
        if (library == null || library.isNull() || className == null || className.isNull()) {
            return;
        }
        if (!library.isTextual() || !className.isTextual()) {
            reporter.incomplete(path, "is not a [library, class] pair of names");
            return;
        }
        String lib = library.asText();
        String target = lib + "." + className.asText();
        Judgement judgement = policy.judge(target);
        boolean known = LIBRARIES.contains(lib) || policy.isDiffusersModule(lib);
        if (judgement.verdict() == TargetVerdict.DANGEROUS || !known) {
            if (judgement.verdict() == TargetVerdict.REVIEWED && !known) {
                judgement = new Judgement(target, TargetVerdict.UNREVIEWED, "not a library diffusers ships with");
            }
            reporter.report(path, judgement, action);
        }
    }
}
