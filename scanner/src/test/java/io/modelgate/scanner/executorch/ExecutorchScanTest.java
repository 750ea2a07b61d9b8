package io.modelgate.scanner.executorch;

import io.modelgate.scanner.analysis.FileCollector;
import io.modelgate.scanner.flatbuffers.FlatBufferMutations;
import io.modelgate.scanner.flatbuffers.FlatBufferWriter;
import io.modelgate.scanner.flatbuffers.FlatBufferWriter.Table;
import io.modelgate.scanner.flatbuffers.FlatBufferWriter.Vector;
import io.modelgate.scanner.model.FileStatus;
import io.modelgate.scanner.testing.ArtifactScan;
import io.modelgate.scanner.testing.Mutants;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ExecuTorch programs written from schema/program.fbs: Program (version 0, execution_plan 1,
 * backend_delegate_data 3, segments 4), ExecutionPlan (name 0, chains 5, operators 6, delegates 7), Operator (name
 * 0, overload 1), Chain (instructions 2), Instruction (union type 0, value 1), KernelCall (op_index 0),
 * BackendDelegate (id 0, processed 1), BackendDelegateDataReference (location 0, index 1).
 */
class ExecutorchScanTest {

    private static Table operator(String name, String overload) {
        return new Table().string(0, name).string(1, overload);
    }

    private static Table kernelCall(int op) {
        return new Table().scalar(0, 1, 1).ref(1, new Table().scalar(0, 4, op).ref(1, Vector.scalars(4, 0, 1)));
    }

    private static Table delegateCall(int delegate) {
        return new Table().scalar(0, 1, 2).ref(1, new Table().scalar(0, 4, delegate).ref(1, Vector.scalars(4, 0)));
    }

    /** A forward plan calling each operator once, and each delegate once with inline payload bytes. */
    static byte[] program(List<Table> operators, Map<String, byte[]> delegates) {
        List<Table> instructions = new ArrayList<>();
        for (int i = 0; i < operators.size(); i++) {
            instructions.add(kernelCall(i));
        }
        List<Table> delegateTables = new ArrayList<>();
        List<Table> inlineData = new ArrayList<>();
        int index = 0;
        for (Map.Entry<String, byte[]> delegate : delegates.entrySet()) {
            delegateTables.add(new Table().string(0, delegate.getKey())
                    .ref(1, new Table().scalar(0, 1, 0).scalar(1, 4, index)));
            inlineData.add(new Table().ref(0, Vector.bytes(delegate.getValue())));
            instructions.add(delegateCall(index++));
        }
        Table chain = new Table().ref(0, Vector.scalars(4, 0)).ref(1, Vector.scalars(4, 1))
                .ref(2, Vector.of(instructions));
        Table plan = new Table().string(0, "forward").ref(5, Vector.of(chain)).ref(6, Vector.of(operators))
                .ref(7, Vector.of(delegateTables));
        Table program = new Table().scalar(0, 4, 0).ref(1, Vector.of(plan)).ref(3, Vector.of(inlineData));
        return FlatBufferWriter.write("ET12", program);
    }

    static byte[] benign() {
        return program(List.of(operator("aten::add", "out"), operator("aten::linear", "out"),
                operator("dim_order_ops::_to_dim_order_copy", "out")), Map.of("XnnpackBackend",
                "XN01 compiled graph".getBytes()));
    }

    @Test
    void benignProgramIsCleanWithOperatorsAndBackendsListed() {
        FileCollector scan = ArtifactScan.scan("model.pte", benign());
        assertThat(scan.format().id()).isEqualTo("executorch");
        assertThat(scan.incompleteReasons()).isEmpty();
        assertThat(ArtifactScan.aboveInfo(scan)).isEmpty();
        assertThat(scan.facts()).containsEntry("executorch.schema", "ET12")
                .containsEntry("executorch.plans", List.of("forward"))
                .containsEntry("executorch.instructionCount", 4L);
        assertThat(scan.facts().get("executorch.operators")).isEqualTo(Map.of("aten::add.out", 1L,
                "aten::linear.out", 1L, "dim_order_ops::_to_dim_order_copy.out", 1L));
    }

