package io.modelgate.provenance.identity;

import io.modelgate.provenance.kb.SignalKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the traits of a unit (architecture, vocabulary, special tokens, tensor layout, …) from its input. */
final class ObservationExtractor {

    /** Embedding tensors whose first dimension (safetensors order) is the vocabulary size. */
    private static final Pattern EMBEDDING = Pattern.compile(
            "(?:^|\\.)(?:embed_tokens|tok_embeddings|word_embeddings|wte|embed_in)\\.weight$");
    /** GGUF stores dimensions innermost first: the vocabulary is the last dimension of token_embd. */
    private static final Pattern GGUF_EMBEDDING = Pattern.compile("^token_embd\\.weight$");
    private static final Pattern GGUF_VOCAB_KEY = Pattern.compile("^[a-z0-9_.-]+\\.vocab_size$");
    /**
     * A LoRA tensor (PEFT {@code base_model.model.<module>.lora_A.weight}, mlx-lm {@code <module>.lora_a}): the
     * module it adapts is a tensor of the base model, so the base's tensor grammar shows through an adapter.
     */
    private static final Pattern LORA = Pattern.compile(
            "^(?:base_model\\.model\\.)?(.+?)\\.lora_(?:[AaBb]|embedding_[AB]|magnitude_vector)(?:\\.[\\w-]+)?(?:\\.weight)?$");
    /**
     * LoRA factors whose second dimension is the base's vocabulary: PEFT's embedding factor A (rank x vocabulary)
     * and mlx-lm's output-head factor B (rank x vocabulary).
     */
    private static final Pattern LORA_VOCAB_IN = Pattern.compile(
            "(?:^|\\.)(?:(?:embed_tokens|tok_embeddings|word_embeddings|wte|embed_in)\\.lora_embedding_A(?:\\.[\\w-]+)?"
                    + "|lm_head\\.lora_b)$");
    /** PEFT's output-head factor B (vocabulary x rank). */
    private static final Pattern LORA_VOCAB_OUT = Pattern.compile(
            "(?:^|\\.)(?:lm_head|embed_out)\\.lora_B(?:\\.[\\w-]+)?\\.weight$");
    private static final int MAX_TENSORS_OBSERVED = 20_000;
    private static final int MAX_TOKENS_OBSERVED = 5_000;

    private static final int MAX_SOURCES = 3;
    private static final int MAX_PATTERNS = 16;

    private final List<Observation> out = new ArrayList<>();
    private final Map<String, Integer> seen = new java.util.HashMap<>();

    static List<Observation> extract(ModelEvidenceInput input) {
        ObservationExtractor extractor = new ObservationExtractor();
        extractor.config(input.config());
        extractor.tokenizer(input.tokenizerConfig());
        extractor.tokenizer(input.tokenizerJson());
        extractor.tokenizerJson(input.tokenizerJson());
        extractor.adapter(input.adapterConfig());
        extractor.generation(input.generationConfig());
        extractor.tensors(input.tensors());
        extractor.gguf(input.gguf());
        return List.copyOf(extractor.out);
    }

    private void add(SignalKind kind, Object value, String source) {
        if (value == null) {
            return;
        }
        String text = String.valueOf(value);
        if (text.isEmpty()) {
            return;
        }
        Integer index = seen.get(kind + "\u0000" + text);
        if (index == null) {
            seen.put(kind + "\u0000" + text, out.size());
            out.add(new Observation(kind, text, source));
            return;
        }
        // The same trait seen in another file (config and embedding shape) is one fact with two sources.
        Observation known = out.get(index);
        if (!known.source().contains(fileOf(source)) && known.source().split(" \\+ ").length < MAX_SOURCES) {
            out.set(index, new Observation(kind, text, known.source() + " + " + source));
        }
    }

    private static String fileOf(String source) {
        int hash = source.indexOf('#');
        return hash < 0 ? source : source.substring(0, hash);
    }

    private void config(Doc config) {
        if (!config.present()) {
            return;
        }
        configSection(config, config.data(), "");
        if (config.get("text_config") instanceof Map<?, ?> text) {
            configSection(config, JsonMaps.stringKeyed(text), "text_config/");
        }
    }

