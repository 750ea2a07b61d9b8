package io.modelgate.scanner.gguf;

import io.modelgate.scanner.analysis.AnalysisContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns GGUF metadata into report facts: identity and provenance (name, organisation, base models,
 * licence), architecture, quantisation, tokenizer summary (counts, never the vocabulary) and the
 * chat template text (bounded) for the template review.
 */
final class GgufFacts {

    static final int MAX_TEMPLATE_CHARS = 64 * 1024;
    private static final int MAX_LISTED_TENSORS = 2000;
    private static final int MAX_VALUE_CHARS = 1024;
    private static final int MAX_BASE_MODELS = 64;
    private static final String[] FILE_TYPES = {"ALL_F32", "MOSTLY_F16", "MOSTLY_Q4_0", "MOSTLY_Q4_1",
            "MOSTLY_Q4_1_SOME_F16", null, null, "MOSTLY_Q8_0", "MOSTLY_Q5_0", "MOSTLY_Q5_1", "MOSTLY_Q2_K",
            "MOSTLY_Q3_K_S", "MOSTLY_Q3_K_M", "MOSTLY_Q3_K_L", "MOSTLY_Q4_K_S", "MOSTLY_Q4_K_M", "MOSTLY_Q5_K_S",
            "MOSTLY_Q5_K_M", "MOSTLY_Q6_K"};
    private static final String[][] GENERAL = {{"general.name", "gguf.name"},
            {"general.organization", "gguf.organization"}, {"general.author", "gguf.author"},
            {"general.basename", "gguf.basename"}, {"general.finetune", "gguf.finetune"},
            {"general.version", "gguf.modelVersion"}, {"general.size_label", "gguf.sizeLabel"},
            {"general.license", "gguf.license"}, {"general.license.name", "gguf.licenseName"},
            {"general.license.link", "gguf.licenseLink"}, {"general.url", "gguf.url"},
            {"general.repo_url", "gguf.repoUrl"}, {"general.quantized_by", "gguf.quantizedBy"},
            {"general.quantization_version", "gguf.quantizationVersion"},
            {"tokenizer.ggml.model", "gguf.tokenizer.model"}, {"tokenizer.ggml.pre", "gguf.tokenizer.pre"}};
    private static final String[] SPECIAL_TOKENS = {"bos", "eos", "unknown", "separator", "padding", "mask", "eot",
            "eom", "cls"};

    private GgufFacts() {
    }

    static void record(GgufFile file, AnalysisContext context) {
        Map<String, GgufEntry> md = file.metadata();
        context.fact("gguf.version", file.version());
        if (file.order() == java.nio.ByteOrder.BIG_ENDIAN) {
            context.fact("gguf.byteOrder", "big-endian");
        }
        context.fact("gguf.tensorCount", file.tensorCount());
        context.fact("gguf.metadataCount", file.kvCount());
        context.fact("gguf.alignment", file.alignment());
        string(md, "general.architecture").ifPresent(arch -> {
            context.fact("gguf.architecture", arch);
            number(md, arch + ".context_length").ifPresent(n -> context.fact("gguf.contextLength", n));
            number(md, arch + ".block_count").ifPresent(n -> context.fact("gguf.blockCount", n));
            number(md, arch + ".embedding_length").ifPresent(n -> context.fact("gguf.embeddingLength", n));
        });
        for (String[] mapping : GENERAL) {
            GgufEntry e = md.get(mapping[0]);
            if (e != null && e.value() != null && !(e.value() instanceof GgufArray)) {
                context.fact(mapping[1], shorten(e.value()));
            }
        }
        number(md, "general.file_type").ifPresent(t -> context.fact("gguf.fileType",
                t >= 0 && t < FILE_TYPES.length && FILE_TYPES[t.intValue()] != null ? FILE_TYPES[t.intValue()] : "type " + t));
        baseModels(md, context);
        tokenizer(md, context);
        tensors(file, context);
        templates(md, context);
    }

