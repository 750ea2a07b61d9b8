package io.modelgate.scanner.ggml;

import io.modelgate.scanner.analysis.Deadline;
import io.modelgate.scanner.analysis.FormatProblem;
import io.modelgate.scanner.gguf.BinaryCursor;
import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.model.Rule;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads a pre-GGUF llama.cpp file with bounds: magic, version, the seven llama hyperparameters (or a LoRA's
 * rank and alpha), the vocabulary and every tensor record up to the end of the file. Other architectures of
 * the old ggml examples lay out their hyperparameters differently; such a file does not fit and stays unproven.
 */
final class GgmlReader {

    static final int MAX_TENSORS = 100_000;
    private static final int MAX_TOKEN_BYTES = 1 << 16;
    private static final int MAX_NAME_BYTES = 4096;
    private static final long MAX_VOCABULARY = 10_000_000;
    private static final long MAX_DIMENSION = 1L << 40;
    private static final int LLAMA_HYPERPARAMETERS = 7;
    private static final int ALIGNMENT = 32;

    private final ByteSource source;
    private final Deadline deadline;
    private final List<FormatProblem> problems = new ArrayList<>();

    GgmlReader(ByteSource source, Deadline deadline) {
        this.source = source;
        this.deadline = deadline;
    }

    private static final class Stop extends Exception {
        final FormatProblem problem;

        Stop(Rule rule, long offset, String subject, String message) {
            super(message, null, false, false);
            this.problem = new FormatProblem(rule, offset, subject, message);
        }
    }

    LegacyGgmlFile read() throws IOException {
        BinaryCursor in = new BinaryCursor(source, 0, ByteOrder.LITTLE_ENDIAN);
        GgmlVariant variant = GgmlVariant.of(source.prefix(4)).orElseThrow(() -> new IOException("no ggml magic"));
        long version = 0;
        List<Long> hparams = new ArrayList<>();
        long vocabulary = 0;
        int tensors = 0;
        String stopped = null;
        try {
            in.skip(4);
            if (variant.versioned()) {
                version = in.u32();
                if (!variant.versions.contains(version)) {
                    throw new Stop(GgmlRules.MALFORMED_HEADER, 4, null, variant.label() + " version " + version
                            + " is not one llama.cpp wrote (" + variant.versions + ")");
                }
            }
            int count = variant.vocabulary ? LLAMA_HYPERPARAMETERS : 2;
            for (int i = 0; i < count; i++) {
                long at = in.position();
                long value = in.i32();
                hparams.add(value);
                boolean mayBeZero = i == count - 1; // the llama file type (0: all f32), a LoRA's alpha
                if (value < 0 || (value == 0 && !mayBeZero)) {
                    throw new Stop(GgmlRules.MALFORMED_HEADER, at, null, "hyperparameter " + (i + 1) + " is " + value
                            + ", impossible for a model (not the llama layout of a " + variant.label() + " file)");
                }
            }
            if (variant.vocabulary) {
                vocabulary = hparams.get(0);
                readVocabulary(in, variant, vocabulary);
            }
            tensors = readTensors(in, variant, version);
        } catch (Stop stop) {
            return new LegacyGgmlFile(variant, version, hparams, vocabulary, tensors, problems, stop.problem, null);
        } catch (EOFException e) {
            FormatProblem cut = new FormatProblem(GgmlRules.MALFORMED_TENSOR, in.position(), null,
                    "the file ends in the middle of a record (" + e.getMessage() + ")");
            return new LegacyGgmlFile(variant, version, hparams, vocabulary, tensors, problems, cut, null);
        } catch (UnknownType unknown) {
            stopped = unknown.getMessage();
            problems.add(new FormatProblem(GgmlRules.UNKNOWN_TYPE, unknown.offset, unknown.tensor, unknown.getMessage()));
            tensors = unknown.read;
        }
        return new LegacyGgmlFile(variant, version, hparams, vocabulary, tensors, problems, null, stopped);
    }

    private static final class UnknownType extends Exception {
        final long offset;
        final String tensor;
        final int read;

        UnknownType(long offset, String tensor, int read, String message) {
            super(message, null, false, false);
            this.offset = offset;
            this.tensor = tensor;
            this.read = read;
        }
    }

