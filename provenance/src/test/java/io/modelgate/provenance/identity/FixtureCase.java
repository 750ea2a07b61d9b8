package io.modelgate.provenance.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelgate.scanner.model.FileResult;
import io.modelgate.scanner.model.FileStatus;
import io.modelgate.scanner.model.ScanReport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One case of fixtures/provenance: a model folder (or GGUF metadata) and what the analysis must conclude.
 * The files of the folder become file results as the scanner would list them; the tensor layout and GGUF
 * metadata of case.json become the facts the safetensors and GGUF readers record.
 */
record FixtureCase(String name, Path dir, JsonNode spec) {

    static final Path ROOT = Path.of("..", "fixtures", "provenance");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NO_DIGEST = "0".repeat(64);

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

    ScanReport report() throws IOException {
        List<FileResult> files = new ArrayList<>();
        String unit = spec.path("unit").asText();
        Map<String, Object> tensors = tensorFacts();
        if (spec.path("kind").asText().equals("gguf")) {
            Map<String, Object> facts = ggufFacts();
            facts.put("gguf.tensorShapes", tensors);
            files.add(file(display(dir.resolve(unit)), "gguf", facts));
        } else {
            Path folder = dir.resolve(unit);
            try (Stream<Path> children = Files.list(folder)) {
                children.sorted().forEach(p -> files.add(file(display(p), "json", Map.of())));
            }
            if (!tensors.isEmpty()) {
                String weights = unit.contains("lora") || spec.path("kind").asText().equals("adapter")
                        ? "adapter_model.safetensors" : "model.safetensors";
                files.add(file(display(folder.resolve(weights)), "safetensors",
                        Map.of("safetensors.tensorShapes", tensors)));
            }
        }
        return new ScanReport("test", Instant.EPOCH, 0, List.of(display(dir)), files, List.of());
    }

    /** The facts the GGUF reader records for the case's metadata: named identity keys and the base model list. */
    private Map<String, Object> ggufFacts() {
        Map<String, String> factByKey = new LinkedHashMap<>();
        FormatFacts.GGUF_KEYS.forEach((fact, key) -> factByKey.put(key, fact));
        Map<String, Object> facts = new LinkedHashMap<>();
        List<Map<String, Object>> bases = new ArrayList<>();
        spec.path("gguf").fields().forEachRemaining(e -> {
            Object value = JSON.convertValue(e.getValue(), Object.class);
            java.util.regex.Matcher base = java.util.regex.Pattern.compile("general\\.base_model\\.(\\d+)\\.(.+)")
                    .matcher(e.getKey());
            if (base.matches()) {
                int index = Integer.parseInt(base.group(1));
                while (bases.size() <= index) {
                    bases.add(new LinkedHashMap<>());
                }
                bases.get(index).put(base.group(2), value);
            } else if (factByKey.containsKey(e.getKey())) {
                facts.put(factByKey.get(e.getKey()), value);
            }
        });
        if (!bases.isEmpty()) {
            facts.put(FormatFacts.GGUF_BASE_MODELS, bases);
        }
        return facts;
    }

    private Map<String, Object> tensorFacts() {
        Map<String, Object> shapes = new LinkedHashMap<>();
        spec.path("tensors").fields().forEachRemaining(e -> {
            List<Long> shape = new ArrayList<>();
            e.getValue().forEach(d -> shape.add(d.asLong()));
            shapes.put(e.getKey(), shape);
        });
        return shapes;
    }

    private static FileResult file(String path, String format, Map<String, Object> facts) {
        FileStatus status = format.equals("json") ? FileStatus.SKIPPED : FileStatus.CLEAN;
        return new FileResult(path, format, Set.of(), 1, NO_DIGEST, status, List.of(), List.of(), facts);
    }

    private static String display(Path path) {
        return path.toString().replace('\\', '/');
    }
}
