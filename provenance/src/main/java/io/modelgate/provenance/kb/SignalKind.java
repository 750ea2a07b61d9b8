package io.modelgate.provenance.kb;

/**
 * What a fingerprint signal is matched against. Each kind belongs to an {@link Aspect}: the body
 * (weights and their layout) or the tokenizer (vocabulary specials and chat format), so a model whose
 * tokenizer comes from one family and body from another can be told apart.
 */
public enum SignalKind {
    /** {@code config.json} architectures[] entry, exact. */
    ARCHITECTURE(Aspect.BODY),
    /** {@code config.json} model_type, exact. */
    MODEL_TYPE(Aspect.BODY),
    /** Vocabulary size from the config or the embedding shape, exact. */
    VOCAB_SIZE(Aspect.BODY),
    /** A configuration key that is present (top level or text_config), exact. */
    CONFIG_KEY(Aspect.BODY),
    /** A flattened configuration value {@code key=value} or {@code parent.key=value}, exact. */
    CONFIG_VALUE(Aspect.BODY),
    /** A tensor name, regular expression over the whole name. */
    TENSOR(Aspect.BODY),
    /** GGUF general.architecture, exact. */
    GGUF_ARCH(Aspect.BODY),
    /**
     * A module an adapter adapts (adapter_config.json target_modules, mlx-lm lora_parameters.keys), by its last
     * name segment; all of an adapter's modules are one fact, so one family gets at most one match from them.
     */
    TARGET_MODULE(Aspect.BODY),
    /** A special or added token string, exact. */
    SPECIAL_TOKEN(Aspect.TOKENIZER),
    /** A substring of the chat template. */
    CHAT_TEMPLATE(Aspect.TOKENIZER),
    /** tokenizer_config.json tokenizer_class, exact. */
    TOKENIZER_CLASS(Aspect.TOKENIZER),
    /** GGUF tokenizer.ggml.pre (a hash name of the pre-tokenizer), exact. */
    GGUF_PRE(Aspect.TOKENIZER),
    /**
     * tokenizer.json's vocabulary size, exact: the entries of model.vocab (transformers' tokenizer.vocab_size)
     * and the size with the added tokens (len(tokenizer)). Apart from the body's vocab_size, which is often padded.
     */
    TOKENIZER_VOCAB(Aspect.TOKENIZER),
    /** A tokenizer.json pre-tokenizer split pattern (the regular expression as written), exact. */
    PRE_TOKENIZER(Aspect.TOKENIZER);

    private final Aspect aspect;

    SignalKind(Aspect aspect) {
        this.aspect = aspect;
    }

    public Aspect aspect() {
        return aspect;
    }

    /** The two independent halves of a model's identity. */
    public enum Aspect { BODY, TOKENIZER }
}
