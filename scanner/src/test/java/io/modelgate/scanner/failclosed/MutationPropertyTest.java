package io.modelgate.scanner.failclosed;

import io.modelgate.scanner.analysis.Deadline;
import io.modelgate.scanner.analysis.FileCollector;
import io.modelgate.scanner.archive.Fixtures;
import io.modelgate.scanner.archive.compress.DecodedStream;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ArrayByteSource;
import io.modelgate.scanner.model.FileStatus;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.Severity;
import io.modelgate.scanner.protobuf.ProtoReader;
import io.modelgate.scanner.protobuf.ProtoWriter;
import io.modelgate.scanner.testing.ArtifactScan;
import io.modelgate.testkit.Gen;
import io.modelgate.scanner.testing.Mutants;
import io.modelgate.testkit.RandomCases;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.LZMAOutputStream;
import org.tukaani.xz.XZOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.DeflaterOutputStream;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fail-closed properties of compressed streams and protobuf models under mutation. Compressed: no
 * exception; a decoded payload still holding the malicious pickle fails the gate; a clean result means the
 * stream decoded without damage; a skipped file is one nothing can be decoded from. Protobuf: an unknown
 * field of any wire type inserted at the top level or inside the graph changes nothing in the analysis.
 */
class MutationPropertyTest {

    private static final byte[] EVIL = Fixtures.evilPickle();
    private static final List<String> ONNX = List.of("mlp_opset17.onnx", "if_loop.onnx", "local_function.onnx");

    private record Compressed(ModelFormat format, String name, byte[] bytes) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final int CASES = 200;
    private static final List<Compressed> COMPRESSED = Stream.of(ModelFormat.GZIP, ModelFormat.BZIP2,
            ModelFormat.XZ, ModelFormat.LZMA, ModelFormat.ZLIB)
            .map(f -> new Compressed(f, "model.pkl." + f.id(), compress(f, EVIL))).toList();

    private record CompressedCase(Compressed original, Mutants.Mutation mutation) {
    }

    /** An unknown field put at a relative position of the model or of its main graph. */
    private record FieldCase(String name, byte[] field, boolean insideGraph, double where) {
        @Override
        public String toString() {
            return name + " field " + Arrays.toString(field) + (insideGraph ? " in the graph" : " at top level")
                    + " at " + where;
        }
    }

    @Test
    void compressedMutantsFailClosed() {
        RandomCases.check(CASES, gen -> new CompressedCase(gen.of(COMPRESSED), Mutants.mutation(gen)), c -> {
            byte[] mutant = c.mutation().apply(c.original().bytes());

            FileCollector scan = ArtifactScan.scan(c.original().name(), mutant);

            FileStatus status = Mutants.status(scan);
            Decoded decoded = decode(c.original().format(), mutant);
            assertThat(status).isNotEqualTo(FileStatus.ERROR);
            if (contains(decoded.payload(), EVIL)) {
                assertThat(scan.findings()).extracting(Finding::severity).contains(Severity.CRITICAL);
            }
            if (status == FileStatus.CLEAN) {
                assertThat(decoded.damage()).as("clean only when the stream decoded without damage").isEmpty();
            }
            if (status == FileStatus.SKIPPED) {
                assertThat(decoded.payload()).as("skipped only when nothing decodes").isEmpty();
            }
        });
    }

    @Test
    void unknownProtobufFieldsChangeNothing() {
        RandomCases.check(CASES, gen -> new FieldCase(gen.of(ONNX), unknownField(gen), gen.bool(),
                gen.doubleBetween(0, 1, 2)), c -> {
            byte[] original = onnx(c.name());
            byte[] mutant = c.insideGraph() ? insertIntoGraph(original, c.field(), c.where())
                    : insertAt(original, c.field(), c.where());

            FileCollector before = ArtifactScan.scan("model.bin", original);
            FileCollector after = ArtifactScan.scan("model.bin", mutant);

            assertThat(after.format()).isEqualTo(ModelFormat.ONNX);
            assertThat(after.incompleteReasons()).isEmpty();
            assertThat(after.facts().get("onnx.nodeCount")).isEqualTo(before.facts().get("onnx.nodeCount"));
            assertThat(after.facts().get("onnx.opTypes")).isEqualTo(before.facts().get("onnx.opTypes"));
            assertThat(ArtifactScan.ruleIds(after)).isEqualTo(ArtifactScan.ruleIds(before));
        });
    }