    private void configSection(Doc doc, Map<String, Object> section, String pointer) {
        if (section.get("architectures") instanceof List<?> architectures) {
            for (Object architecture : architectures) {
                add(SignalKind.ARCHITECTURE, architecture, doc.at(pointer + "architectures"));
            }
        }
        add(SignalKind.MODEL_TYPE, section.get("model_type"), doc.at(pointer + "model_type"));
        Object vocab = section.get("vocab_size") != null ? section.get("vocab_size") : section.get("padded_vocab_size");
        if (vocab instanceof Number n) {
            add(SignalKind.VOCAB_SIZE, n.longValue(), doc.at(pointer + "vocab_size"));
        }
        for (Map.Entry<String, Object> entry : section.entrySet()) {
            add(SignalKind.CONFIG_KEY, entry.getKey(), doc.at(pointer + entry.getKey()));
            flattenValue(doc, pointer, entry.getKey(), entry.getValue());
        }
    }

    /** Scalars become {@code key=value}; one nested level becomes {@code parent.key=value}. */
    private void flattenValue(Doc doc, String pointer, String key, Object value) {
        if (isScalar(value)) {
            add(SignalKind.CONFIG_VALUE, key + "=" + value, doc.at(pointer + key));
        } else if (value instanceof Map<?, ?> nested) {
            for (Map.Entry<?, ?> inner : nested.entrySet()) {
                if (isScalar(inner.getValue())) {
                    add(SignalKind.CONFIG_VALUE, key + "." + inner.getKey() + "=" + inner.getValue(),
                            doc.at(pointer + key + "/" + inner.getKey()));
                }
            }
        } else if (value instanceof List<?> list && list.size() <= 16) {
            for (Object item : list) {
                if (isScalar(item)) {
                    add(SignalKind.CONFIG_VALUE, key + "=" + item, doc.at(pointer + key));
                }
            }
        }
    }

    private static boolean isScalar(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean;
    }

    private void tokenizer(Doc tokenizer) {
        if (!tokenizer.present()) {
            return;
        }
        add(SignalKind.TOKENIZER_CLASS, tokenizer.text("tokenizer_class"), tokenizer.at("tokenizer_class"));
        for (String key : List.of("bos_token", "eos_token", "unk_token", "pad_token", "sep_token", "cls_token",
                "mask_token")) {
            add(SignalKind.SPECIAL_TOKEN, tokenText(tokenizer.get(key)), tokenizer.at(key));
        }
        if (tokenizer.get("additional_special_tokens") instanceof List<?> extra) {
            extra.stream().limit(MAX_TOKENS_OBSERVED).forEach(token ->
                    add(SignalKind.SPECIAL_TOKEN, tokenText(token), tokenizer.at("additional_special_tokens")));
        }
        if (tokenizer.get("added_tokens") instanceof List<?> added) {
            added.stream().limit(MAX_TOKENS_OBSERVED).forEach(token ->
                    add(SignalKind.SPECIAL_TOKEN, tokenText(token), tokenizer.at("added_tokens")));
        }
        if (tokenizer.get("added_tokens_decoder") instanceof Map<?, ?> decoder) {
            decoder.values().stream().limit(MAX_TOKENS_OBSERVED).forEach(token ->
                    add(SignalKind.SPECIAL_TOKEN, tokenText(token), tokenizer.at("added_tokens_decoder")));
        }
        chatTemplate(tokenizer.get("chat_template"), tokenizer.at("chat_template"));
    }

    /** A chat template is a string, or a list of named templates. */
    private void chatTemplate(Object template, String source) {
        if (template instanceof String text) {
            add(SignalKind.CHAT_TEMPLATE, text, source);
        } else if (template instanceof List<?> named) {
            for (Object item : named) {
                if (item instanceof Map<?, ?> map && map.get("template") instanceof String text) {
                    add(SignalKind.CHAT_TEMPLATE, text, source);
                }
            }
        }
    }

    private static String tokenText(Object token) {
        if (token instanceof String s) {
            return s;
        }
        if (token instanceof Map<?, ?> map && map.get("content") instanceof String s) {
            return s;
        }
        return null;
    }

