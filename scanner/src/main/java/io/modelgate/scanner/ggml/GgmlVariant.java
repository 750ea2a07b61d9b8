package io.modelgate.scanner.ggml;

import java.util.Optional;
import java.util.Set;

/**
 * The four pre-GGUF magics of llama.cpp, written as little-endian uint32 (so "ggjt" is stored "tjgg"): which
 * carry a version, token scores, a vocabulary, and 32-byte aligned tensor data.
 */
enum GgmlVariant {
    GGML(0x67676d6cL, Set.of(), false, true, false),
    GGMF(0x67676d66L, Set.of(1L), true, true, false),
    GGJT(0x67676a74L, Set.of(1L, 2L, 3L), true, true, true),
    /** A LoRA adapter: rank and alpha instead of hyperparameters, no vocabulary. */
    GGLA(0x67676c61L, Set.of(1L), false, false, true);

    final long magic;
    final Set<Long> versions;
    final boolean scores;
    final boolean vocabulary;
    final boolean aligned;

    GgmlVariant(long magic, Set<Long> versions, boolean scores, boolean vocabulary, boolean aligned) {
        this.magic = magic;
        this.versions = versions;
        this.scores = scores;
        this.vocabulary = vocabulary;
        this.aligned = aligned;
    }

    boolean versioned() {
        return !versions.isEmpty();
    }

    String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static Optional<GgmlVariant> of(byte[] head) {
        if (head.length < 4) {
            return Optional.empty();
        }
        long magic = (head[0] & 0xffL) | (head[1] & 0xffL) << 8 | (head[2] & 0xffL) << 16 | (head[3] & 0xffL) << 24;
        for (GgmlVariant v : values()) {
            if (v.magic == magic) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
