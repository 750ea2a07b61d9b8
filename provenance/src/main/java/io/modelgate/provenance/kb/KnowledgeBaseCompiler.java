package io.modelgate.provenance.kb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Build step: turns the knowledge base's YAML source files into the JSON the jar ships. YAML is what people
 * write and review; JSON is what a scan reads, because parsing 80 KB of YAML at start-up cost a short scan
 * about a second of CPU and JSON a twentieth of that. Each file is checked as the loader would check a user
 * file (unknown keys, patterns that do not compile), so a broken knowledge base fails the build, not a scan.
 */
public final class KnowledgeBaseCompiler {

    private KnowledgeBaseCompiler() {
    }

    /** Arguments: the folder holding the YAML sources, the folder to write the JSON files to. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: KnowledgeBaseCompiler SOURCE_DIR OUTPUT_DIR");
        }
        compile(Path.of(args[0]), Path.of(args[1]));
    }

    static void compile(Path sourceDir, Path outputDir) throws IOException {
        ObjectMapper yaml = KnowledgeBaseLoader.yamlMapper();
        ObjectMapper json = JsonMapper.builder().build();
        Files.createDirectories(outputDir);
        for (String name : KnowledgeBaseLoader.BUILT_IN) {
            Path source = sourceDir.resolve(name + ".yaml");
            JsonNode tree = yaml.readTree(source.toFile());
            KnowledgeBaseLoader.validate(yaml.treeToValue(tree, KbDocument.class));
            Path target = outputDir.resolve(name + ".json");
            Path temporary = outputDir.resolve(name + ".json.tmp");
            json.writeValue(temporary.toFile(), tree);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
