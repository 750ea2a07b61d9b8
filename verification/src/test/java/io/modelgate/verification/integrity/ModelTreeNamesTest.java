package io.modelgate.verification.integrity;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Names are recorded exactly or not at all: a name that cannot be decoded is an error, never garbled. */
class ModelTreeNamesTest {

    @TempDir
    Path tmp;

    @Test
    void nonAsciiNamesAreListedAsTheyAre() throws IOException {
        Assumptions.assumeTrue("UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding")),
                "the test JVM runs without a UTF-8 locale");
        Files.writeString(tmp.resolve("café.bin"), "a");
        Files.writeString(tmp.resolve("naïve-😀.bin"), "b");
        assertThat(ModelTree.list(tmp, IgnoredPaths.of(List.of()), 10)).extracting(TreeEntry::name)
                .containsExactlyInAnyOrder("café.bin", "naïve-😀.bin");
    }

    @Test
    void aNameThatIsNotUtf8IsRefusedRatherThanGarbled() throws Exception {
        Process touch;
        try {
            touch = new ProcessBuilder("bash", "-c", "touch \"$1\"/$'bad\\xff.bin' \"$1\"/$'bad\\xfe.bin'", "_",
                    tmp.toString()).start();
        } catch (IOException e) {
            Assumptions.abort("bash is not available");
            return;
        }
        Assumptions.assumeTrue(touch.waitFor() == 0, "cannot create the file");
        assertThatThrownBy(() -> ModelTree.list(tmp, IgnoredPaths.of(List.of()), 10))
                .isInstanceOf(IOException.class).hasMessageContaining("cannot record the name");
    }
}
