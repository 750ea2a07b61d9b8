package io.modelgate.provenance.kb;

import io.modelgate.scanner.data.CompactTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KnowledgeBaseCompilerTest {

    private static final Path SOURCES = Path.of("src/main/resources/io/modelgate/provenance/kb");

    @Test
    void theShippedTreesHoldWhatTheYamlSourcesSay() throws IOException {
        for (String name : KnowledgeBaseLoader.BUILT_IN) {
            Object fromYaml = KnowledgeBaseCompiler.compact(
                    KnowledgeBaseLoader.yamlMapper().readTree(SOURCES.resolve(name + ".yaml").toFile()));
            Object shipped;
            try (InputStream in = KnowledgeBaseCompiler.class.getResourceAsStream(name + KnowledgeBaseLoader.COMPILED)) {
                shipped = CompactTree.read(in.readAllBytes());
            }
            assertEquals(fromYaml, shipped, name + KnowledgeBaseLoader.COMPILED + " is stale: rebuild");
        }
    }

    @Test
    void aSourceWithAnUnknownKeyOrABadPatternFailsTheBuild(@TempDir Path dir) throws IOException {
        Path sources = Files.createDirectories(dir.resolve("src"));
        Files.writeString(sources.resolve("licenses.yaml"), "licenses: []\n");
        Files.writeString(sources.resolve("families.yaml"), "families:\n  - id: x\n    colour: red\n");
        assertThrows(IOException.class, () -> KnowledgeBaseCompiler.compile(sources, dir.resolve("out")));

        Files.writeString(sources.resolve("families.yaml"),
                "families:\n  - id: x\n    publisher: X\n    country: US\n    namePatterns: ['(unclosed']\n");
        assertThrows(RuntimeException.class, () -> KnowledgeBaseCompiler.compile(sources, dir.resolve("out")));
        assertTrue(Files.notExists(dir.resolve("out/families" + KnowledgeBaseLoader.COMPILED)));
    }
}
