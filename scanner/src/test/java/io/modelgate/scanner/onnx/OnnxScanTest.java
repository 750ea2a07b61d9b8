package io.modelgate.scanner.onnx;

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
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class OnnxScanTest {

    private static final Path FIXTURES = Path.of("..", "fixtures", "onnx");
    private static final Scanner SCANNER = Scanner.withDefaults();

    @TempDir
    Path temp;

    @Test
    void benignModelsAreOnnxWithNothingAboveInfo() throws IOException {
        List<Path> models;
        try (Stream<Path> files = Files.walk(FIXTURES.resolve("benign"))) {
            models = files.filter(p -> p.toString().endsWith(".onnx")).sorted().toList();
        }
        assertThat(models).hasSizeGreaterThanOrEqualTo(9);
        for (Path model : models) {
            FileResult result = SCANNER.scanFile(model);
            assertThat(result.format()).as(model.toString()).isEqualTo("onnx");
            assertThat(result.incompleteReasons()).as(model.toString()).isEmpty();
            assertThat(result.findings()).as(model.toString())
                    .allMatch(f -> f.severity() == Severity.INFO);
        }
    }

    @Test
    void detectsByContentNotByName() throws IOException {
        Path renamed = temp.resolve("weights.bin");
        Files.copy(FIXTURES.resolve("benign/mlp_opset13.onnx"), renamed);
        assertThat(SCANNER.scanFile(renamed).format()).isEqualTo("onnx");
        Path notOnnx = temp.resolve("fake.onnx");
        Files.writeString(notOnnx, "{\"ir_version\": 7}");
        assertThat(SCANNER.scanFile(notOnnx).format()).isNotEqualTo("onnx");
    }

    @Test
    void factsDescribeTheModel() {
        FileResult result = SCANNER.scanFile(FIXTURES.resolve("benign/mlp_opset21.onnx"));
        Map<String, Object> facts = result.facts();
        assertThat(facts).containsEntry("onnx.irVersion", 8L)
                .containsEntry("onnx.producer", "modelgate-fixtures 1.0")
                .containsEntry("onnx.nodeCount", 4L)
                .containsEntry("onnx.initializerCount", 3L)
                .containsEntry("onnx.parameterCount", 8L * 16 + 16 + 16 * 2);
        assertThat(facts.get("onnx.opsets")).isEqualTo(List.of("ai.onnx:21"));
        assertThat(facts.get("onnx.opTypes")).isEqualTo(Map.of("MatMul", 2L, "Add", 1L, "Relu", 1L));
    }

    @Test
    void listsOperatorsInsideIfAndLoopSubgraphs() {
        Map<String, Object> facts = SCANNER.scanFile(FIXTURES.resolve("benign/if_loop.onnx")).facts();
        @SuppressWarnings("unchecked")
        Map<String, Long> ops = (Map<String, Long>) facts.get("onnx.opTypes");
        assertThat(ops).containsKeys("If", "Loop", "Relu", "Neg", "Identity", "Add");
        assertThat(facts).containsEntry("onnx.nodeCount", 8L);
    }

    @Test
    void localFunctionCallIsNotACustomOperator() {
        FileResult result = SCANNER.scanFile(FIXTURES.resolve("benign/local_function.onnx"));
        assertThat(result.findings()).isEmpty();
        @SuppressWarnings("unchecked")
        Map<String, Long> ops = (Map<String, Long>) result.facts().get("onnx.opTypes");
        assertThat(ops).containsKeys("local.functions:ScaledRelu", "Mul", "Relu");
    }

    @Test
    void runtimeContribDomainIsInfo() {
        FileResult result = SCANNER.scanFile(FIXTURES.resolve("benign/ort_contrib.onnx"));
        assertThat(result.findings()).extracting(Finding::ruleId).containsExactly("MG-ONNX-004");
        assertThat(result.findings().get(0).message()).contains("fused");
    }

    @Test
    void customDomainIsReviewFindingWithNodeName() {
        FileResult result = SCANNER.scanFile(FIXTURES.resolve("malicious/custom_domain.onnx"));
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("MG-ONNX-003");
            assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(f.subject()).isEqualTo("com.example.plugin:Backdoor");
            assertThat(f.message()).contains("trigger_node");
        });
    }

    @Test
    void externalDataEscapingTheFolderIsCritical() {
        for (String name : List.of("external_relative_traversal.onnx", "external_absolute.onnx")) {
            FileResult result = SCANNER.scanFile(FIXTURES.resolve("malicious").resolve(name));
            assertThat(result.findings()).as(name).extracting(Finding::ruleId).containsExactly("MG-ONNX-001");
            assertThat(result.findings().get(0).severity()).isEqualTo(Severity.CRITICAL);
        }
    }

    @Test
    void missingExternalFileIsHigh() {
        FileResult result = SCANNER.scanFile(FIXTURES.resolve("malicious/external_missing.onnx"));
        assertThat(result.findings()).extracting(Finding::ruleId).containsExactly("MG-ONNX-002");
        assertThat(result.findings().get(0).subject()).isEqualTo("weights_not_shipped.bin");
    }

    @Test
    void externalFileThroughLinkOutsideIsCritical() throws IOException {
        Path folder = Files.createDirectory(temp.resolve("model"));
        Path outside = Files.write(temp.resolve("secret.bin"), new byte[704]);
        Files.copy(FIXTURES.resolve("benign/external/model.onnx"), folder.resolve("model.onnx"));
        Files.createSymbolicLink(folder.resolve("model.bin"), outside);
        FileResult result = SCANNER.scanFile(folder.resolve("model.onnx"));
        assertThat(result.findings()).extracting(Finding::ruleId).containsOnly("MG-ONNX-001");
        assertThat(result.findings().get(0).message()).contains("link");
    }

    @Test
    void truncatedExternalFileIsASizeMismatch() throws IOException {
        Files.copy(FIXTURES.resolve("benign/external/model.onnx"), temp.resolve("model.onnx"));
        Files.write(temp.resolve("model.bin"), new byte[100]);
        FileResult result = SCANNER.scanFile(temp.resolve("model.onnx"));
        assertThat(result.findings()).extracting(Finding::ruleId).contains("MG-ONNX-005");
        assertThat(result.findings()).noneMatch(f -> f.ruleId().equals("MG-ONNX-001"));
    }

    @Test
    void rawDataDisagreeingWithShapeIsAMismatch() throws IOException {
        ProtoWriter tensor = new ProtoWriter().varintField(1, 1L << 62).varintField(1, 4).varintField(2, 1)
                .stringField(8, "w").bytesField(9, new byte[16]);
        ProtoWriter sane = new ProtoWriter().varintField(1, 3).varintField(2, 1).stringField(8, "b")
                .bytesField(9, new byte[8]);
        ProtoWriter graph = new ProtoWriter().messageField(5, tensor).messageField(5, sane);
        FileResult result = scan("shape.onnx", model(graph));
        assertThat(result.findings()).extracting(Finding::subject).containsExactlyInAnyOrder("w", "b");
        assertThat(result.findings()).allMatch(f -> f.ruleId().equals("MG-ONNX-005"));
        assertThat(result.status()).isEqualTo(FileStatus.FINDINGS);
    }

    @Test
    void deeplyNestedSubgraphsReachALimitWithoutCrashing() throws IOException {
        // graph.node -> node.attribute -> attribute.g -> graph ... 10,000 messages deep
        byte[] graph = ProtoWriter.nested(10_000, 1, 5, 6);
        FileResult result = scan("deep.onnx", model(graph));
        assertThat(result.status()).isEqualTo(FileStatus.INCOMPLETE);
        assertThat(result.findings()).extracting(Finding::ruleId).contains("MG-GEN-002");
    }

    @Test
    void malformedGraphIsIncompleteWithAFinding() throws IOException {
        byte[] overlong = new ProtoWriter().tag(4, 2).raw((byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff,
                (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0x01).toByteArray();
        ProtoWriter graph = new ProtoWriter().bytesField(1, overlong);
        FileResult result = scan("overlong.onnx", model(graph));
        assertThat(result.status()).isEqualTo(FileStatus.INCOMPLETE);
        assertThat(result.findings()).extracting(Finding::ruleId).contains("MG-GEN-001");

        byte[] pastEnd = new ProtoWriter().tag(3, 2).rawVarint(1_000_000).raw(new byte[4]).toByteArray();
        FileResult second = scan("past_end.onnx", model(new ProtoWriter().bytesField(1, pastEnd)));
        assertThat(second.status()).isEqualTo(FileStatus.INCOMPLETE);
    }

    @Test
    void manyNodesWithDistinctDomainsStayBounded() throws IOException {
        ProtoWriter graph = new ProtoWriter();
        for (int i = 0; i < 3_000; i++) {
            graph.messageField(1, new ProtoWriter().stringField(3, "n" + i).stringField(4, "Op" + i)
                    .stringField(7, "ai.onnx"));
        }
        FileResult result = scan("many.onnx", model(graph));
        assertThat(result.facts()).containsEntry("onnx.nodeCount", 3_000L).containsEntry("onnx.opTypesTruncated", true);
        assertThat(result.findings()).isEmpty();
    }

    private static byte[] model(ProtoWriter graph) {
        return model(graph.toByteArray());
    }

    private static byte[] model(byte[] graph) {
        return new ProtoWriter().varintField(1, 8).stringField(2, "test").bytesField(7, graph)
                .messageField(8, new ProtoWriter().varintField(2, 17)).toByteArray();
    }

    private FileResult scan(String name, byte[] bytes) throws IOException {
        Path file = temp.resolve(name);
        Files.write(file, bytes);
        FileResult result = SCANNER.scanFile(file);
        assertThat(result.format()).isEqualTo("onnx");
        return result;
    }
}
