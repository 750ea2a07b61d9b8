package io.modelgate.scanner.ggml;

import io.modelgate.scanner.analysis.FileCollector;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.model.FileStatus;
import io.modelgate.scanner.testing.ArtifactScan;
import io.modelgate.scanner.testing.Mutants;
import io.modelgate.scanner.testing.SeededMutants;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class GgmlAnalyzerTest {

    @Test
    void realShapedGgjtModelIsClean() {
        byte[] model = GgmlBuilder.tinyLlama();

        FileCollector scan = ArtifactScan.scan("ggml-model-q4_0.bin", model);

        assertThat(scan.format()).isEqualTo(ModelFormat.GGML_LEGACY);
        assertThat(Mutants.status(scan)).isEqualTo(FileStatus.CLEAN);
        assertThat(scan.facts()).containsEntry("ggml.variant", "ggjt").containsEntry("ggml.version", 3L)
                .containsEntry("ggml.tensorCount", 4).containsEntry("ggml.vocabularySize", 4L);
        assertThat(GgmlSpec.accepts(model)).isTrue();
    }

    @Test
    void unversionedGgmlAndLoraAdapterAreRead() {
        byte[] ggml = GgmlBuilder.ggml().llamaHparams(2, 32, 1, 0).token("a", false).token("b", false)
                .tensor("norm.weight", 0, 32 * 4, 32).bytes();
        byte[] lora = GgmlBuilder.ggla(8, 16).tensor("layers.0.attention.wq.weight.loraA", 0, 8 * 64 * 4, 64, 8)
                .tensor("layers.0.attention.wq.weight.loraB", 1, 8 * 64 * 2, 8, 64).bytes();

        assertThat(Mutants.status(ArtifactScan.scan("ggml-model-f32.bin", ggml))).isEqualTo(FileStatus.CLEAN);
        FileCollector adapter = ArtifactScan.scan("ggml-adapter-model.bin", lora);
        assertThat(Mutants.status(adapter)).isEqualTo(FileStatus.CLEAN);
        assertThat(adapter.facts()).containsEntry("ggml.variant", "ggla").containsEntry("ggml.tensorCount", 2);
    }

    @Test
    void tokenLengthPastTheEndIsAFindingAndIncomplete() {
        byte[] model = GgmlBuilder.ggjt(3).llamaHparams(2, 64, 1, 0).token("a", true).u32(0x7fffffff).u32(0).u32(0).bytes();

        FileCollector scan = ArtifactScan.scan("model.ggml", model);

        assertThat(ArtifactScan.ruleIds(scan)).contains(GgmlRules.MALFORMED_VOCAB.id());
        assertThat(Mutants.status(scan)).isEqualTo(FileStatus.INCOMPLETE);
    }

    @Test
    void hugeVocabularyAndTensorPastTheEndAreMalformed() {
        byte[] vocab = GgmlBuilder.ggjt(3).llamaHparams(0x7fffffff, 64, 1, 0).bytes();
        byte[] tensor = GgmlBuilder.ggla(8, 16).u32(2).u32(4).u32(0).u32(0x40000000).u32(0x40000000).bytes();

        assertThat(ArtifactScan.ruleIds(ArtifactScan.scan("a.bin", vocab))).contains(GgmlRules.MALFORMED_HEADER.id());
        FileCollector scan = ArtifactScan.scan("b.bin", Arrays.copyOf(tensor, tensor.length + 8));
        assertThat(ArtifactScan.ruleIds(scan)).contains(GgmlRules.MALFORMED_TENSOR.id());
        assertThat(Mutants.status(scan)).isEqualTo(FileStatus.INCOMPLETE);
    }

    @Test
    void typeWithUnknownEarlyLayoutLeavesTheFileIncomplete() {
        byte[] model = GgmlBuilder.ggjt(1).llamaHparams(1, 32, 1, 0).token("a", true)
                .tensor("x", 6, 32 / 32 * 22, 32).bytes();

        FileCollector scan = ArtifactScan.scan("model.bin", model);

        assertThat(ArtifactScan.ruleIds(scan)).contains(GgmlRules.UNKNOWN_TYPE.id());
        assertThat(Mutants.status(scan)).isEqualTo(FileStatus.INCOMPLETE);
    }

    @Test
    void unknownVersionAndOtherArchitectureLayoutsAreIncomplete() {
        byte[] v9 = GgmlBuilder.ggjt(9).llamaHparams(1, 32, 1, 0).bytes();
        byte[] gpt2 = GgmlBuilder.ggml().u32(50257).u32(1024).u32(768).u32(12).u32(12).u32(1).u32(50257).bytes();

        assertThat(Mutants.status(ArtifactScan.scan("a.bin", v9))).isEqualTo(FileStatus.INCOMPLETE);
        assertThat(Mutants.status(ArtifactScan.scan("gpt2.bin", gpt2))).isEqualTo(FileStatus.INCOMPLETE);
    }

    @Test
    void everyTruncationIsIncompleteUnlessItEndsOnATensor() {
        byte[] model = GgmlBuilder.tinyLlama();
        for (int cut = 4; cut < model.length; cut++) {
            byte[] part = Arrays.copyOf(model, cut);
            FileStatus status = Mutants.status(ArtifactScan.scan("m.ggml", part));
            assertThat(status).as("cut at " + cut).isEqualTo(GgmlSpec.accepts(part) ? FileStatus.CLEAN : FileStatus.INCOMPLETE);
        }
    }

    @Test
    void fixedSeedMutantsFailClosed() {
        byte[] model = GgmlBuilder.tinyLlama();
        for (Mutants.Mutation m : SeededMutants.draw(20261203L, 2000)) {
            byte[] mutant = m.apply(model);
            if (mutant.length < 4) {
                continue; // too short for any magic: three bytes of text, rightly skipped
            }
            FileCollector scan = ArtifactScan.scan("model.ggml", mutant);
            org.assertj.core.api.Assertions.assertThatCode(() -> Mutants.assertFailsClosed(scan, mutant, GgmlSpec::accepts))
                    .as(m + " " + scan.format()).doesNotThrowAnyException();
        }
    }
}
