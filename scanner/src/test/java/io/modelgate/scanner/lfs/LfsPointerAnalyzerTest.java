package io.modelgate.scanner.lfs;

import io.modelgate.scanner.analysis.FileCollector;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.modelgate.scanner.testing.ArtifactScan.ruleIds;
import static io.modelgate.scanner.testing.ArtifactScan.scan;
import static org.assertj.core.api.Assertions.assertThat;

class LfsPointerAnalyzerTest {

    @Test
    void pointerInPlaceOfWeightsIsIncompleteWithOidAndSize() throws IOException {
        byte[] pointer = Files.readAllBytes(Path.of("..", "fixtures", "misc", "model.safetensors.lfs-pointer"));
        FileCollector result = scan("model.safetensors", pointer);
        assertThat(result.format().id()).isEqualTo("git-lfs-pointer");
        assertThat(ruleIds(result)).contains("MG-LFS-001");
        assertThat(result.incompleteReasons()).singleElement().asString().contains("not downloaded");
        assertThat(result.facts())
                .containsEntry("lfs.oid", "sha256:4c1a4d0a3c9b8f1ea0b1e77c25fb2e2b6e0b3f4c2d9a7e8f1b0c3d5e6f7a8b9c")
                .containsEntry("lfs.size", 988097824L);
    }

    @Test
    void malformedPointerIsStillNeverClean() {
        byte[] bad = "version https://git-lfs.github.com/spec/v1\noid sha256:XYZ\nsize -4\n".getBytes(StandardCharsets.UTF_8);
        FileCollector result = scan("model.bin", bad);
        assertThat(ruleIds(result)).contains("MG-LFS-002");
        assertThat(result.incompleteReasons()).isNotEmpty();
    }

    @Test
    void largeFilesAndOtherTextAreNotPointers() {
        String big = "version https://git-lfs.github.com/spec/v1\n" + "x".repeat(2000);
        assertThat(scan("notes.txt", big.getBytes(StandardCharsets.UTF_8)).format().id()).isEqualTo("text");
        assertThat(LfsPointer.parse("version https://git-lfs.github.com/spec/v1\noid sha256:" + "a".repeat(64)
                + "\nsize 12\next-0-foo sha256:" + "b".repeat(64) + "\n")).contains(new LfsPointer("a".repeat(64), 12));
    }
}
