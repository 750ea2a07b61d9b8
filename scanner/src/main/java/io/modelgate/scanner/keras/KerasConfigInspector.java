package io.modelgate.scanner.keras;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.analysis.TimeoutExceededException;
import io.modelgate.scanner.keras.KerasReferences.Verdict;

import java.util.Iterator;
import java.util.Map;

/**
 * Checks a Keras model config (Keras 3 {@code config.json} or a legacy {@code model_config}) wherever objects
 * are nested: layers of Sequential and functional models, wrappers, nested models, losses, metrics,
 * optimizers. Lambdas carrying bytecode and references to modules outside Keras are reported with the
 * layer they sit in. The JSON nesting is already bounded by the parser.
 */
final class KerasConfigInspector {

    private final AnalysisContext context;
    private String origin = "";
    private String modelClass;
    private long objects;

    KerasConfigInspector(AnalysisContext context) {
        this.context = context;
    }

    /** @param from where the config was read, for messages ("config.json", "the model_config attribute") */
    void inspect(JsonNode root, String from) throws TimeoutExceededException {
        origin = from;
        JsonNode className = root.get("class_name");
        if (modelClass == null && className != null && className.isTextual()) {
            modelClass = className.asText();
        }
        visit(root, "the model");
    }

    /** Facts over every config inspected. */
    void reportFacts() {
        context.fact("keras.configObjects", objects);
        if (modelClass != null) {
            context.fact("keras.modelClass", modelClass);
        }
    }

    private void visit(JsonNode node, String where) throws TimeoutExceededException {
        if (node.isArray()) {
            for (JsonNode element : node) {
                visit(element, where);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        context.deadline().check();
        String here = where;
        if (node.hasNonNull("class_name")) {
            objects++;
            here = label(node, where);
            checkLambda(node, here);
        }
        if (node.hasNonNull("class_name") || node.hasNonNull("module") || node.hasNonNull("registered_name")) {
            checkReference(node, here);
        }
        checkLegacyLambdas(node, here);
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            visit(fields.next().getValue(), here);
        }
    }

    /** "Dense 'dense_1' in Sequential 'encoder'": the object's layer and the layer holding it. */
    private String label(JsonNode object, String where) {
        JsonNode config = object.get("config");
        JsonNode name = config == null ? null : config.get("name");
        if (name == null || !name.isTextual()) {
            return where;
        }
        String here = text(object, "class_name") + " '" + name.asText() + "'";
        int inner = where.indexOf(" in ");
        String parent = inner < 0 ? where : where.substring(0, inner);
        return parent.equals("the model") ? here : here + " in " + parent;
    }

    /** Keras 3 lambdas: {"class_name": "__lambda__", "config": {"code" | "value": ...}}. */
    private void checkLambda(JsonNode object, String where) {
        if (!"__lambda__".equals(text(object, "class_name"))) {
            return;
        }
        context.report(KerasRules.LAMBDA_BYTECODE, where, "A serialized lambda in " + where + " of " + origin
                + " carries Python bytecode that runs when the model is loaded without safe mode.");
    }

    /** Legacy lambdas: {"function": [base64 code, defaults, closure], "function_type": "lambda"}, and the like. */
    private void checkLegacyLambdas(JsonNode object, String where) {
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getKey().endsWith("_type") || !"lambda".equals(field.getValue().asText(null))) {
                continue;
            }
            String base = field.getKey().substring(0, field.getKey().length() - "_type".length());
            JsonNode payload = object.get(base);
            if (payload != null && (payload.isArray() || payload.isTextual())) {
                context.report(KerasRules.LAMBDA_BYTECODE, where + " (" + base + ")", "The '" + base + "' of " + where
                        + " in " + origin + " is marshalled Python bytecode that legacy loaders rebuild and run.");
            }
        }
    }

    private void checkReference(JsonNode object, String where) {
        String className = text(object, "class_name");
        String module = text(object, "module");
        String registered = text(object, "registered_name");
        String name = referencedName(object, className);
        Verdict verdict = Verdict.KERAS;
        String subject = null;
        // A legacy lambda's "module" only says where the lambda was written; its bytecode is reported apart.
        boolean lambda = "lambda".equals(text(object, "function_type"));
        if (module != null && !module.isEmpty() && !lambda) {
            verdict = KerasReferences.ofModule(module, name);
            subject = module + "." + name;
        }
        if (registered != null && !registered.isEmpty()) {
            Verdict byName = KerasReferences.ofRegisteredName(registered);
            if (worse(byName, verdict) || (byName == verdict && verdict != Verdict.KERAS)) {
                verdict = byName;
                subject = registered;
            }
        }
        switch (verdict) {
            case DANGEROUS -> context.report(KerasRules.DANGEROUS_REFERENCE, subject, where + " in " + origin
                    + " references " + subject + "; loading the model can call it.");
            case SIDE_EFFECT -> context.report(KerasRules.SIDE_EFFECT_FUNCTION, subject, where + " in " + origin
                    + " references " + subject + ", which downloads or writes files when called.");
            case CUSTOM -> context.report(KerasRules.CUSTOM_OBJECT, subject, where + " in " + origin
                    + " needs " + subject + ", which is not part of Keras.");
            case KERAS -> {
            }
        }
    }

    /** Functions are serialized as class "function" with their name in config (or "function" in legacy Lambdas). */
    private static String referencedName(JsonNode object, String className) {
        JsonNode config = object.get("config");
        if ("function".equals(className) && config != null && config.isTextual()) {
            return config.asText();
        }
        JsonNode function = object.get("function");
        if (className == null && function != null && function.isTextual()) {
            return function.asText();
        }
        return className == null ? "" : className;
    }

    private static boolean worse(Verdict candidate, Verdict current) {
        return rank(candidate) > rank(current);
    }

    private static int rank(Verdict verdict) {
        return switch (verdict) {
            case KERAS -> 0;
            case CUSTOM -> 1;
            case SIDE_EFFECT -> 2;
            case DANGEROUS -> 3;
        };
    }

    private static String text(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
