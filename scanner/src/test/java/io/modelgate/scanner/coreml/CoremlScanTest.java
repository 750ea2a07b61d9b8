package io.modelgate.scanner.coreml;

import io.modelgate.scanner.Scanner;
import io.modelgate.scanner.analysis.FileCollector;
import io.modelgate.scanner.model.FileResult;
import io.modelgate.scanner.model.FileStatus;
import io.modelgate.scanner.model.ScanReport;
import io.modelgate.scanner.protobuf.ProtoWriter;
import io.modelgate.scanner.testing.ArtifactScan;
import io.modelgate.scanner.testing.Mutants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Core ML models written from Model.proto, NeuralNetwork.proto and MIL.proto: Model (specificationVersion 1,
 * description 2, model types 200..3000), NeuralNetworkLayer (name 1, input 2, output 3, layer oneof from 10;
 * convolution 100, activation 130, innerProduct 140, softmax 175, custom 500, branch 605), CustomLayerParams and
 * CustomModel (className 10), MIL Program (functions 2) → Function (opset 2, block_specializations 3) → Block
 * (operations 3) → Operation (type 1, inputs 2) → Argument (arguments 1) → Binding (value 2) → Value
 * (blobFileValue 5: fileName 1, offset 2).
 */
class CoremlScanTest {

    @TempDir
    Path temp;

    static ProtoWriter description() {
        ProtoWriter input = new ProtoWriter().stringField(1, "image")
                .messageField(3, new ProtoWriter().messageField(5, new ProtoWriter().varintField(1, 224)));
        ProtoWriter output = new ProtoWriter().stringField(1, "classLabel")
                .messageField(3, new ProtoWriter().messageField(3, new ProtoWriter()));
        return new ProtoWriter().messageField(1, input).messageField(10, output).stringField(11, "classLabel")
                .messageField(100, new ProtoWriter().stringField(1, "A classifier").stringField(3, "ACME")
                        .stringField(4, "MIT"));
    }

    static ProtoWriter layer(String name, int type, ProtoWriter params) {
        return new ProtoWriter().stringField(1, name).stringField(2, name + "_in").stringField(3, name + "_out")
                .messageField(type, params);
    }

    static ProtoWriter convolution() {
        return new ProtoWriter().varintField(1, 3).varintField(2, 16)
                .messageField(90, new ProtoWriter().bytesField(2, new byte[64]));
    }

    static byte[] classifier(ProtoWriter... extraLayers) {
        ProtoWriter network = new ProtoWriter()
                .messageField(1, layer("conv1", 100, convolution()))
                .messageField(1, layer("relu1", 130, new ProtoWriter().messageField(10, new ProtoWriter())))
                .messageField(1, layer("fc", 140, new ProtoWriter().varintField(1, 16).varintField(2, 10)))
                .messageField(1, layer("prob", 175, new ProtoWriter()));
        for (ProtoWriter extra : extraLayers) {
            network.messageField(1, extra);
        }
        return new ProtoWriter().varintField(1, 4).messageField(2, description()).messageField(403, network)
                .toByteArray();
    }

    static ProtoWriter customLayer(String className) {
        return layer("mystery", 500, new ProtoWriter().stringField(10, className).stringField(40, "does things"));
    }

    static byte[] program(String weightFile) {
        ProtoWriter blob = new ProtoWriter().stringField(1, weightFile).varintField(2, 64);
        ProtoWriter constant = new ProtoWriter().messageField(1, new ProtoWriter().messageField(2,
                new ProtoWriter().messageField(5, blob)));
        ProtoWriter constOp = new ProtoWriter().stringField(1, "const")
                .messageField(5, new ProtoWriter().stringField(1, "val").messageField(2,
                        new ProtoWriter().messageField(5, blob)));
        ProtoWriter linear = new ProtoWriter().stringField(1, "linear")
                .messageField(2, new ProtoWriter().stringField(1, "weight").messageField(2, constant));
        ProtoWriter block = new ProtoWriter().stringField(2, "y").messageField(3, constOp).messageField(3, linear);
        ProtoWriter function = new ProtoWriter().stringField(2, "CoreML7")
                .messageField(3, new ProtoWriter().stringField(1, "CoreML7").messageField(2, block));
        ProtoWriter program = new ProtoWriter().varintField(1, 1)
                .messageField(2, new ProtoWriter().stringField(1, "main").messageField(2, function));
        return new ProtoWriter().varintField(1, 8).messageField(2, description()).messageField(502, program)
                .toByteArray();
    }

