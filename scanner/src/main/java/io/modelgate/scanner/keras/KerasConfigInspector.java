package io.modelgate.scanner.keras;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.analysis.TimeoutExceededException;
import io.modelgate.scanner.keras.KerasReferences.Verdict;

import io.modelgate.scanner.io.ArrayByteSource;

import java.io.IOException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a Keras model config (Keras 3 {@code config.json} or a legacy {@code model_config}) wherever objects
 * are nested: layers of Sequential and functional models, wrappers, nested models, losses, metrics,
 * optimizers. Lambdas carrying bytecode (in every encoding Keras has used), references to modules outside
 * Keras and fields through which a layer reads a file, model or URL are reported with the layer they sit in.
 * Serialized data inside string values is opened too: a JSON string holding another Keras config is
 * inspected like the model's own, base64 text is decoded (marshalled bytecode is a lambda; anything else is
 * handed to detection as an embedded artifact). The JSON nesting is already bounded by the parser.
 */
final class KerasConfigInspector {

    /** Decoded blobs handed on per file, and their total size: a config is not a way around the limits. */
    private static final int MAX_BLOBS = 256;
    private static final long MAX_BLOB_BYTES = 64L << 20;

    private final AnalysisContext context;
    /** Values already reported as lambda bytecode, so their base64 is not reported again. */
    private final Set<JsonNode> lambdaPayloads = Collections.newSetFromMap(new IdentityHashMap<>());
    private int blobs;
    private long blobBytes;
    private String origin = "";
    private String modelClass;
    private long objects;

    KerasConfigInspector(AnalysisContext context) {
        this.context = context;
    }

    /** @param from where the config was read, for messages ("config.json", "the model_config attribute") */
    void inspect(JsonNode root, String from) throws IOException {
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

    private void visit(JsonNode node, String where) throws IOException {
        if (node.isTextual()) {
            openString(node, where);
            return;
        }
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
            checkLocations(node, here);
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
        JsonNode config = object.get("config");
        if (config != null) {
            config.forEach(lambdaPayloads::add);
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
                lambdaPayloads.add(payload);
                payload.forEach(lambdaPayloads::add);
                context.report(KerasRules.LAMBDA_BYTECODE, where + " (" + base + ")", "The '" + base + "' of " + where
                        + " in " + origin + " is marshalled Python bytecode that legacy loaders rebuild and run.");
            }
        }
    }

    /** Fields through which the layer's constructor reads a file, a saved model or a URL. */
    private void checkLocations(JsonNode object, String where) {
        JsonNode config = object.get("config");
        if (config == null || !config.isObject()) {
            return;
        }
        Optional<String> wrapped = ConfigLocations.wrapperKey(text(object, "class_name"));
        Iterator<Map.Entry<String, JsonNode>> fields = config.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            Optional<String> location = ConfigLocations.of(field.getKey(), field.getValue());
            if (location.isPresent()) {
                String what = wrapped.filter(field.getKey()::equals).isPresent() ? "loads the model at" : "reads";
                context.report(KerasRules.LOADS_LOCATION, location.get(), where + " in " + origin + " " + what
                        + " '" + location.get() + "' (config field '" + field.getKey() + "') when the model is loaded.");
            }
        }
    }

    /**
     * A string value may carry serialized data: a Keras config as JSON text (inspected in place) or base64
     * (bytecode is a lambda; other bytes are analysed as an embedded artifact).
     */
    private void openString(JsonNode node, String where) throws IOException {
        String text = node.asText();
        if (text.length() < ConfigBlobs.MIN_CHARS) {
            return;
        }
        String trimmed = text.strip();
        if (trimmed.startsWith("{") && trimmed.contains("\"class_name\"")) {
            JsonNode nested;
            try {
                nested = KerasJson.parse(trimmed.getBytes(java.nio.charset.StandardCharsets.UTF_8), "nested config");
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return;
            }
            String outer = origin;
            origin = "a config nested in " + where + " of " + outer;
            try {
                visit(nested, "the model");
            } finally {
                origin = outer;
            }
            return;
        }
        if (lambdaPayloads.contains(node)) {
            return;
        }
        Optional<byte[]> decoded = ConfigBlobs.decode(text, KerasJson.MAX_CONFIG_BYTES);
        if (decoded.isEmpty()) {
            return;
        }
        if (ConfigBlobs.isMarshalledCode(decoded.get())) {
            context.report(KerasRules.LAMBDA_BYTECODE, where + " (base64 bytecode)", "A string in " + where + " of "
                    + origin + " is marshalled Python bytecode; a loader or custom layer that rebuilds it runs it.");
            return;
        }
        if (blobs >= MAX_BLOBS || blobBytes + decoded.get().length > MAX_BLOB_BYTES) {
            context.limitReached("more serialized data in the config than is analysed");
            return;
        }
        blobs++;
        blobBytes += decoded.get().length;
        context.scanEmbedded("base64 in " + where + " #" + blobs, new ArrayByteSource(decoded.get()));
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
