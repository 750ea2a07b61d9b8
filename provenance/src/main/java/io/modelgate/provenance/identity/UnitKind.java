package io.modelgate.provenance.identity;

import java.util.Locale;

/** How a model unit is packaged. */
public enum UnitKind {
    /** A Hugging Face style folder: config, tokenizer files, card, weights. */
    HF_FOLDER,
    /** A folder holding a PEFT adapter (adapter_config.json). */
    ADAPTER,
    /** A single GGUF file. */
    GGUF,
    /** A single ONNX, PyTorch, safetensors, Keras or other checkpoint file. */
    CHECKPOINT;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
