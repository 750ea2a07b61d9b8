package io.modelgate.scanner.archive;

import io.modelgate.scanner.analysis.CoreRules;
import io.modelgate.scanner.detect.ModelFormat;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZOutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SevenZipAnalyzerTest {

    @TempDir
    Path dir;

    @Test
    void membersAreDecodedAndAnalysed() throws IOException {
        Path file = dir.resolve("model.7z");
        try (SevenZOutputFile out = new SevenZOutputFile(file.toFile())) {
            add(out, "readme.txt", "hello".getBytes());
            add(out, "weights/evil.pkl", Fixtures.evilPickle());
        }

        ArchiveScan scan = ArchiveScan.ofFile(file);

        assertThat(scan.collector().format()).isEqualTo(ModelFormat.SEVEN_Z);
        assertThat(scan.arrival("model.7z!weights/evil.pkl").orElseThrow().bytes()).isEqualTo(Fixtures.evilPickle());
        assertThat(scan.arrivedPaths(ModelFormat.UNKNOWN)).containsExactly("model.7z!readme.txt");
        assertThat(scan.ruleIds()).isEmpty();
    }

    @Test
    void bombAndTraversalAreReported() throws IOException {
        Path file = dir.resolve("bomb.7z");
        try (SevenZOutputFile out = new SevenZOutputFile(file.toFile())) {
            SevenZArchiveEntry entry = new SevenZArchiveEntry();
            entry.setName("../zeros.bin");
            out.putArchiveEntry(entry);
            byte[] zeros = new byte[1 << 16];
            for (int i = 0; i < 320; i++) {
                out.write(zeros);
            }
            out.closeArchiveEntry();
        }

        ArchiveScan scan = ArchiveScan.ofFile(file);

        assertThat(scan.ruleIds()).contains(ArchiveRules.PATH_TRAVERSAL.id(), ArchiveRules.COMPRESSION_RATIO.id(),
                CoreRules.LIMIT_REACHED.id());
        assertThat(scan.incomplete()).isTrue();
    }

    private static void add(SevenZOutputFile out, String name, byte[] data) throws IOException {
        SevenZArchiveEntry entry = new SevenZArchiveEntry();
        entry.setName(name);
        entry.setSize(data.length);
        out.putArchiveEntry(entry);
        out.write(data);
        out.closeArchiveEntry();
    }
}