    private void readVocabulary(BinaryCursor in, GgmlVariant variant, long size) throws IOException, Stop {
        long perToken = variant.scores ? 8 : 4;
        if (size > MAX_VOCABULARY || size * perToken > in.remaining()) {
            throw new Stop(GgmlRules.MALFORMED_HEADER, 4, null, "a vocabulary of " + size
                    + " tokens cannot fit in the rest of the file");
        }
        for (long i = 0; i < size; i++) {
            if ((i & 0xfff) == 0) {
                deadline.check();
            }
            long at = in.position();
            long length = in.u32();
            if (length > MAX_TOKEN_BYTES || length > in.remaining()) {
                throw new Stop(GgmlRules.MALFORMED_VOCAB, at, "token " + i, "token " + i + " declares " + length
                        + " bytes, " + (length > in.remaining() ? "past the end of the file" : "beyond any real token"));
            }
            in.skip(length);
            if (variant.scores) {
                in.f32();
            }
        }
    }

    private int readTensors(BinaryCursor in, GgmlVariant variant, long version) throws IOException, Stop, UnknownType {
        Set<String> names = new HashSet<>();
        int count = 0;
        while (in.remaining() > 0) {
            deadline.check();
            if (count == MAX_TENSORS) {
                throw new Stop(GgmlRules.MALFORMED_TENSOR, in.position(), null, "more than " + MAX_TENSORS + " tensors");
            }
            long at = in.position();
            int dims = in.i32();
            int nameLength = in.i32();
            int type = in.i32();
            if (dims < 1 || dims > 4) {
                throw new Stop(GgmlRules.MALFORMED_TENSOR, at, null, "tensor record " + count + " has " + dims
                        + " dimensions (1 to 4 are possible)");
            }
            if (nameLength < 1 || nameLength > MAX_NAME_BYTES) {
                throw new Stop(GgmlRules.MALFORMED_TENSOR, at, null, "tensor record " + count + " has a name of "
                        + nameLength + " bytes");
            }
            long elements = 1;
            for (int d = 0; d < dims; d++) {
                long extent = in.i32();
                if (extent < 1 || extent > MAX_DIMENSION) {
                    throw new Stop(GgmlRules.MALFORMED_TENSOR, at, null, "tensor record " + count + " has dimension "
                            + extent);
                }
                elements = multiply(elements, extent, at, count);
            }
            String name = new String(in.bytes(nameLength), StandardCharsets.UTF_8);
            if (!names.add(name)) {
                problems.add(new FormatProblem(GgmlRules.MALFORMED_TENSOR, at, name, "tensor '" + name
                        + "' appears twice; the loader keeps one of them"));
            }
            if (variant.aligned) {
                long padding = -in.position() & (ALIGNMENT - 1);
                if (padding > in.remaining()) {
                    throw new Stop(GgmlRules.MALFORMED_TENSOR, at, name, "the data of tensor '" + name
                            + "' would start past the end of the file");
                }
                in.skip(padding);
            }
            OptionalLong size = LegacyTensorSizes.bytes(variant, version, type, elements);
            if (size.isEmpty()) {
                throw new UnknownType(at, name, count, "tensor '" + name + "' has ggml type " + type + ", whose size in "
                        + variant.label() + (variant.versioned() ? " v" + version : "") + " files is not known here; "
                        + "the rest of the file was not read");
            }
            if (size.getAsLong() < 0 || size.getAsLong() > in.remaining()) {
                throw new Stop(GgmlRules.MALFORMED_TENSOR, at, name, "tensor '" + name + "' of " + elements
                        + " elements of type " + type + (size.getAsLong() < 0 ? " is not a whole number of blocks"
                        : " needs " + size.getAsLong() + " bytes but only " + in.remaining() + " are left"));
            }
            in.skip(size.getAsLong());
            count++;
        }
        return count;
    }

    private static long multiply(long elements, long extent, long at, int count) throws Stop {
        try {
            return Math.multiplyExact(elements, extent);
        } catch (ArithmeticException e) {
            throw new Stop(GgmlRules.MALFORMED_TENSOR, at, null, "tensor record " + count + " has more elements "
                    + "than a 64-bit count holds");
        }
    }
}
