package io.modelgate.provenance.kb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelgate.scanner.data.CompactTree;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Build step: turns the knowledge base's YAML source files into the compact trees the jar ships. YAML is what
 * people write and review; the compact tree is what a scan reads, because parsing 80 KB of YAML at start-up cost
 * a short scan about a second of CPU, JSON a twentieth of that, and the compact tree a few milliseconds. Each
 * file is checked as the loader would check a user file (unknown keys, patterns that do not compile), so a
 * broken knowledge base fails the build, not a scan.
 */
public final class KnowledgeBaseCompiler {

    private KnowledgeBaseCompiler() {
    }

    /** Arguments: the folder holding the YAML sources, the folder to write the compiled files to. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: KnowledgeBaseCompiler SOURCE_DIR OUTPUT_DIR");
        }
        compile(Path.of(args[0]), Path.of(args[1]));
    }

    static void compile(Path sourceDir, Path outputDir) throws IOException {
        ObjectMapper yaml = KnowledgeBaseLoader.yamlMapper();
        Files.createDirectories(outputDir);
        for (String name : KnowledgeBaseLoader.BUILT_IN) {
            Path source = sourceDir.resolve(name + ".yaml");
            JsonNode tree = yaml.readTree(source.toFile());
            KnowledgeBaseLoader.validate(yaml.treeToValue(tree, KbDocument.class));
            Path target = outputDir.resolve(name + KnowledgeBaseLoader.COMPILED);
            Path temporary = outputDir.resolve(name + KnowledgeBaseLoader.COMPILED + ".tmp");
            Files.write(temporary, CompactTree.write(compact(tree)));
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The tree in the compact form's value types; numbers keep the text the source gave them. */
    static Object compact(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.fields().forEachRemaining(field -> map.put(field.getKey(), compact(field.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(item -> list.add(compact(item)));
            return list;
        }
        if (node.isNumber()) {
            return new CompactTree.NumberText(node.asText());
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        throw new IllegalArgumentException("no compact form for a " + node.getNodeType() + " value");
    }
}
