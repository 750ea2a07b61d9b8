package io.modelgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Each model in models[] carries the integrity and signature checks of its folder. */
class ModelIntegrityJsonTest {

    @TempDir
    Path dir;

    private Path copyOfTinyChat() throws IOException {
        Path source = Path.of("..", "fixtures", "hf", "tiny-chat");
        Path target = dir.resolve("model");
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName().toString()));
            }
        }
        return target;
    }

    private static JsonNode onlyModel(CliRun run) throws IOException {
        JsonNode models = new ObjectMapper().readTree(run.out()).path("models");
        assertThat(models.size()).isEqualTo(1);
        return models.get(0);
    }

    @Test
    void unsignedUnlockedModelSaysSo() throws IOException {
        JsonNode model = onlyModel(CliRun.of("scan", "--format", "json", copyOfTinyChat().toString()));
        assertThat(model.path("signature").path("status").asText()).isEqualTo("absent");
        assertThat(model.path("integrity").path("checks").isArray()).isTrue();
        assertThat(model.path("integrity").path("checks")).isEmpty();
    }

    @Test
    void lockCheckAppearsOnTheModel() throws IOException {
        Path model = copyOfTinyChat();
        Path lock = dir.resolve("model.lock");
        assertThat(CliRun.of("lock", model.toString(), "-o", lock.toString()).exitCode()).isZero();
        CliRun run = CliRun.of("scan", "--format", "json", "--lock", lock.toString(), model.toString());
        JsonNode check = onlyModel(run).path("integrity").path("checks").get(0);
        assertThat(check.path("check").asText()).isEqualTo("lock");
        assertThat(check.path("status").asText()).isEqualTo("match");
    }
}
