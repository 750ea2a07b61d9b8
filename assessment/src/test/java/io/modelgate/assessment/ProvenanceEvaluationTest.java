package io.modelgate.assessment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelgate.provenance.kb.KnowledgeBaseLoader;
import io.modelgate.verification.VerificationChecks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evaluation set of fixtures/provenance-eval: real published files the knowledge base was not written from,
 * disguised variants of them and families outside the knowledge base, each scanned by the real scanner and
 * assessed by the AssessmentBuilder. Measures family accuracy and calibration (how often an identity with a
 * confidence of at least {@link Identity#CONFIDENT} is right), writes the table by family to
 * {@code target/provenance-eval.md}, and fails when a confident identity is wrong too often.
 */
class ProvenanceEvaluationTest {

    private static final Path ROOT = Path.of("..", "fixtures", "provenance-eval");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A published tokenizer.json without its vocabulary: {@code tokenizer.json.head}. */
    private static final String PUBLISHED_HEAD = ".head";

    @TempDir
    Path tmp;

    private record Outcome(String name, String truth, String predicted, double confidence, boolean uncertain,
                           String disguise) {
        boolean right() {
            return Objects.equals(truth, predicted);
        }

        boolean confident() {
            return !uncertain;
        }
    }

    @Test
    void confidentIdentitiesAreRightAndUnknownFamiliesAreNeverConfidentlyNamed() throws IOException {
        List<Outcome> outcomes = new ArrayList<>();
        for (Path dir : caseDirs()) {
            outcomes.add(evaluate(dir));
        }
        String table = table(outcomes);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "provenance-eval.md"), table);
        System.out.println(table);

        assertThat(outcomes).hasSizeGreaterThanOrEqualTo(30);
        List<Outcome> confident = outcomes.stream().filter(Outcome::confident).toList();
        long confidentRight = confident.stream().filter(Outcome::right).count();
        assertThat(confidentRight).as("confident identities that are right, of " + confident.size() + "\n" + table)
                .isGreaterThanOrEqualTo((long) Math.ceil(0.97 * confident.size()));
        assertThat(outcomes.stream().filter(o -> o.truth() == null && o.confident()).map(Outcome::name))
                .as("families outside the knowledge base named with confidence").isEmpty();
        long right = outcomes.stream().filter(Outcome::right).count();
        assertThat((double) right / outcomes.size()).as("family accuracy\n" + table).isGreaterThanOrEqualTo(0.8);
    }

    private static List<Path> caseDirs() throws IOException {
        try (Stream<Path> dirs = Files.list(ROOT)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("case.json"))).sorted().toList();
        }
    }

    private Outcome evaluate(Path dir) throws IOException {
        JsonNode spec = JSON.readTree(dir.resolve("case.json").toFile());
        Path unit = materialise(dir, spec, Files.createDirectories(tmp.resolve(dir.getFileName().toString())));
        ScanAssessment scan = new AssessmentBuilder(KnowledgeBaseLoader.builtIn())
                .build(VerificationChecks.defaultScanner().scan(List.of(unit)));
        assertThat(scan.models()).as(dir.toString()).hasSize(1);
        Identity id = scan.models().get(0).identity();
        return new Outcome(dir.getFileName().toString(), spec.path("truth").path("family").asText(null), id.family(),
                id.confidence(), id.uncertain(), spec.path("disguise").asText(null));
    }

    /**
     * The case as real files: a GGUF file with the recorded metadata, or the folder as committed; a folder with
     * only a card gets an empty safetensors file beside it, so the card alone speaks for the unit, and an adapter
     * an empty adapter_model.safetensors, so that its configuration alone speaks.
     */
    private static Path materialise(Path dir, JsonNode spec, Path target) throws IOException {
        String unit = spec.path("unit").asText();
        if (spec.path("kind").asText().equals("gguf")) {
            Map<String, Object> metadata = new LinkedHashMap<>();
            spec.path("gguf").fields().forEachRemaining(e -> metadata.put(e.getKey(),
                    e.getValue().isNumber() ? (Object) e.getValue().numberValue() : e.getValue().asText()));
            Path file = target.resolve(unit);
            ModelFileWriter.gguf(file, metadata, Map.of());
            return file;
        }
        Path folder = Files.createDirectories(target.resolve(unit));
        try (Stream<Path> children = Files.list(dir.resolve(unit))) {
            for (Path child : children.toList()) {
                String name = child.getFileName().toString();
                if (name.endsWith(PUBLISHED_HEAD)) {
                    writeTokenizerJson(child, folder.resolve(name.substring(0, name.length() - PUBLISHED_HEAD.length())));
                } else {
                    Files.copy(child, folder.resolve(name));
                }
            }
        }
        if (Files.exists(folder.resolve("adapter_config.json"))) {
            ModelFileWriter.safetensors(folder.resolve("adapter_model.safetensors"), Map.of());
        } else if (!Files.exists(folder.resolve("config.json"))) {
            ModelFileWriter.safetensors(folder.resolve("model.safetensors"), Map.of());
        }
        return folder;
    }

    /**
     * A tokenizer.json from its published head (everything but the vocabulary and merges, as the source quotes it)
     * and the number of vocabulary entries: the entries are written back as placeholders, with their ids.
     */
    private static void writeTokenizerJson(Path spec, Path target) throws IOException {
        JsonNode published = JSON.readTree(spec.toFile());
        com.fasterxml.jackson.databind.node.ObjectNode head = (com.fasterxml.jackson.databind.node.ObjectNode)
                published.path("head").deepCopy();
        com.fasterxml.jackson.databind.node.ObjectNode vocab = ((com.fasterxml.jackson.databind.node.ObjectNode)
                head.path("model")).putObject("vocab");
        int entries = published.path("vocab_entries").asInt();
        for (int id = 0; id < entries; id++) {
            vocab.put("<placeholder_" + id + ">", id);
        }
        ((com.fasterxml.jackson.databind.node.ObjectNode) head.path("model")).putArray("merges");
        JSON.writeValue(target.toFile(), head);
    }

    /** Accuracy and calibration by true family, then every case. */
    private static String table(List<Outcome> outcomes) {
        StringBuilder out = new StringBuilder("| family (truth) | cases | right | confident | confident right |\n"
                + "|---|---|---|---|---|\n");
        Map<String, List<Outcome>> byFamily = new TreeMap<>();
        outcomes.forEach(o -> byFamily.computeIfAbsent(o.truth() == null ? "(outside the knowledge base)" : o.truth(),
                k -> new ArrayList<>()).add(o));
        byFamily.forEach((family, list) -> out.append(row(family, list)));
        out.append(row("**all**", outcomes)).append('\n');
        out.append("| case | disguise | truth | identified | confidence | uncertain |\n|---|---|---|---|---|---|\n");
        for (Outcome o : outcomes) {
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.2f | %s |%n", o.name(),
                    o.disguise() == null ? "" : o.disguise(), o.truth(), o.predicted(), o.confidence(), o.uncertain()));
        }
        return out.toString();
    }

    private static String row(String family, List<Outcome> list) {
        long right = list.stream().filter(Outcome::right).count();
        List<Outcome> confident = list.stream().filter(Outcome::confident).toList();
        long confidentRight = confident.stream().filter(Outcome::right).count();
        return String.format(Locale.ROOT, "| %s | %d | %d | %d | %d |%n", family, list.size(), right, confident.size(),
                confidentRight);
    }
}