    private static void baseModels(Map<String, GgufEntry> md, AnalysisContext context) {
        var count = number(md, "general.base_model.count");
        if (count.isEmpty()) {
            return;
        }
        context.fact("gguf.baseModelCount", count.get());
        List<Map<String, Object>> models = new ArrayList<>();
        for (long i = 0; i < Math.min(count.get(), MAX_BASE_MODELS); i++) {
            String prefix = "general.base_model." + i + ".";
            Map<String, Object> model = new LinkedHashMap<>();
            for (String field : new String[]{"name", "author", "organization", "version", "repo_url", "url", "doi", "uuid"}) {
                GgufEntry e = md.get(prefix + field);
                if (e != null && e.value() != null && !(e.value() instanceof GgufArray)) {
                    model.put(field, shorten(e.value()));
                }
            }
            models.add(model);
        }
        context.fact("gguf.baseModels", models);
    }

    private static void tokenizer(Map<String, GgufEntry> md, AnalysisContext context) {
        GgufEntry tokens = md.get("tokenizer.ggml.tokens");
        if (tokens != null && tokens.value() instanceof GgufArray a) {
            context.fact("gguf.tokenizer.tokenCount", a.length());
        }
        GgufEntry merges = md.get("tokenizer.ggml.merges");
        if (merges != null && merges.value() instanceof GgufArray a) {
            context.fact("gguf.tokenizer.mergeCount", a.length());
        }
        Map<String, Long> special = new TreeMap<>();
        for (String name : SPECIAL_TOKENS) {
            number(md, "tokenizer.ggml." + name + "_token_id").ifPresent(id -> special.put(name, id));
        }
        if (!special.isEmpty()) {
            context.fact("gguf.tokenizer.specialTokenIds", special);
        }
    }

    private static void tensors(GgufFile file, AnalysisContext context) {
        Map<String, Integer> byType = new TreeMap<>();
        List<String> names = new ArrayList<>();
        Map<String, List<Long>> shapes = new LinkedHashMap<>();
        long parameters = 0;
        for (GgufTensorInfo t : file.tensors()) {
            byType.merge(GgmlType.byId(t.typeId()).map(Enum::name).orElse("type " + t.typeId()), 1, Integer::sum);
            if (names.size() < MAX_LISTED_TENSORS) {
                names.add(t.name());
                shapes.put(t.name(), java.util.Arrays.stream(t.dims()).boxed().toList());
            }
            long n = t.elements();
            parameters = n < 0 || parameters > Long.MAX_VALUE - n ? Long.MAX_VALUE : parameters + n;
        }
        context.fact("gguf.quantization", byType);
        context.fact("gguf.parameterCount", parameters);
        context.fact("gguf.tensorNames", names);
        context.fact("gguf.tensorShapes", shapes);
        if (file.tensors().size() > names.size()) {
            context.fact("gguf.tensorNamesOmitted", file.tensors().size() - names.size());
        }
    }

    private static void templates(Map<String, GgufEntry> md, AnalysisContext context) {
        for (GgufEntry e : md.values()) {
            if (!e.key().equals("tokenizer.chat_template") && !e.key().startsWith("tokenizer.chat_template.")) {
                continue;
            }
            if (e.value() instanceof String || e.value() instanceof TruncatedString) {
                String text = e.value().toString();
                String factKey = "gguf.chatTemplate" + e.key().substring("tokenizer.chat_template".length());
                context.fact(factKey, text.length() <= MAX_TEMPLATE_CHARS ? text : text.substring(0, MAX_TEMPLATE_CHARS));
                if (text.length() > MAX_TEMPLATE_CHARS || e.value() instanceof TruncatedString) {
                    context.fact(factKey + "Truncated", true);
                }
            }
        }
    }

    static java.util.Optional<String> string(Map<String, GgufEntry> md, String key) {
        GgufEntry e = md.get(key);
        return e != null && e.value() instanceof String s ? java.util.Optional.of(s) : java.util.Optional.empty();
    }

    static java.util.Optional<Long> number(Map<String, GgufEntry> md, String key) {
        GgufEntry e = md.get(key);
        return e != null && e.value() instanceof Long n ? java.util.Optional.of(n) : java.util.Optional.empty();
    }

    private static Object shorten(Object value) {
        String text = value instanceof TruncatedString t ? t.prefix() : null;
        if (value instanceof String s) {
            text = s;
        }
        if (text == null) {
            return value;
        }
        return text.length() <= MAX_VALUE_CHARS ? text : text.substring(0, MAX_VALUE_CHARS) + "…";
    }
}
