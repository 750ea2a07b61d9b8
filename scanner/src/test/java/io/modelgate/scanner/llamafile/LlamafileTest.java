package io.modelgate.scanner.llamafile;

import io.modelgate.scanner.analysis.FileCollector;
import io.modelgate.scanner.archive.ZipBuilder;
import io.modelgate.scanner.binary.BinaryRules;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.model.FileStatus;
import io.modelgate.scanner.model.Severity;
import io.modelgate.scanner.testing.ArtifactScan;
import io.modelgate.scanner.testing.Mutants;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class LlamafileTest {

    /** The start of an Actually Portable Executable: an MZ header that is also a shell script, e_lfanew to "PE". */
    static byte[] apeStub() {
        byte[] stub = new byte[4096];
        byte[] shell = "MZqFpD='\n\n\u0000\u0000".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(shell, 0, stub, 0, shell.length);
        stub[0x3c] = (byte) 0x80;
        stub[0x80] = 'P';
        stub[0x81] = 'E';
        return stub;
    }

    static byte[] llamafile(byte[] gguf, String extraName, byte[] extra) {
        ZipBuilder zip = new ZipBuilder().prefix(apeStub());
        zip.add(".args", "-m\nqwen2.gguf\n--host\n127.0.0.1\n");
        zip.add("qwen2.gguf", gguf, ZipBuilder.STORED);
        if (extraName != null) {
            zip.add(extraName, extra, ZipBuilder.STORED);
        }
        return zip.build();
    }

    @Test
    void llamafileIsAnExecutableWhoseWeightsAreAnalysed() {
        byte[] gguf = Mutants.fixture("gguf", "qwen2-q4_k-q8_0.gguf");

        FileCollector scan = ArtifactScan.scan("qwen2.llamafile", llamafile(gguf, null, null));

        assertThat(scan.format()).isEqualTo(ModelFormat.LLAMAFILE);
        assertThat(scan.innerFormats()).contains("gguf");
        assertThat(ArtifactScan.ruleIds(scan)).containsExactly(BinaryRules.NATIVE_EXECUTABLE.id());
        assertThat(scan.facts()).containsEntry("llamafile.weights", java.util.List.of("qwen2.gguf"));
        assertThat(scan.facts()).containsEntry("qwen2.llamafile!qwen2.gguf#gguf.architecture", "qwen2");
    }

    @Test
    void aPayloadPackedBesideTheWeightsIsFound() {
        byte[] gguf = Mutants.fixture("gguf", "qwen2-q4_k-q8_0.gguf");
        byte[] evil = io.modelgate.scanner.archive.Fixtures.evilPickle();

        FileCollector scan = ArtifactScan.scan("model.llamafile", llamafile(gguf, "tokenizer.pkl", evil));

        assertThat(scan.findings()).anySatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.CRITICAL));
    }

    @Test
    void damagedZipTailLeavesTheLlamafileIncomplete() {
        byte[] gguf = Mutants.fixture("gguf", "qwen2-q4_k-q8_0.gguf");
        byte[] file = llamafile(gguf, null, null);
        byte[] cut = Arrays.copyOf(file, file.length - 30);
        byte[] truncatedWeights = llamafile(Arrays.copyOf(gguf, gguf.length / 2), null, null);

        FileCollector cutScan = ArtifactScan.scan("model.llamafile", cut);
        assertThat(Mutants.status(cutScan)).isNotEqualTo(FileStatus.CLEAN);
        assertThat(Mutants.status(ArtifactScan.scan("model.llamafile", truncatedWeights))).isNotEqualTo(FileStatus.CLEAN);
    }
}
