package io.modelgate.scanner.tflite;

import io.modelgate.scanner.analysis.FileCollector;
import io.modelgate.scanner.flatbuffers.FlatBufferMutations;
import io.modelgate.scanner.flatbuffers.FlatBufferWriter;
import io.modelgate.scanner.flatbuffers.FlatBufferWriter.Table;
import io.modelgate.scanner.flatbuffers.FlatBufferWriter.Vector;
import io.modelgate.scanner.testing.ArtifactScan;
import io.modelgate.scanner.testing.Mutants;
import io.modelgate.scanner.model.FileStatus;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;

import static io.modelgate.scanner.tflite.TfliteModels.builtin;
import static io.modelgate.scanner.tflite.TfliteModels.custom;
import static io.modelgate.scanner.tflite.TfliteModels.model;
import static org.assertj.core.api.Assertions.assertThat;

class TfliteScanTest {

    @Test
    void benignModelIsCleanWithItsOperatorsListed() {
        byte[] bytes = model(builtin(TfliteModels.CONV_2D), builtin(TfliteModels.FULLY_CONNECTED),
                builtin(TfliteModels.ADD), custom("TFLite_Detection_PostProcess"));
        FileCollector scan = ArtifactScan.scan("detector.tflite", bytes);
        assertThat(scan.format().id()).isEqualTo("tflite");
        assertThat(scan.incompleteReasons()).isEmpty();
        assertThat(ArtifactScan.aboveInfo(scan)).isEmpty();
        assertThat(scan.facts()).containsEntry("tflite.operatorCount", 4L).containsEntry("tflite.subgraphs", 1L);
        assertThat(scan.facts().get("tflite.operators")).isEqualTo(Map.of("builtin:3", 1L, "builtin:9", 1L,
                "builtin:0", 1L, "TFLite_Detection_PostProcess", 1L));
    }

    @Test
    void detectedByIdentifierWhateverTheName() {
        assertThat(ArtifactScan.scan("weights.bin", model(builtin(TfliteModels.ADD))).format().id())
                .isEqualTo("tflite");
    }

    @Test
    void flexOperationsThatReachFilesAreFindings() {
        byte[] bytes = model(builtin(TfliteModels.ADD), custom("FlexReadFile"), custom("FlexWriteFile"),
                custom("FlexRestoreV2"), custom("FlexAddV2"));
        FileCollector scan = ArtifactScan.scan("model.tflite", bytes);
        assertThat(scan.incompleteReasons()).isEmpty();
        assertThat(scan.findings()).filteredOn(f -> f.ruleId().equals("MG-TFL-001"))
                .extracting(f -> f.subject()).containsExactlyInAnyOrder("FlexReadFile", "FlexWriteFile", "FlexRestoreV2");
        assertThat(ArtifactScan.ruleIds(scan)).doesNotContain("MG-TFL-002");
    }

    @Test
    void otherCustomOperatorsAreReviewed() {
        FileCollector scan = ArtifactScan.scan("model.tflite", model(custom("MyVendorOp")));
        assertThat(ArtifactScan.ruleIds(scan)).containsExactly("MG-TFL-002");
    }

    @Test
    void tooManyDistinctCustomOperatorsAreALimitNotAFlood() {
        Table[] codes = new Table[1100];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = custom("Vendor" + i);
        }
        FileCollector scan = ArtifactScan.scan("m.tflite", model(codes));
        assertThat(scan.incompleteReasons()).singleElement().asString().contains("more than 1024");
        assertThat(scan.findings()).filteredOn(f -> f.ruleId().equals("MG-TFL-002")).hasSize(1024);
    }

    @Test
    void operatorNamingAMissingCodeIsIncomplete() {
        Table badOperator = new Table().scalar(0, 4, 7);
        Table subgraph = new Table().ref(3, Vector.of(badOperator));
        Table modelTable = new Table().ref(1, Vector.of(builtin(TfliteModels.ADD))).ref(2, Vector.of(subgraph));
        FileCollector scan = ArtifactScan.scan("m.tflite", FlatBufferWriter.write("TFL3", modelTable));
        assertThat(scan.incompleteReasons()).singleElement().asString().contains("operator code 7");
    }

    @Test
    void truncatedAndOutOfRangeModelsAreIncomplete() {
        byte[] bytes = model(builtin(TfliteModels.CONV_2D), custom("FlexReadFile"));
        for (int cut : new int[]{6, 9, 40, bytes.length / 2, bytes.length - 3}) {
            FileCollector scan = ArtifactScan.scan("m.tflite", Arrays.copyOf(bytes, cut));
            assertThat(scan.incompleteReasons()).as("cut at " + cut).isNotEmpty();
        }
        byte[] rootOutside = bytes.clone();
        rootOutside[0] = (byte) 0xff;
        rootOutside[1] = (byte) 0xff;
        assertThat(ArtifactScan.scan("m.tflite", rootOutside).incompleteReasons()).isNotEmpty();
    }

    @Test
    void bufferOutsideTheFileIsIncomplete() {
        Table buffer = new Table().scalar(1, 8, 1L << 40).scalar(2, 8, 16);
        Table subgraph = new Table().ref(3, Vector.of(new Table().scalar(0, 4, 0)));
        Table modelTable = new Table().ref(1, Vector.of(builtin(TfliteModels.ADD))).ref(2, Vector.of(subgraph))
                .ref(4, Vector.of(buffer));
        FileCollector scan = ArtifactScan.scan("m.tflite", FlatBufferWriter.write("TFL3", modelTable));
        assertThat(scan.incompleteReasons()).singleElement().asString().contains("outside the file");
    }

    @Test
    void tfliteNameWithoutIdentifierFailsClosed() {
        FileCollector scan = ArtifactScan.scan("model.tflite", new byte[]{1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 0, 0});
        assertThat(scan.incompleteReasons()).singleElement().asString().contains("format not analysed");
    }

    /** Fixed-seed mutations: never an error; a clean mutant still lists no Flex file operation. */
    @Test
    void mutantsNeverCrashAndNeverHideTheFlexOperation() {
        byte[] original = model(builtin(TfliteModels.CONV_2D), custom("FlexReadFile"), builtin(TfliteModels.ADD));
        Random random = new Random(20261203);
        for (int round = 0; round < 400; round++) {
            byte[] mutant = FlatBufferMutations.mutate(original, random);
            FileCollector scan = ArtifactScan.scan("m.tflite", mutant);
            FileStatus status = Mutants.status(scan);
            assertThat(status).as("round " + round).isNotEqualTo(FileStatus.ERROR);
            assertThat(status).as("round " + round).isNotEqualTo(FileStatus.SKIPPED);
            if (status == FileStatus.CLEAN) {
                assertThat(new String(mutant, java.nio.charset.StandardCharsets.ISO_8859_1))
                        .as("round " + round).doesNotContain("FlexReadFile");
            }
        }
    }
}
