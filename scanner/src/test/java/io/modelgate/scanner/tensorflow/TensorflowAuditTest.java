package io.modelgate.scanner.tensorflow;

import io.modelgate.scanner.Scanner;
import io.modelgate.scanner.model.FileResult;
import io.modelgate.scanner.model.FileStatus;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.Severity;
import io.modelgate.scanner.protobuf.ProtoWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Graphs nested in constants, serialized objects in attributes, operations classified by capability. */
class TensorflowAuditTest {

    private static final Path FIXTURES = Path.of("..", "fixtures", "tensorflow");
    private static final Scanner SCANNER = Scanner.withDefaults();

    @TempDir
    Path temp;

    @Test
    void graphSerializedInAConstantIsAnalysed() {
        FileResult result = SCANNER.scanFile(FIXTURES.resolve("malicious/graph_in_constant.pb"));
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("MG-TF-002");
            assertThat(f.location().toString()).endsWith("graph_in_constant.pb!the graph node 'graph_def' value 1");
        });
        assertThat(result.innerFormats()).contains("tf-graphdef");
    }

    @Test
    void savedModelSerializedInAnAttributeIsAnalysed() throws Exception {
        byte[] savedModel = Files.readAllBytes(FIXTURES.resolve("malicious/fixed_checkpoint_path/saved_model.pb"));
        ProtoWriter tensor = new ProtoWriter().varintField(1, 7).bytesField(8, savedModel);
        ProtoWriter value = new ProtoWriter().messageField(8, tensor);
        ProtoWriter node = new ProtoWriter().stringField(1, "blob").stringField(2, "Const")
                .messageField(5, new ProtoWriter().stringField(1, "value").messageField(2, value));
        byte[] graph = new ProtoWriter().messageField(1, node)
                .messageField(4, new ProtoWriter().varintField(1, 1645)).toByteArray();
        Path file = temp.resolve("outer.pb");
        Files.write(file, graph);
        FileResult result = SCANNER.scanFile(file);
        assertThat(result.findings()).extracting(Finding::ruleId).contains("MG-TF-006");
        assertThat(result.innerFormats()).contains("tf-savedmodel");
    }

    @Test
    void pickleInAStringAttributeIsAnalysed() {
        FileResult result = SCANNER.scanFile(FIXTURES.resolve("malicious/pickle_in_attribute.pb"));
        assertThat(result.findings()).anySatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.location().toString()).contains("node 'restore_state' value 1");
        });
    }

    @Test
    void debugOperationStreamingToGrpcIsNetworkAccess() {
        FileResult result = SCANNER.scanFile(FIXTURES.resolve("malicious/debug_grpc.pb"));
        assertThat(result.findings()).extracting(Finding::ruleId).contains("MG-TF-004", "MG-TF-005");
    }

    @Test
    void benignGraphsStayClean() {
        for (String name : new String[]{"benign/frozen_dense.pb", "benign/dense_savedmodel/saved_model.pb"}) {
            FileResult result = SCANNER.scanFile(FIXTURES.resolve(name));
            assertThat(result.status()).as(name).isEqualTo(FileStatus.CLEAN);
        }
    }

    @Test
    void capabilityTableCoversDatasetServiceAndGraphInputs() {
        assertThat(OpRisk.of("DataServiceDatasetV4")).contains(OpRisk.NETWORK);
        assertThat(OpRisk.of("DistributedSave")).contains(OpRisk.FILE_WRITE);
        assertThat(OpRisk.of("CacheDatasetV2")).contains(OpRisk.PATH_INPUT);
        assertThat(OpRisk.of("DatasetFromGraph")).contains(OpRisk.GRAPH_INPUT);
        assertThat(OpRisk.of("MatMul")).isEmpty();
    }
}
