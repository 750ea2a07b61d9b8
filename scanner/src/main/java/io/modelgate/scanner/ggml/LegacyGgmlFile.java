package io.modelgate.scanner.ggml;

import io.modelgate.scanner.analysis.FormatProblem;

import java.util.List;

/**
 * What the reader learned from a pre-GGUF file. {@code fatal} is the problem that stopped the reading (the
 * rest of the file is unproven); {@code stopped} says the reading ended early without a format violation
 * (a tensor type whose size is unknown).
 */
record LegacyGgmlFile(GgmlVariant variant, long version, List<Long> hyperparameters, long vocabulary,
                      int tensors, List<FormatProblem> problems, FormatProblem fatal, String stopped) {
}
