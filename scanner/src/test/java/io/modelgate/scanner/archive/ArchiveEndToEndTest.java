package io.modelgate.scanner.archive;

import io.modelgate.scanner.Scanner;
import io.modelgate.scanner.model.FileResult;
import io.modelgate.scanner.model.Finding;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The archive analysers as wired in the real registry. */
class ArchiveEndToEndTest {

    private final Scanner scanner = Scanner.withDefaults();

    @Test
    void nestedContainersAreWalkedToThePickle() {
        FileResult result = scanner.scanFile(Fixtures.path("nested.zip"));

        assertThat(result.innerFormats()).contains("gzip", "tar", "pickle");
        assertThat(archiveFindings(result)).isEmpty();
    }

    @Test
    void realCheckpointsRaiseNoArchiveFinding() {
        for (String name : new String[] {"real-torch.pt", "real-torchscript.pt", "real.npz", "torch-like.zip"}) {
            FileResult result = scanner.scanFile(Fixtures.path(name));
            assertThat(archiveFindings(result)).as(name).isEmpty();
            assertThat(result.incompleteReasons()).as(name).isEmpty();
        }
    }

    private static java.util.List<Finding> archiveFindings(FileResult result) {
        return result.findings().stream().filter(f -> f.ruleId().startsWith("MG-ARC-")).toList();
    }
}
