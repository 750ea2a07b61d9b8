package io.modelgate.scanner.mxnet;

import io.modelgate.scanner.analysis.FileCollector;
import io.modelgate.scanner.model.FileStatus;
import io.modelgate.scanner.testing.ArtifactScan;
import io.modelgate.scanner.testing.Mutants;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MXNet files written as NDArray::Save and the symbol JSON writer lay them out: list magic 0x112, reserved word,
 * array count, arrays (magic V2 0xF993FAC9, storage type, shape as int32 rank and int64 dimensions, context as two
 * int32, int32 type flag, raw data), then names as 64-bit length and bytes.
 */
class MxnetScanTest {

    static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Writer u64(long value) {
            out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array());
            return this;
        }

        Writer i32(long value) {
            out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) value).array());
            return this;
        }

        Writer bytes(int count) {
            out.writeBytes(new byte[count]);
            return this;
        }

        Writer raw(byte[] bytes) {
            out.writeBytes(bytes);
            return this;
        }

        /** A dense V2 array of float32 ({@code type} 0) on the CPU. */
        Writer dense(long... shape) {
            i32(NdArrayListReader.V2).i32(0).i32(shape.length);
            long count = 1;
            for (long d : shape) {
                u64(d);
                count *= d;
            }
            return i32(1).i32(0).i32(0).bytes((int) count * 4);
        }

        Writer name(String name) {
            byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
            return u64(bytes.length).raw(bytes);
        }

        byte[] build() {
            return out.toByteArray();
        }
    }

    static byte[] params() {
        Writer w = new Writer().u64(0x112).u64(0).u64(4).dense(8, 4).dense(8).dense(2, 8);
        // a CSR array: storage type 2, storage shape, shape, context, type, two auxiliary arrays (indptr, indices)
        w.i32(NdArrayListReader.V2).i32(2).i32(1).u64(3).i32(2).u64(4).u64(5).i32(1).i32(0).i32(0)
                .i32(6).i32(1).u64(5).i32(6).i32(1).u64(3).bytes(3 * 4 + 5 * 8 + 3 * 8);
        return w.u64(4).name("arg:fc1_weight").name("arg:fc1_bias").name("arg:fc2_weight").name("aux:sparse").build();
    }

    @Test
    void benignParamsAreCleanWithTheirArraysCounted() {
        FileCollector scan = ArtifactScan.scan("model-0000.params", params());
        assertThat(scan.format().id()).isEqualTo("mxnet-params");
        assertThat(scan.incompleteReasons()).isEmpty();
        assertThat(scan.findings()).isEmpty();
        assertThat(scan.facts()).containsEntry("mxnet.arrayCount", 4L)
                .containsEntry("mxnet.parameterCount", 32L + 8 + 16 + 20)
                .containsEntry("mxnet.dtypes", Map.of("float32", 4L))
                .containsEntry("mxnet.names", List.of("arg:fc1_weight", "arg:fc1_bias", "arg:fc2_weight", "aux:sparse"));
    }

    @Test
    void legacyAndNoneArraysAreRead() {
        // legacy: rank 2 with 32-bit dimensions, context, type float64 (1); then a V2 none array (rank 0)
        byte[] bytes = new Writer().u64(0x112).u64(0).u64(2).i32(2).i32(3).i32(2).i32(1).i32(0).i32(1).bytes(48)
                .i32(NdArrayListReader.V2).i32(0).i32(0).u64(0).build();
        FileCollector scan = ArtifactScan.scan("old.params", bytes);
        assertThat(scan.incompleteReasons()).isEmpty();
        assertThat(scan.facts()).containsEntry("mxnet.arrayCount", 2L).containsEntry("mxnet.parameterCount", 6L);
    }

    @Test
    void payloadAfterTheArraysIsAnalysed() {
        byte[] pickle = {(byte) 0x80, 2, 'c', 'o', 's', '\n', 's', 'y', 's', 't', 'e', 'm', '\n', 'q', 0, 'X', 2, 0, 0, 0,
                'i', 'd', (byte) 0x85, 'R', '.'};
        byte[] bytes = new Writer().raw(params()).raw(pickle).build();
        FileCollector scan = ArtifactScan.scan("model.params", bytes);
        assertThat(ArtifactScan.ruleIds(scan)).anyMatch(id -> id.startsWith("MG-PKL-"));
    }

    @Test
    void malformedListsAreIncomplete() {
        List<byte[]> hostile = List.of(
                Arrays.copyOf(params(), 40),
                Arrays.copyOf(params(), params().length - 3),
                new Writer().u64(0x112).u64(0).u64(Long.MAX_VALUE).build(),
                new Writer().u64(0x112).u64(0).u64(1).i32(NdArrayListReader.V2).i32(0).i32(1000).build(),
                new Writer().u64(0x112).u64(0).u64(1).i32(NdArrayListReader.V2).i32(0).i32(2).u64(1L << 40)
                        .u64(1L << 40).i32(1).i32(0).i32(0).build(),
                new Writer().u64(0x112).u64(0).u64(1).i32(NdArrayListReader.V2).i32(7).build(),
                new Writer().u64(0x112).u64(0).u64(1).dense(2).u64(3).name("a").name("b").name("c").build(),
                new Writer().u64(0x112).u64(0).u64(1).i32(NdArrayListReader.V2).i32(0).i32(1).u64(2).i32(1).i32(0)
                        .i32(99).bytes(8).u64(0).build());
        for (byte[] bytes : hostile) {
            FileCollector scan = ArtifactScan.scan("bad.params", bytes);
            assertThat(scan.incompleteReasons()).as(Arrays.toString(Arrays.copyOf(bytes, 40))).isNotEmpty();
        }
    }

    @Test
    void mutantsNeverCrashOrPassUnread() {
        byte[] original = params();
        Random random = new Random(112);
        for (int round = 0; round < 300; round++) {
            byte[] mutant = original.clone();
            if (random.nextBoolean()) {
                mutant = Arrays.copyOf(mutant, 16 + random.nextInt(mutant.length - 16));
            } else {
                for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                    mutant[8 + random.nextInt(mutant.length - 8)] = (byte) random.nextInt(256);
                }
            }
            FileStatus status = Mutants.status(ArtifactScan.scan("m.params", mutant));
            assertThat(status).as("round " + round).isNotIn(FileStatus.ERROR, FileStatus.SKIPPED);
        }
    }

    static String symbol(String extraNode) {
        return "{\n  \"nodes\": [\n    {\"op\": \"null\", \"name\": \"data\", \"inputs\": []},\n"
                + "    {\"op\": \"null\", \"name\": \"fc1_weight\", \"attrs\": {\"num_hidden\": \"128\"}, \"inputs\": []},\n"
                + "    {\"op\": \"FullyConnected\", \"name\": \"fc1\", \"attrs\": {\"num_hidden\": \"128\"}, "
                + "\"inputs\": [[0, 0, 0], [1, 0, 0]]},\n"
                + "    {\"op\": \"Activation\", \"name\": \"relu1\", \"attrs\": {\"act_type\": \"relu\"}, "
                + "\"inputs\": [[2, 0, 0]]}" + extraNode + "\n  ],\n"
                + "  \"arg_nodes\": [0, 1],\n  \"node_row_ptr\": [0, 1, 2, 3, 4],\n  \"heads\": [[3, 0, 0]],\n"
                + "  \"attrs\": {\"mxnet_version\": [\"int\", 10901]}\n}\n";
    }

    @Test
    void benignSymbolIsClean() {
        FileCollector scan = ArtifactScan.scan("graph.json", symbol("").getBytes(StandardCharsets.UTF_8));
        assertThat(scan.format().id()).isEqualTo("mxnet-symbol");
        assertThat(scan.incompleteReasons()).isEmpty();
        assertThat(scan.findings()).isEmpty();
        assertThat(scan.facts()).containsEntry("mxnet.nodeCount", 4L).containsEntry("mxnet.version", "10901");
    }

    @Test
    void customOperatorsAreReviewedAlsoInsideSubgraphs() {
        String custom = ",\n    {\"op\": \"Custom\", \"name\": \"steal\", \"attrs\": {\"op_type\": \"exfiltrate\"}, "
                + "\"inputs\": [[3, 0, 0]]}";
        FileCollector scan = ArtifactScan.scan("model-symbol.json", symbol(custom).getBytes(StandardCharsets.UTF_8));
        assertThat(scan.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("MG-MX-001");
            assertThat(f.subject()).isEqualTo("exfiltrate");
        });
        String loop = ",\n    {\"op\": \"_foreach\", \"name\": \"loop\", \"inputs\": [[3, 0, 0]], \"subgraphs\": [{"
                + "\"nodes\": [{\"op\": \"_Native\", \"name\": \"cb\", \"inputs\": []}], \"heads\": [[0, 0, 0]]}]}";
        FileCollector nested = ArtifactScan.scan("model-symbol.json", symbol(loop).getBytes(StandardCharsets.UTF_8));
        assertThat(ArtifactScan.ruleIds(nested)).containsExactly("MG-MX-001");
    }

    @Test
    void malformedSymbolsAreIncomplete() {
        String noOp = symbol("").replace("\"op\": \"Activation\", ", "");
        assertThat(ArtifactScan.scan("m-symbol.json", noOp.getBytes(StandardCharsets.UTF_8)).incompleteReasons())
                .isNotEmpty();
        assertThat(ArtifactScan.scan("m-symbol.json", "{\"layers\": []}".getBytes(StandardCharsets.UTF_8))
                .incompleteReasons()).isNotEmpty();
        assertThat(ArtifactScan.scan("m-symbol.json", symbol("").substring(0, 200).getBytes(StandardCharsets.UTF_8))
                .incompleteReasons()).isNotEmpty();
    }
}