    @Test
    void customOperatorAndUnknownBackendAreReviewed() {
        byte[] bytes = program(List.of(operator("aten::add", "out"), operator("myco::exfiltrate", "")),
                Map.of("MysteryBackend", new byte[]{1, 2, 3}));
        FileCollector scan = ArtifactScan.scan("model.pte", bytes);
        assertThat(scan.incompleteReasons()).isEmpty();
        assertThat(ArtifactScan.ruleIds(scan)).containsExactlyInAnyOrder("MG-PTE-001", "MG-PTE-002");
    }

    @Test
    void delegatePayloadThatIsAnExecutableIsFound() {
        byte[] elf = new byte[128];
        System.arraycopy(new byte[]{0x7f, 'E', 'L', 'F', 2, 1, 1, 0}, 0, elf, 0, 8);
        elf[16] = 3; // ET_DYN: a shared library
        elf[18] = 62; // x86-64
        elf[20] = 1;
        byte[] bytes = program(List.of(operator("aten::add", "out")), Map.of("CudaBackend", elf));
        FileCollector scan = ArtifactScan.scan("model.pte", bytes);
        assertThat(ArtifactScan.ruleIds(scan)).anyMatch(id -> id.startsWith("MG-EXE-"));
    }

    @Test
    void callOfAMissingOperatorIsIncomplete() {
        Table chain = new Table().ref(2, Vector.of(kernelCall(3)));
        Table plan = new Table().string(0, "forward").ref(5, Vector.of(chain))
                .ref(6, Vector.of(operator("aten::add", "out")));
        byte[] bytes = FlatBufferWriter.write("ET12", new Table().ref(1, Vector.of(plan)));
        assertThat(ArtifactScan.scan("m.pte", bytes).incompleteReasons()).singleElement().asString()
                .contains("calls operator 3 of 1");
    }

    @Test
    void segmentOutsideTheFileIsIncomplete() {
        byte[] header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN).put((byte) 'e').put((byte) 'h')
                .put((byte) '0').put((byte) '0').putInt(24).putLong(0).putLong(64).array();
        Table delegate = new Table().string(0, "XnnpackBackend").ref(1, new Table().scalar(0, 1, 1).scalar(1, 4, 0));
        Table plan = new Table().string(0, "forward").ref(7, Vector.of(delegate));
        Table segment = new Table().scalar(0, 8, 0).scalar(1, 8, 1L << 32);
        byte[] bytes = FlatBufferWriter.write("ET12", header, new Table().ref(1, Vector.of(plan))
                .ref(4, Vector.of(segment)));
        assertThat(ArtifactScan.scan("m.pte", bytes).incompleteReasons()).singleElement().asString()
                .contains("outside the file");
    }

    @Test
    void pteNameWithoutIdentifierFailsClosed() {
        FileCollector scan = ArtifactScan.scan("model.pte", new byte[]{9, 9, 9, 9, 'X', 'X', 0, 0, 1});
        assertThat(scan.incompleteReasons()).singleElement().asString().contains("format not analysed");
    }

    @Test
    void truncatedProgramsAreIncomplete() {
        byte[] bytes = benign();
        for (int cut : new int[]{8, 20, bytes.length / 3, bytes.length - 5}) {
            assertThat(ArtifactScan.scan("m.pte", Arrays.copyOf(bytes, cut)).incompleteReasons()).as("cut " + cut)
                    .isNotEmpty();
        }
    }

    @Test
    void mutantsNeverCrashAndNeverHideTheCustomOperator() {
        byte[] original = program(List.of(operator("aten::add", "out"), operator("myco::exfiltrate", "")), Map.of());
        Random random = new Random(1203);
        for (int round = 0; round < 400; round++) {
            byte[] mutant = FlatBufferMutations.mutate(original, random);
            FileCollector scan = ArtifactScan.scan("m.pte", mutant);
            FileStatus status = Mutants.status(scan);
            assertThat(status).as("round " + round).isNotIn(FileStatus.ERROR, FileStatus.SKIPPED);
            if (status == FileStatus.CLEAN) {
                assertThat(new String(mutant, java.nio.charset.StandardCharsets.ISO_8859_1)).as("round " + round)
                        .doesNotContain("myco::exfiltrate");
            }
        }
    }
}
