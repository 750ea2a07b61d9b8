package io.modelgate.assessment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One case of fixtures/provenance: a model folder (or GGUF metadata) and what the analysis must conclude.
 * {@link #materialise(Path)} writes it as real files: the folder's metadata files as committed, plus a
 * safetensors or GGUF file with the case's tensor names and metadata, every dimension but the vocabulary
 * cut to 1 so the files stay small.
 */
record FixtureCase(String name, Path dir, JsonNode spec) {

    static final Path ROOT = Path.of("..", "fixtures", "provenance");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Dimensions this large are vocabularies (the smallest real one is 32000); the rest are cut to 1. */
    private static final long VOCABULARY = 30_000;

    static List<FixtureCase> all() throws IOException {
        try (Stream<Path> dirs = Files.list(ROOT)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("case.json"))).sorted()
                    .map(FixtureCase::load).toList();
        }
    }

    private static FixtureCase load(Path dir) {
        try {
            return new FixtureCase(dir.getFileName().toString(), dir, JSON.readTree(dir.resolve("case.json").toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode expect() {
        return spec.path("expect");
    }

    boolean gguf() {
        return spec.path("kind").asText().equals("gguf");
    }

    /** Writes the case under {@code target}; returns the unit (its folder, or the GGUF file). */
    Path materialise(Path target) throws IOException {
        String unit = spec.path("unit").asText();
        Map<String, List<Long>> tensors = tensors();
        if (gguf()) {
            Map<String, Object> metadata = new LinkedHashMap<>();
            spec.path("gguf").fields().forEachRemaining(e -> metadata.put(e.getKey(),
                    e.getValue().isNumber() ? (Object) e.getValue().numberValue() : e.getValue().asText()));
            Path file = target.resolve(unit);
            ModelFileWriter.gguf(file, metadata, tensors);
            return file;
        }
        Path folder = Files.createDirectories(target.resolve(unit));
        try (Stream<Path> children = Files.list(dir.resolve(unit))) {
            for (Path child : children.toList()) {
                Files.copy(child, folder.resolve(child.getFileName().toString()));
            }
        }
        if (!tensors.isEmpty()) {
            String weights = unit.contains("lora") || spec.path("kind").asText().equals("adapter")
                    ? "adapter_model.safetensors" : "model.safetensors";
            ModelFileWriter.safetensors(folder.resolve(weights), tensors);
        }
        return folder;
    }

    private Map<String, List<Long>> tensors() {
        Map<String, List<Long>> shapes = new LinkedHashMap<>();
        spec.path("tensors").fields().forEachRemaining(e -> {
            List<Long> shape = new ArrayList<>();
            e.getValue().forEach(d -> shape.add(d.asLong() >= VOCABULARY ? d.asLong() : 1L));
            shapes.put(e.getKey(), shape);
        });
        return shapes;
    }

    @Override
    public String toString() {
        return name;
    }
}
