package io.modelgate.scanner.facts;

import java.util.Map;

/**
 * A Hugging Face metadata file as plain, bounded Java values (strings, numbers, booleans, lists and maps),
 * so provenance reads exactly what the scanner parsed. A tokenizer.json is reduced to its
 * {@code added_tokens} contents and a few counted or short facts ({@code model_type}, {@code vocab_count},
 * {@code token_count}, {@code merges_count}, {@code pre_tokenizers}, {@code pre_tokenizer_patterns},
 * {@code bos_token}, {@code eos_token}): the vocabulary is never kept.
 *
 * @param kind    which file it is
 * @param content its top-level keys and values
 */
public record MetadataDocument(Kind kind, Map<String, Object> content) implements TypedFact {

    public static final String KEY = "metadata";

    public MetadataDocument {
        content = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(content));
    }

    /** The metadata files provenance reads, by their file name. */
    public enum Kind {
        CONFIG("config.json"),
        TOKENIZER_CONFIG("tokenizer_config.json"),
        TOKENIZER("tokenizer.json"),
        GENERATION_CONFIG("generation_config.json"),
        ADAPTER_CONFIG("adapter_config.json"),
        CHAT_TEMPLATE("chat_template.json"),
        CHAT_TEMPLATE_TEXT("chat_template.jinja"),
        SPECIAL_TOKENS_MAP("special_tokens_map.json");

        private final String fileName;

        Kind(String fileName) {
            this.fileName = fileName;
        }

        public String fileName() {
            return fileName;
        }
    }
}
