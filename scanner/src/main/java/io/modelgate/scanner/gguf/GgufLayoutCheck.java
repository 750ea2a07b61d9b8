package io.modelgate.scanner.gguf;

import io.modelgate.scanner.analysis.FormatProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Checks where tensor data lies: every offset aligned, every tensor inside the file, no two
 * tensors sharing bytes, and no bytes beyond alignment padding left to no tensor.
 */
final class GgufLayoutCheck {

    private GgufLayoutCheck() {
    }

    static List<FormatProblem> check(GgufFile file, long fileSize) {
        List<FormatProblem> problems = new ArrayList<>();
        if (file.tensors().isEmpty()) {
            return problems;
        }
        long dataStart = file.dataStart();
        long alignment = file.alignment();
        if (dataStart > fileSize) {
            problems.add(new FormatProblem(GgufRules.BAD_TENSOR_DATA, dataStart, null, "data section would start at "
                    + dataStart + ", past the end of the " + fileSize + "-byte file"));
            return problems;
        }
        long dataLength = fileSize - dataStart;
        List<GgufTensorInfo> placed = new ArrayList<>();
        for (GgufTensorInfo t : file.tensors()) {
            if (t.offset() < 0 || t.offset() % alignment != 0) {
                problems.add(new FormatProblem(GgufRules.BAD_TENSOR_DATA, t.at(), t.name(), "offset "
                        + Long.toUnsignedString(t.offset()) + " of tensor '" + t.name() + "' is not a multiple of the alignment " + alignment));
            }
            if (t.offset() < 0 || t.offset() > dataLength || (t.byteSize() >= 0 && t.byteSize() > dataLength - t.offset())) {
                problems.add(new FormatProblem(GgufRules.BAD_TENSOR_DATA, t.at(), t.name(), "tensor '" + t.name()
                        + "' at data offset " + Long.toUnsignedString(t.offset()) + " with " + t.byteSize()
                        + " bytes lies outside the " + dataLength + "-byte data section"));
            } else if (t.byteSize() >= 0) {
                placed.add(t);
            }
        }
        if (placed.size() < file.tensors().size()) {
            return problems;
        }
        placed.sort(Comparator.comparingLong(GgufTensorInfo::offset));
        long end = 0;
        String previous = null;
        for (GgufTensorInfo t : placed) {
            if (t.offset() < end) {
                problems.add(new FormatProblem(GgufRules.BAD_TENSOR_DATA, t.at(), t.name(), "tensor '" + t.name()
                        + "' overlaps tensor '" + previous + "'"));
            } else if (t.offset() > GgufReader.align(end, alignment)) {
                problems.add(new FormatProblem(GgufRules.UNACCOUNTED_BYTES, dataStart + end, t.name(),
                        (t.offset() - end) + " bytes before tensor '" + t.name() + "' belong to no tensor"));
            }
            if (t.offset() + t.byteSize() >= end) {
                end = t.offset() + t.byteSize();
                previous = t.name();
            }
        }
        if (dataLength > GgufReader.align(end, alignment)) {
            problems.add(new FormatProblem(GgufRules.UNACCOUNTED_BYTES, dataStart + end, "trailing data",
                    (dataLength - end) + " bytes after the last tensor belong to no tensor"));
        }
        return problems;
    }
}