    @Test
    void benignNeuralNetworkIsCleanAndDetectedByContent() {
        FileCollector scan = ArtifactScan.scan("weights.dat", classifier());
        assertThat(scan.format().id()).isEqualTo("coreml");
        assertThat(scan.incompleteReasons()).isEmpty();
        assertThat(ArtifactScan.aboveInfo(scan)).isEmpty();
        assertThat(scan.facts()).containsEntry("coreml.specificationVersion", 4L)
                .containsEntry("coreml.modelTypes", Map.of("neuralNetworkClassifier", 1L));
    }

    @Test
    void benignMlProgramIsClean() {
        FileCollector scan = ArtifactScan.scan("model.mlmodel", program("@model_path/weights/weight.bin"));
        assertThat(scan.incompleteReasons()).isEmpty();
        assertThat(ArtifactScan.aboveInfo(scan)).isEmpty();
        assertThat(scan.facts()).containsEntry("coreml.operationTypes", Map.of("const", 1L, "linear", 1L))
                .containsEntry("coreml.weightFiles", List.of("@model_path/weights/weight.bin"));
    }

    @Test
    void mlPackageFolderHasItsModelAnalysed() throws IOException {
        Path bundle = temp.resolve("Classifier.mlpackage");
        Path data = Files.createDirectories(bundle.resolve("Data/com.apple.CoreML"));
        Files.write(data.resolve("model.mlmodel"), classifier(customLayer("ACMEExfiltrateLayer")));
        Files.createDirectories(data.resolve("weights"));
        Files.write(data.resolve("weights/weight.bin"), new byte[256]);
        Files.writeString(bundle.resolve("Manifest.json"), "{\"fileFormatVersion\": \"1.0.0\", \"itemInfoEntries\": "
                + "{\"A1\": {\"author\": \"com.apple.CoreML\", \"description\": \"CoreML Model Specification\", "
                + "\"name\": \"model.mlmodel\", \"path\": \"com.apple.CoreML/model.mlmodel\"}}, "
                + "\"rootModelIdentifier\": \"A1\"}");
        ScanReport report = Scanner.withDefaults().scan(List.of(bundle));
        FileResult model = report.files().stream().filter(f -> f.path().endsWith("model.mlmodel")).findFirst()
                .orElseThrow();
        assertThat(model.format()).isEqualTo("coreml");
        assertThat(model.findings()).anyMatch(f -> f.ruleId().equals("MG-CML-001")
                && f.subject().equals("ACMEExfiltrateLayer"));
    }

