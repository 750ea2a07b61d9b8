package io.modelgate.scanner.gguf;

import io.modelgate.scanner.analysis.FormatProblem;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;

/**
 * What was read of a GGUF file. When reading stopped at a fatal violation, {@code fatal} holds it
 * and the later parts are empty or partial.
 *
 * @param version   format version
 * @param order     byte order of the file
 * @param metadata  kept metadata by key, in file order
 * @param tensors   tensor infos, in file order
 * @param alignment data alignment in effect
 * @param dataStart file offset of the data section (-1 when not reached)
 * @param problems  non-fatal violations found while reading
 * @param fatal     the violation that stopped reading, or null
 */
record GgufFile(long version, ByteOrder order, long tensorCount, long kvCount, Map<String, GgufEntry> metadata,
                List<GgufTensorInfo> tensors, long alignment, long dataStart, List<FormatProblem> problems,
                FormatProblem fatal) {
}
