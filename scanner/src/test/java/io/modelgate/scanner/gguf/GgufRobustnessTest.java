package io.modelgate.scanner.gguf;

import io.modelgate.scanner.testing.MutationFuzz;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

class GgufRobustnessTest {

    @Test
    void corruptedFilesNeverThrowUnexpectedly() throws IOException {
        for (String name : new String[]{"qwen2-q4_k-q8_0.gguf", "tinyllama-be.gguf"}) {
            byte[] valid = Files.readAllBytes(Path.of("..", "fixtures", "gguf", name));
            MutationFuzz.run(new GgufAnalyzer(), valid, 300, name.hashCode());
        }
    }
}