    @Test
    void customLayerInsideABranchIsFound() {
        ProtoWriter inner = new ProtoWriter().messageField(1, customLayer("HiddenLayer"));
        ProtoWriter branch = layer("if", 605, new ProtoWriter().messageField(1, inner).messageField(2, new ProtoWriter()));
        FileCollector scan = ArtifactScan.scan("m.mlmodel", classifier(branch));
        assertThat(scan.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("MG-CML-001");
            assertThat(f.subject()).isEqualTo("HiddenLayer");
        });
    }

    @Test
    void customModelLinkedModelAndEscapingWeightsAreFindings() {
        byte[] custom = new ProtoWriter().varintField(1, 3).messageField(2, description())
                .messageField(555, new ProtoWriter().stringField(10, "ACMEModel")).toByteArray();
        assertThat(ArtifactScan.ruleIds(ArtifactScan.scan("m.mlmodel", custom))).containsExactly("MG-CML-002");
        ProtoWriter linkedFile = new ProtoWriter()
                .messageField(1, new ProtoWriter().stringField(1, "Extractor.mlmodelc"))
                .messageField(2, new ProtoWriter().stringField(1, "/tmp/models"));
        byte[] linked = new ProtoWriter().varintField(1, 4).messageField(2, description())
                .messageField(556, new ProtoWriter().messageField(1, linkedFile)).toByteArray();
        assertThat(ArtifactScan.ruleIds(ArtifactScan.scan("m.mlmodel", linked))).containsExactly("MG-CML-004");
        for (String escaping : List.of("/etc/passwd", "@model_path/../../../.ssh/id_rsa", "C:\\secrets.bin")) {
            FileCollector scan = ArtifactScan.scan("m.mlmodel", program(escaping));
            assertThat(ArtifactScan.ruleIds(scan)).as(escaping).containsExactly("MG-CML-003");
        }
    }

    @Test
    void unanalysedAndMalformedModelsAreIncomplete() {
        byte[] serialized = new ProtoWriter().varintField(1, 5).messageField(2, description())
                .messageField(3000, new ProtoWriter().stringField(1, "private").bytesField(2, new byte[8]))
                .toByteArray();
        assertThat(ArtifactScan.scan("m.mlmodel", serialized).incompleteReasons()).singleElement().asString()
                .contains("format not analysed");
        byte[] unknownType = new ProtoWriter().varintField(1, 4).messageField(2, description())
                .messageField(999, new ProtoWriter()).toByteArray();
        assertThat(ArtifactScan.scan("m.mlmodel", unknownType).incompleteReasons()).isNotEmpty();
        byte[] bytes = classifier(customLayer("X"));
        for (int cut : new int[]{3, bytes.length / 2, bytes.length - 2}) {
            assertThat(ArtifactScan.scan("m.mlmodel", Arrays.copyOf(bytes, cut)).incompleteReasons()).as("cut " + cut)
                    .isNotEmpty();
        }
        byte[] deep = new ProtoWriter().varintField(1, 4).raw(ProtoWriter.nested(5000, 202, 1)).toByteArray();
        assertThat(ArtifactScan.scan("m.mlmodel", deep).incompleteReasons()).isNotEmpty();
        assertThat(ArtifactScan.scan("m.mlmodel", "not a model at all".getBytes()).incompleteReasons()).isNotEmpty();
    }

    @Test
    void mutantsNeverCrashAndNeverHideTheCustomLayer() {
        byte[] original = classifier(customLayer("ACMEExfiltrateLayer"));
        byte[] marker = customLayer("ACMEExfiltrateLayer").toByteArray();
        Random random = new Random(4242);
        for (int round = 0; round < 300; round++) {
            byte[] mutant = original.clone();
            int kind = random.nextInt(3);
            if (kind == 0) {
                mutant = Arrays.copyOf(mutant, 1 + random.nextInt(mutant.length - 1));
            } else {
                for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                    mutant[random.nextInt(mutant.length)] = (byte) random.nextInt(256);
                }
            }
            FileCollector scan = ArtifactScan.scan("m.mlmodel", mutant);
            FileStatus status = Mutants.status(scan);
            assertThat(status).as("round " + round).isNotIn(FileStatus.ERROR, FileStatus.SKIPPED);
            if (status == FileStatus.CLEAN && endsWith(mutant, marker)) {
                throw new AssertionError("round " + round + ": a mutant still ending with the custom layer is clean");
            }
        }
    }

    private static boolean endsWith(byte[] bytes, byte[] suffix) {
        return bytes.length >= suffix.length
                && Arrays.equals(bytes, bytes.length - suffix.length, bytes.length, suffix, 0, suffix.length);
    }
}
