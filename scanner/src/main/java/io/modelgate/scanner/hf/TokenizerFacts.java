package io.modelgate.scanner.hf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a tokenizer.json says about the tokenizer's lineage, in bounded form: the added tokens, the model type,
 * the size of its vocabulary (counted, not kept), whether it has merges, the pre-tokenizer chain with its split
 * patterns, and the tokens the post-processor puts first and last (BOS and EOS).
 *
 * @param vocabCount entries of {@code model.vocab} (what transformers calls the tokenizer's vocab_size)
 * @param tokenCount the vocabulary with the added tokens: the highest id seen plus one (len(tokenizer))
 */
record TokenizerFacts(List<String> addedTokens, String modelType, long vocabCount, long tokenCount, long mergesCount,
                      List<String> preTokenizers, List<String> prePatterns, String bos, String eos) {

    static final int MAX_ADDED_TOKENS = 5_000;
    static final int MAX_PRE_TOKENIZERS = 16;

    /** The document provenance reads: keys are present only for what the file showed. */
    Map<String, Object> content() {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("added_tokens", addedTokens);
        if (modelType != null) {
            content.put("model_type", modelType);
        }
        if (vocabCount > 0) {
            content.put("vocab_count", vocabCount);
        }
        if (tokenCount > 0) {
            content.put("token_count", tokenCount);
        }
        if (modelType != null || mergesCount > 0) {
            content.put("merges_count", mergesCount);
        }
        if (!preTokenizers.isEmpty()) {
            content.put("pre_tokenizers", preTokenizers);
        }
        if (!prePatterns.isEmpty()) {
            content.put("pre_tokenizer_patterns", prePatterns);
        }
        if (bos != null) {
            content.put("bos_token", bos);
        }
        if (eos != null) {
            content.put("eos_token", eos);
        }
        return content;
    }

    static final class Builder {
        private final List<String> added = new ArrayList<>();
        private String modelType;
        private long vocabCount;
        private long maxId = -1;
        private long merges;
        private final List<String> preTokenizers = new ArrayList<>();
        private final List<String> prePatterns = new ArrayList<>();
        private String bos;
        private String eos;

        void addedToken(String content) {
            if (added.size() < MAX_ADDED_TOKENS) {
                added.add(content);
            }
        }

        void addedId(long id) {
            maxId = Math.max(maxId, id);
        }

        void modelType(String type) {
            modelType = type;
        }

        /** One vocabulary entry; its id when the vocabulary maps tokens to ids, else -1. */
        void vocabEntry(long id) {
            vocabCount++;
            maxId = Math.max(maxId, id);
        }

        void merge() {
            merges++;
        }

        void preTokenizer(String type) {
            if (preTokenizers.size() < MAX_PRE_TOKENIZERS) {
                preTokenizers.add(type);
            }
        }

        void prePattern(String pattern) {
            if (prePatterns.size() < MAX_PRE_TOKENIZERS) {
                prePatterns.add(pattern);
            }
        }

        /** A special token the post-processor adds: before the text (BOS) or after it (EOS); the first one counts. */
        void boundaryToken(boolean end, String token) {
            if (end && eos == null) {
                eos = token;
            } else if (!end && bos == null) {
                bos = token;
            }
        }

        TokenizerFacts build() {
            long tokens = vocabCount == 0 && maxId < 0 ? 0 : Math.max(vocabCount, maxId + 1);
            return new TokenizerFacts(List.copyOf(added), modelType, vocabCount, tokens, merges,
                    List.copyOf(preTokenizers), List.copyOf(prePatterns), bos, eos);
        }
    }
}
