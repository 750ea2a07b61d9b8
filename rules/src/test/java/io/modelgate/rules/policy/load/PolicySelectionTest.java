package io.modelgate.rules.policy.load;

import io.modelgate.provenance.kb.KnowledgeBaseLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolicySelectionTest {

    private static final PolicyLoader LOADER = new PolicyLoader(KnowledgeBaseLoader.builtIn());

    @Test
    void neitherOptionMeansTheDefaultProfileWithItsText() throws PolicySelection.UsageError {
        PolicySelection selected = PolicySelection.select(null, null, LOADER);
        assertEquals(Profiles.DEFAULT, selected.name());
        assertEquals(Profiles.text(Profiles.DEFAULT), selected.text());
        assertNull(selected.baseDir());
    }

    @Test
    void aFileIsReadOnceAndItsFolderAnchorsItsPaths(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("team.yaml"), "version: 1\ngate:\n  failOn: medium\n");
        PolicySelection selected = PolicySelection.select(file, null, LOADER);
        assertEquals("team.yaml", selected.name());
        assertEquals(Files.readString(file), selected.text());
        assertEquals(dir.toAbsolutePath(), selected.baseDir());
    }

    @Test
    void wrongChoicesAreUsageErrorsThatSayWhatToFix(@TempDir Path dir) throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "version: 1\ngate:\n  failOn: sometimes\n");
        assertTrue(message(bad, "strict").contains("not both"));
        assertTrue(message(null, "lenient").contains("unknown profile 'lenient' (profiles: default"));
        assertTrue(message(dir.resolve("missing.yaml"), null).startsWith("no such policy file: "));
        String invalid = message(bad, null);
        assertTrue(invalid.startsWith("invalid policy file " + bad + ":\n  "), invalid);
        assertTrue(invalid.contains(":3:"), invalid);
    }

    private static String message(Path file, String profile) {
        return assertThrows(PolicySelection.UsageError.class, () -> PolicySelection.select(file, profile, LOADER))
                .getMessage();
    }
}
