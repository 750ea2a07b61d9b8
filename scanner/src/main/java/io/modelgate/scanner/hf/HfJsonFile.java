package io.modelgate.scanner.hf;

import io.modelgate.scanner.facts.MetadataDocument;

import java.util.List;
import java.util.Locale;

/** The Hugging Face JSON files ModelGate understands, the fact prefix each uses and the keys it keeps. */
enum HfJsonFile {
    CONFIG("config.json", "hf.config", List.of("architectures", "model_type", "vocab_size", "hidden_size",
            "num_hidden_layers", "num_attention_heads", "num_key_value_heads", "intermediate_size",
            "max_position_embeddings", "rope_theta", "rope_scaling.rope_type", "rope_scaling.type", "bos_token_id",
            "eos_token_id", "pad_token_id", "tie_word_embeddings", "torch_dtype", "dtype",
            "quantization_config.quant_method", "_name_or_path", "transformers_version", "text_config.model_type",
            "text_config.vocab_size", "text_config.hidden_size", "text_config.num_hidden_layers")),
    TOKENIZER_CONFIG("tokenizer_config.json", "hf.tokenizer", List.of("tokenizer_class", "bos_token", "eos_token",
            "unk_token", "pad_token", "model_max_length", "add_bos_token", "add_eos_token", "processor_class")),
    GENERATION_CONFIG("generation_config.json", "hf.generation", List.of("bos_token_id", "eos_token_id",
            "pad_token_id", "do_sample", "temperature", "top_p", "top_k", "max_length", "max_new_tokens",
            "transformers_version")),
    ADAPTER_CONFIG("adapter_config.json", "hf.adapter", List.of("base_model_name_or_path", "peft_type", "task_type",
            "r", "lora_alpha", "lora_dropout", "target_modules", "revision")),
    SPECIAL_TOKENS_MAP("special_tokens_map.json", "hf.special_tokens", List.of("bos_token", "eos_token", "unk_token",
            "pad_token", "sep_token", "cls_token", "mask_token", "additional_special_tokens")),
    CHAT_TEMPLATE("chat_template.json", "hf.chat_template", List.of()),
    PROCESSOR_CONFIG("processor_config.json", "hf.processor", List.of("processor_class")),
    TOKENIZER("tokenizer.json", "hf.tokenizer_json", List.of()),
    OTHER(null, "json", List.of());

    private final String fileName;
    private final String prefix;
    private final List<String> factKeys;

    HfJsonFile(String fileName, String prefix, List<String> factKeys) {
        this.fileName = fileName;
        this.prefix = prefix;
        this.factKeys = factKeys;
    }

    /** The metadata document provenance reads from this file, or null when it reads none. */
    MetadataDocument.Kind document() {
        return switch (this) {
            case CONFIG -> MetadataDocument.Kind.CONFIG;
            case TOKENIZER_CONFIG -> MetadataDocument.Kind.TOKENIZER_CONFIG;
            case GENERATION_CONFIG -> MetadataDocument.Kind.GENERATION_CONFIG;
            case ADAPTER_CONFIG -> MetadataDocument.Kind.ADAPTER_CONFIG;
            case CHAT_TEMPLATE -> MetadataDocument.Kind.CHAT_TEMPLATE;
            case TOKENIZER -> MetadataDocument.Kind.TOKENIZER;
            case SPECIAL_TOKENS_MAP -> MetadataDocument.Kind.SPECIAL_TOKENS_MAP;
            default -> null;
        };
    }

    String prefix() {
        return prefix;
    }

    List<String> factKeys() {
        return factKeys;
    }

    String fileName() {
        return fileName;
    }

    /** The kind of a file from its name (the last path segment, case-insensitive). */
    static HfJsonFile forName(String path) {
        String leaf = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        for (HfJsonFile f : values()) {
            if (leaf.equals(f.fileName)) {
                return f;
            }
        }
        return OTHER;
    }
}
