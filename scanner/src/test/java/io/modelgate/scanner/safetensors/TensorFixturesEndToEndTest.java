package io.modelgate.scanner.safetensors;

import io.modelgate.scanner.Scanner;
import io.modelgate.scanner.model.FileResult;
import io.modelgate.scanner.model.Finding;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The committed fixtures through the whole scanner (every detector, every analyser). */
class TensorFixturesEndToEndTest {

    private static final Path FIXTURES = Path.of("..", "fixtures");
    private final Scanner scanner = Scanner.withDefaults();

    private FileResult scan(String path) {
        return scanner.scanFile(FIXTURES.resolve(path));
    }

    @Test
    void benignWeightsAreClean() {
        for (String path : new String[]{"safetensors/tiny-llama-bf16.safetensors", "safetensors/tiny-llama-f16.safetensors",
                "safetensors/lora-kohya.safetensors", "gguf/qwen2-q4_k-q8_0.gguf", "gguf/tinyllama-be.gguf"}) {
            FileResult result = scan(path);
            assertThat(result.status().id()).as(path).isEqualTo("clean");
            assertThat(result.findings()).as(path).isEmpty();
        }
    }

    @Test
    void hostileFilesAreFlagged() {
        assertThat(scan("safetensors/hostile-metadata.safetensors").findings()).extracting(Finding::ruleId).contains("MG-ST-004");
        assertThat(scan("safetensors/polyglot-trailing.safetensors").findings()).extracting(Finding::ruleId)
                .containsExactly("MG-ST-002");
        FileResult pointer = scan("misc/model.safetensors.lfs-pointer");
        assertThat(pointer.format()).isEqualTo("git-lfs-pointer");
        assertThat(pointer.status().id()).isEqualTo("incomplete");
        FileResult script = scan("misc/convert.sh");
        assertThat(script.format()).isEqualTo("executable");
        assertThat(script.findings()).extracting(Finding::ruleId).containsExactly("MG-EXE-003");
    }
}
