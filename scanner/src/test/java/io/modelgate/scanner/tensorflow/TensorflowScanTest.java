package io.modelgate.scanner.tensorflow;

import io.modelgate.scanner.Scanner;
import io.modelgate.scanner.model.FileResult;
import io.modelgate.scanner.model.FileStatus;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.Severity;
import io.modelgate.scanner.protobuf.ProtoWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TensorflowScanTest {

    private static final Path FIXTURES = Path.of("..", "fixtures", "tensorflow");
    private static final Scanner SCANNER = Scanner.withDefaults();

    @TempDir
    Path temp;

    @Test
    void benignSavedModelListsOpsFromGraphAndFunctionsWithoutFindings() {
        FileResult result = SCANNER.scanFile(FIXTURES.resolve("benign/dense_savedmodel/saved_model.pb"));
        assertThat(result.format()).isEqualTo("tf-savedmodel");
        assertThat(result.status()).isEqualTo(FileStatus.CLEAN);
        @SuppressWarnings("unchecked")
        Map<String, Long> ops = (Map<String, Long>) result.facts().get("tensorflow.opTypes");
        assertThat(ops).containsEntry("MatMul", 1L).containsEntry("SaveV2", 1L).containsEntry("RestoreV2", 1L)
                .containsKeys("BiasAdd", "Relu", "Placeholder", "Identity", "MergeV2Checkpoints");
        assertThat(result.facts()).containsEntry("tensorflow.functionCount", 2L)
                .containsEntry("tensorflow.tags", List.of("serve"));
        assertThat(result.facts().get("tensorflow.versions")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).contains("tensorflow 2.15.0");
    }

    @Test
    void benignFrozenGraphIsClean() {
        FileResult result = SCANNER.scanFile(FIXTURES.resolve("benign/frozen_dense.pb"));
        assertThat(result.format()).isEqualTo("tf-graphdef");
        assertThat(result.status()).isEqualTo(FileStatus.CLEAN);
        assertThat(result.facts()).containsEntry("tensorflow.nodeCount", 7L);
    }

    @Test
    void pythonCallbackAndFileAccessAreFlaggedWithNodeNames() {
        FileResult result = SCANNER.scanFile(FIXTURES.resolve("malicious/pyfunc_writefile.pb"));
        assertThat(result.format()).isEqualTo("tf-graphdef");
        assertThat(result.findings()).extracting(Finding::ruleId)
                .containsExactlyInAnyOrder("MG-TF-001", "MG-TF-002", "MG-TF-003");
        assertThat(result.findings()).allMatch(f -> f.severity() == Severity.HIGH);
        assertThat(result.findings()).anySatisfy(f -> assertThat(f.message()).contains("'callback'"));
        assertThat(result.findings()).anySatisfy(f -> assertThat(f.message()).contains("'drop'"));
    }

    @Test
    void checkpointOpWithFixedOutsidePathIsFlagged() {
        FileResult result = SCANNER.scanFile(FIXTURES.resolve("malicious/fixed_checkpoint_path/saved_model.pb"));
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("MG-TF-006");
            assertThat(f.subject()).isEqualTo("SaveV2_fixed");
            assertThat(f.message()).contains("../../../tmp/stolen");
        });
    }

    @Test
    void pathTracingFollowsPassThroughOps() throws IOException {
        ProtoWriter graph = new ProtoWriter()
                .messageField(1, node("path", "Const").messageField(5, stringConst("/etc/shadow")))
                .messageField(1, node("default", "PlaceholderWithDefault", "path"))
                .messageField(1, node("joined", "StringJoin", "default:0"))
                .messageField(1, node("restore", "RestoreV2", "joined"));
        FileResult result = scan("graph.pb", graph.toByteArray());
        assertThat(result.findings()).extracting(Finding::ruleId).containsExactly("MG-TF-006");
    }

    @Test
    void printToFileIsADiagnosticFinding() throws IOException {
        ProtoWriter print = node("print", "PrintV2", "x").messageField(5, new ProtoWriter().stringField(1, "output_stream")
                .messageField(2, new ProtoWriter().stringField(2, "file:///tmp/leak.txt")));
        ProtoWriter graph = new ProtoWriter().messageField(1, node("x", "Placeholder")).messageField(1, print)
                .messageField(1, node("log", "PrintV2", "x"));
        FileResult result = scan("print.pb", graph.toByteArray());
        assertThat(result.findings()).extracting(Finding::ruleId).containsExactly("MG-TF-005");
    }

    @Test
    void malformedAndDeepInputsAreIncompleteWithoutCrashing() throws IOException {
        byte[] cut = new ProtoWriter().messageField(1, node("x", "Placeholder"))
                .tag(1, 2).rawVarint(5_000).raw(new byte[10]).toByteArray();
        FileResult truncated = scan("cut.pb", cut);
        assertThat(truncated.status()).isEqualTo(FileStatus.INCOMPLETE);
        assertThat(truncated.facts()).containsEntry("tensorflow.nodeCount", 1L);

        // 10,000 messages nested under GraphDef.library's gradient field: skipped, never descended into
        byte[] deepGraph = ProtoWriter.nested(10_000, 2);
        byte[] saved = new ProtoWriter().varintField(1, 1)
                .messageField(2, new ProtoWriter().messageField(1, new ProtoWriter().stringField(4, "serve"))
                        .bytesField(2, deepGraph)).toByteArray();
        FileResult deep = scan("saved_model.pb", saved);
        assertThat(deep.format()).isEqualTo("tf-savedmodel");
        assertThat(deep.status()).isEqualTo(FileStatus.CLEAN);
        assertThat(deep.facts()).containsEntry("tensorflow.metaGraphCount", 1L);
    }

    @Test
    void otherProtobufAndTextAreNotTensorflow() throws IOException {
        Path onnx = Path.of("..", "fixtures", "onnx", "benign", "mlp_opset13.onnx");
        assertThat(SCANNER.scanFile(onnx).format()).isEqualTo("onnx");
        Path text = temp.resolve("notes.pb");
        Files.writeString(text, "\nhello world, this is not a graph\n");
        assertThat(SCANNER.scanFile(text).format()).isNotIn("tf-graphdef", "tf-savedmodel");
    }

    private static ProtoWriter node(String name, String op, String... inputs) {
        ProtoWriter node = new ProtoWriter().stringField(1, name).stringField(2, op);
        for (String input : inputs) {
            node.stringField(3, input);
        }
        return node;
    }

    private static ProtoWriter stringConst(String value) {
        ProtoWriter tensor = new ProtoWriter().varintField(1, 7).stringField(8, value);
        return new ProtoWriter().stringField(1, "value").messageField(2, new ProtoWriter().messageField(8, tensor));
    }

    private FileResult scan(String name, byte[] bytes) throws IOException {
        Path file = temp.resolve(name);
        Files.write(file, bytes);
        return SCANNER.scanFile(file);
    }
}