    /** A well-formed field whose number no ONNX message uses, of any wire type, groups included. */
    private static byte[] unknownField(Gen gen) {
        int n = gen.intBetween(100, 536_870_911);
        int w = gen.of(0, 1, 2, 3, 5);
        byte[] b = gen.bytes(0, 40);
        ProtoWriter writer = new ProtoWriter();
        return switch (w) {
            case 0 -> writer.varintField(n, b.length == 0 ? 0 : b[0] & 0xffL << 40).toByteArray();
            case 1 -> writer.tag(n, 1).raw(Arrays.copyOf(b, 8)).toByteArray();
            case 5 -> writer.tag(n, 5).raw(Arrays.copyOf(b, 4)).toByteArray();
            case 2 -> writer.bytesField(n, b).toByteArray();
            default -> writer.tag(n, 3).varintField(1, b.length).bytesField(2, b).tag(n, 4).toByteArray();
        };
    }

    private record Decoded(byte[] payload, Optional<String> damage) {
    }

    private static Decoded decode(ModelFormat format, byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DecodedStream in = DecodedStream.open(format, new ArrayByteSource(bytes),
                Deadline.after(java.time.Duration.ofSeconds(30)))) {
            in.transferTo(out);
            return new Decoded(out.toByteArray(), in.damage());
        } catch (IOException e) {
            return new Decoded(new byte[0], Optional.of("no header"));
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static byte[] compress(ModelFormat format, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream c = switch (format) {
            case GZIP -> new GZIPOutputStream(out);
            case BZIP2 -> new BZip2CompressorOutputStream(out);
            case XZ -> new XZOutputStream(out, new LZMA2Options());
            case LZMA -> new LZMAOutputStream(out, new LZMA2Options(), -1);
            default -> new DeflaterOutputStream(out);
        }) {
            c.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] onnx(String name) {
        try (InputStream in = Files.newInputStream(Path.of("..", "fixtures", "onnx", "benign", name))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Inserts the field before the top-level field nearest to {@code where} (or at the end). */
    private static byte[] insertAt(byte[] message, byte[] field, double where) {
        List<Long> starts = fieldStarts(message, 0, message.length);
        int at = (int) (long) starts.get((int) Math.min(starts.size() - 1, (long) (where * starts.size())));
        return splice(message, at, 0, field);
    }

    /** Inserts the field between two fields of the main graph (ModelProto field 7), fixing its length. */
    private static byte[] insertIntoGraph(byte[] model, byte[] field, double where) {
        try {
            ProtoReader reader = ProtoReader.of(new ArrayByteSource(model), 8);
            while (reader.next()) {
                if (reader.field() == 7) {
                    long tag = reader.offset();
                    long length = reader.length();
                    long valueStart = tag + 1 + varintSize(length);
                    byte[] graph = Arrays.copyOfRange(model, (int) valueStart, (int) (valueStart + length));
                    byte[] mutated = insertAt(graph, field, where);
                    byte[] replacement = new ProtoWriter().bytesField(7, mutated).toByteArray();
                    return splice(model, (int) tag, (int) (valueStart + length - tag), replacement);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no graph");
    }

    private static List<Long> fieldStarts(byte[] message, long from, long to) {
        List<Long> starts = new java.util.ArrayList<>();
        try {
            ProtoReader reader = ProtoReader.of(new ArrayByteSource(message), 8);
            while (reader.next()) {
                starts.add(reader.offset());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        starts.add((long) message.length);
        return starts;
    }

    private static byte[] splice(byte[] bytes, int at, int remove, byte[] insert) {
        byte[] out = new byte[bytes.length - remove + insert.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(bytes, at + remove, out, at + insert.length, bytes.length - at - remove);
        return out;
    }

    private static int varintSize(long value) {
        int size = 1;
        while ((value >>>= 7) != 0) {
            size++;
        }
        return size;
    }
}