    /** The counted vocabulary and the split patterns the scanner kept of a tokenizer.json. */
    private void tokenizerJson(Doc tokenizer) {
        if (!tokenizer.present()) {
            return;
        }
        if (tokenizer.get("vocab_count") instanceof Number n && n.longValue() > 0) {
            add(SignalKind.TOKENIZER_VOCAB, n.longValue(), tokenizer.at("model/vocab"));
        }
        if (tokenizer.get("token_count") instanceof Number n && n.longValue() > 0) {
            add(SignalKind.TOKENIZER_VOCAB, n.longValue(), tokenizer.at("added_tokens"));
        }
        if (tokenizer.get("pre_tokenizer_patterns") instanceof List<?> patterns) {
            patterns.stream().limit(MAX_PATTERNS).filter(p -> p instanceof String)
                    .forEach(p -> add(SignalKind.PRE_TOKENIZER, p, tokenizer.at("pre_tokenizer")));
        }
    }

    /** The modules an adapter adapts, as one fact, and the base model's class when PEFT recorded it. */
    private void adapter(Doc adapter) {
        if (!adapter.present()) {
            return;
        }
        java.util.SortedSet<String> modules = TargetModules.of(adapter);
        if (!modules.isEmpty()) {
            add(SignalKind.TARGET_MODULE, String.join(",", modules), adapter.at(TargetModules.pointer(adapter)));
        }
        if (adapter.get("auto_mapping") instanceof Map<?, ?> mapping && mapping.get("base_model_class") instanceof String cls) {
            add(SignalKind.ARCHITECTURE, cls, adapter.at("auto_mapping/base_model_class"));
        }
    }

    private void generation(Doc generation) {
        if (!generation.present()) {
            return;
        }
        for (Map.Entry<String, Object> entry : generation.data().entrySet()) {
            if (entry.getKey().endsWith("token_id")) {
                flattenValue(generation, "", entry.getKey(), entry.getValue());
            }
        }
    }

    private void tensors(TensorLayout layout) {
        int count = 0;
        for (Map.Entry<String, List<Long>> tensor : layout.shapes().entrySet()) {
            if (++count > MAX_TENSORS_OBSERVED) {
                break;
            }
            String name = tensor.getKey();
            add(SignalKind.TENSOR, name, layout.source() + "#tensor:" + name);
            Matcher lora = LORA.matcher(name);
            if (lora.matches()) {
                add(SignalKind.TENSOR, lora.group(1) + ".weight", layout.source() + "#tensor:" + name);
            }
            List<Long> shape = tensor.getValue();
            if (shape == null || shape.size() != 2) {
                continue;
            }
            if (EMBEDDING.matcher(name).find()) {
                add(SignalKind.VOCAB_SIZE, shape.get(0), layout.source() + "#tensor:" + name);
            } else if (GGUF_EMBEDDING.matcher(name).find()) {
                add(SignalKind.VOCAB_SIZE, shape.get(1), layout.source() + "#tensor:" + name);
            } else if (LORA_VOCAB_IN.matcher(name).find()) {
                add(SignalKind.VOCAB_SIZE, shape.get(1), layout.source() + "#tensor:" + name);
            } else if (LORA_VOCAB_OUT.matcher(name).find()) {
                add(SignalKind.VOCAB_SIZE, shape.get(0), layout.source() + "#tensor:" + name);
            }
        }
    }

    private void gguf(Doc gguf) {
        if (!gguf.present()) {
            return;
        }
        add(SignalKind.GGUF_ARCH, gguf.text("general.architecture"), gguf.source() + "#general.architecture");
        add(SignalKind.GGUF_PRE, gguf.text("tokenizer.ggml.pre"), gguf.source() + "#tokenizer.ggml.pre");
        chatTemplate(gguf.get("tokenizer.chat_template"), gguf.source() + "#tokenizer.chat_template");
        for (Map.Entry<String, Object> entry : gguf.data().entrySet()) {
            Matcher vocabKey = GGUF_VOCAB_KEY.matcher(entry.getKey());
            if (vocabKey.matches() && entry.getValue() instanceof Number n) {
                add(SignalKind.VOCAB_SIZE, n.longValue(), gguf.source() + "#" + entry.getKey());
            }
        }
        if (gguf.get(FormatFacts.TOKEN_COUNT) instanceof Number count) {
            add(SignalKind.VOCAB_SIZE, count.longValue(), gguf.source() + "#tokenizer.ggml.tokens");
        }
    }
}
