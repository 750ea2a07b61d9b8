package io.modelgate.scanner.safetensors;

import io.modelgate.scanner.testing.MutationFuzz;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

class SafetensorsRobustnessTest {

    @Test
    void corruptedFilesNeverThrowUnexpectedly() throws IOException {
        for (String name : new String[]{"tiny-llama-f16.safetensors", "lora-kohya.safetensors"}) {
            byte[] valid = Files.readAllBytes(Path.of("..", "fixtures", "safetensors", name));
            MutationFuzz.run(new SafetensorsAnalyzer(), valid, 300, name.hashCode());
        }
    }
}
