package io.modelgate.scanner.archive;

import io.modelgate.scanner.detect.ModelFormat;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class TarAnalyzerTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes);

    TarAnalyzerTest() {
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    }

    private void file(String name, byte[] data) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(data.length);
        tar.putArchiveEntry(entry);
        tar.write(data);
        tar.closeArchiveEntry();
    }

    private void link(String name, String target, byte type) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name, type);
        entry.setLinkName(target);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
    }

    private byte[] finish() throws IOException {
        tar.close();
        return bytes.toByteArray();
    }

    @Test
    void membersArriveAsExactSlicesEvenAfterLongNameHeaders() throws IOException {
        String longName = "deep/" + "x".repeat(150) + "/evil.pkl";
        file("first.txt", "hello".getBytes(StandardCharsets.UTF_8));
        file(longName, Fixtures.evilPickle());
        file("last.txt", "bye".getBytes(StandardCharsets.UTF_8));

        ArchiveScan scan = ArchiveScan.of("a.tar", finish());

        assertThat(scan.arrival("a.tar!" + longName).orElseThrow().bytes()).isEqualTo(Fixtures.evilPickle());
        assertThat(scan.arrival("a.tar!last.txt").orElseThrow().bytes()).isEqualTo("bye".getBytes(StandardCharsets.UTF_8));
        assertThat(scan.ruleIds()).isEmpty();
    }

    @Test
    void escapingLinksAndNamesAreReported() throws IOException {
        file("../../evil.sh", "x".getBytes(StandardCharsets.UTF_8));
        link("model/creds", "/home/user/.aws/credentials", TarConstants.LF_SYMLINK);
        link("model/up", "../../../etc/passwd", TarConstants.LF_SYMLINK);
        link("model/hard", "../outside", TarConstants.LF_LINK);
        link("model/fine", "weights.bin", TarConstants.LF_SYMLINK);

        ArchiveScan scan = ArchiveScan.of("links.tar", finish());

        assertThat(scan.ruleIds()).contains(ArchiveRules.PATH_TRAVERSAL.id());
        assertThat(scan.collector().findings()).filteredOn(f -> f.rule() == ArchiveRules.LINK_ESCAPE)
                .extracting(f -> f.subject()).containsExactlyInAnyOrder("model/creds", "model/up", "model/hard");
    }

    @Test
    void legacyTorchTarIsClassifiedAndWalked() throws IOException {
        file("sys_info", new byte[] {(byte) 0x80, 2, '}', 'q', 0, '.'});
        file("pickle", Fixtures.evilPickle());
        file("storages", new byte[] {(byte) 0x80, 2, 'K', 0, '.'});
        file("tensors", new byte[] {(byte) 0x80, 2, 'K', 0, '.'});

        ArchiveScan scan = ArchiveScan.of("old.pt", finish());

        assertThat(scan.collector().format()).isEqualTo(ModelFormat.PYTORCH_TAR);
        assertThat(scan.arrival("old.pt!pickle").orElseThrow().format()).isEqualTo(ModelFormat.PICKLE);
    }

    @Test
    void truncatedTarIsIncomplete() throws IOException {
        byte[] data = new byte[4000];
        file("weights.bin", data);
        byte[] whole = finish();

        ArchiveScan scan = ArchiveScan.of("cut.tar", Arrays.copyOf(whole, 1500));

        assertThat(scan.ruleIds()).contains(ArchiveRules.CORRUPT_DATA.id());
        assertThat(scan.incomplete()).isTrue();
    }
}
