package io.modelgate.scanner.archive;

import io.modelgate.scanner.Limits;
import io.modelgate.scanner.analysis.CoreRules;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class ZipAnalyzerTest {

    @Test
    void pickleNestedInATarGzInAZipReachesThePickleAnalyser() throws IOException {
        ArchiveScan scan = ArchiveScan.ofFile(Fixtures.path("nested.zip"));

        assertThat(scan.arrivedPaths(ModelFormat.PICKLE))
                .containsExactly("nested.zip!inner.tar.gz!inner.tar!evil.pkl");
        assertThat(scan.arrival("nested.zip!inner.tar.gz!inner.tar!evil.pkl").orElseThrow().bytes())
                .isEqualTo(Fixtures.evilPickle());
        assertThat(scan.arrivedPaths(ModelFormat.UNKNOWN))
                .contains("nested.zip!readme.txt", "nested.zip!inner.tar.gz!inner.tar!notes.txt");
        assertThat(scan.ruleIds()).isEmpty();
    }

    @Test
    void storedMembersArriveWithTheirExactBytes() throws IOException {
        ArchiveScan scan = ArchiveScan.ofFile(Fixtures.path("stored.zip"));

        assertThat(scan.arrivedPaths(ModelFormat.PICKLE))
                .containsExactlyInAnyOrder("stored.zip!dir/evil.pkl", "stored.zip!dir/benign.pkl");
        assertThat(scan.arrival("stored.zip!dir/evil.pkl").orElseThrow().bytes()).isEqualTo(Fixtures.evilPickle());
        assertThat(scan.ruleIds()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../etc/cron.d/evil", "a/../../evil.pkl", "..\\..\\windows\\evil.dll",
            "safe\\..\\..\\evil"})
    void traversalNamesAreReported(String name) throws IOException {
        ZipBuilder zip = new ZipBuilder();
        zip.add(name, "x");

        ArchiveScan scan = ArchiveScan.of("slip.zip", zip.build());

        assertThat(scan.ruleIds()).contains(ArchiveRules.PATH_TRAVERSAL.id());
        assertThat(scan.arrivals()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc/passwd", "C:/Windows/evil.dll", "c:evil", "\\\\server\\share\\evil", "a\0.pkl"})
    void absoluteNamesAreReported(String name) throws IOException {
        ZipBuilder zip = new ZipBuilder();
        zip.add(name, "x");

        ArchiveScan scan = ArchiveScan.of("abs.zip", zip.build());

        assertThat(scan.ruleIds()).contains(ArchiveRules.ABSOLUTE_PATH.id());
    }

    @Test
    void innocentDotsAreNotTraversal() throws IOException {
        ZipBuilder zip = new ZipBuilder();
        zip.add("a/../b.txt", "x");
        zip.add("..hidden/file..txt", "y");
        zip.add("./c.txt", "z");

        ArchiveScan scan = ArchiveScan.of("dots.zip", zip.build());

        assertThat(scan.ruleIds()).isEmpty();
    }

    @Test
    void symlinkEntryPointingOutsideIsReportedAndNotAnalysed() throws IOException {
        ZipBuilder zip = new ZipBuilder();
        zip.add("model/link", "../../../home/user/.ssh/id_rsa").unixMode(0120777);
        zip.add("model/inside", "other").unixMode(0120777);
        zip.add("model/ok.txt", "fine").unixMode(0100644);

        ArchiveScan scan = ArchiveScan.of("links.zip", zip.build());

        assertThat(scan.collector().findings()).filteredOn(f -> f.rule() == ArchiveRules.LINK_ESCAPE)
                .extracting(f -> f.subject()).containsExactly("model/link");
        assertThat(scan.arrivals()).extracting(ArchiveScan.Arrival::path).containsExactly("links.zip!model/ok.txt");
    }

    @Test
    void duplicateNamesAreReportedAndBothCopiesAnalysed() throws IOException {
        ZipBuilder zip = new ZipBuilder();
        zip.add("model.pkl", "harmless");
        zip.add("model.pkl", Fixtures.evilPickle(), ZipBuilder.STORED);

        ArchiveScan scan = ArchiveScan.of("dup.zip", zip.build());

        assertThat(scan.ruleIds()).contains(ArchiveRules.DUPLICATE_ENTRY.id());
        assertThat(scan.arrivedPaths(ModelFormat.PICKLE)).containsExactly("dup.zip!model.pkl");
        assertThat(scan.arrivedPaths(ModelFormat.UNKNOWN)).containsExactly("dup.zip!model.pkl");
    }

    @Test
    void ratioBombEntryIsStoppedAndTheArchiveIncomplete() throws IOException {
        ArchiveScan scan = ArchiveScan.of("bomb.zip", deflatedZerosZip(200L << 20));

        assertThat(scan.ruleIds()).contains(ArchiveRules.COMPRESSION_RATIO.id(), CoreRules.LIMIT_REACHED.id());
        assertThat(scan.incomplete()).isTrue();
        assertThat(scan.arrivals()).isEmpty();
    }

    @Test
    void oneBombStopsExpansionInEveryNestedArchiveOfTheFile() throws IOException {
        byte[] bomb = deflatedZerosZip(8L << 20);
        ZipBuilder middle = new ZipBuilder();
        for (int i = 0; i < 4; i++) {
            middle.add("bomb" + i + ".zip", bomb, ZipBuilder.DEFLATED);
        }
        byte[] middleZip = middle.build();
        ZipBuilder outer = new ZipBuilder();
        for (int i = 0; i < 4; i++) {
            outer.add("layer" + i + ".zip", middleZip, ZipBuilder.DEFLATED);
        }

        ArchiveScan scan = ArchiveScan.of("fanout.zip", outer.build());

        assertThat(scan.ruleIds()).filteredOn(ArchiveRules.COMPRESSION_RATIO.id()::equals).hasSize(1);
        assertThat(scan.incomplete()).isTrue();
    }

    private static byte[] deflatedZerosZip(long count) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("zeros.bin"));
            byte[] zeros = new byte[1 << 16];
            for (long done = 0; done < count; done += zeros.length) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    @Test
    void totalExpansionAboveTheLimitStopsExpansion() throws IOException {
        ZipBuilder zip = new ZipBuilder();
        byte[] random = new byte[600 * 1024];
        new java.util.Random(1).nextBytes(random);
        for (int i = 0; i < 4; i++) {
            zip.add("part" + i, random, ZipBuilder.DEFLATED);
        }
        Limits limits = new Limits(1L << 30, 8, 1000, 1L << 20, 200, 1000, 1000, 1 << 20, 1 << 20,
                Duration.ofSeconds(30));

        ArchiveScan scan = ArchiveScan.of("big.zip", zip.build(), limits);

        assertThat(scan.ruleIds()).contains(ArchiveRules.EXPANDED_SIZE.id());
        assertThat(scan.incomplete()).isTrue();
        assertThat(scan.arrivals()).hasSize(1);
    }

    @Test
    void tooManyEntriesStopsAtTheLimit() throws IOException {
        ZipBuilder zip = new ZipBuilder();
        for (int i = 0; i < 30; i++) {
            zip.add("f" + i + ".txt", "x");
        }
        Limits limits = new Limits(1L << 30, 8, 10, 1L << 20, 200, 1000, 1000, 1 << 20, 1 << 20,
                Duration.ofSeconds(30));

        ArchiveScan scan = ArchiveScan.of("many.zip", zip.build(), limits);

        assertThat(scan.ruleIds()).contains(ArchiveRules.TOO_MANY_ENTRIES.id(), CoreRules.LIMIT_REACHED.id());
        assertThat(scan.arrivals()).hasSize(10);
        assertThat(scan.incomplete()).isTrue();
    }

    @Test
    void deepNestingTerminatesAtTheDepthLimit() throws IOException {
        byte[] current = Fixtures.evilPickle();
        for (int level = 0; level < 20; level++) {
            ZipBuilder zip = new ZipBuilder();
            zip.add("level" + level + (level == 0 ? ".pkl" : ".zip"), current, ZipBuilder.STORED);
            current = zip.build();
        }

        ArchiveScan scan = ArchiveScan.of("deep.zip", current);

        assertThat(scan.ruleIds()).contains(CoreRules.LIMIT_REACHED.id());
        assertThat(scan.incomplete()).isTrue();
        assertThat(scan.arrivedPaths(ModelFormat.PICKLE)).isEmpty();
    }

    @Test
    void encryptedEntryIsReportedAndIncomplete() throws IOException {
        ZipBuilder zip = new ZipBuilder();
        zip.add("secret.pkl", Fixtures.evilPickle(), ZipBuilder.STORED).flags(1);

        ArchiveScan scan = ArchiveScan.of("enc.zip", zip.build());

        assertThat(scan.ruleIds()).contains(ArchiveRules.ENCRYPTED_ENTRY.id());
        assertThat(scan.incomplete()).isTrue();
        assertThat(scan.arrivals()).isEmpty();
    }

    @Test
    void unsupportedMethodIsReportedAndIncomplete() throws IOException {
        ZipBuilder zip = new ZipBuilder();
        zip.add("x.bin", new byte[] {1, 2, 3}, 6);

        ArchiveScan scan = ArchiveScan.of("implode.zip", zip.build());

        assertThat(scan.ruleIds()).contains(ArchiveRules.UNSUPPORTED_METHOD.id());
        assertThat(scan.incomplete()).isTrue();
    }

    @Test
    void realNpzHasNoFindings() throws IOException {
        ArchiveScan scan = ArchiveScan.ofFile(Fixtures.path("real.npz"));

        assertThat(scan.collector().format()).isEqualTo(ModelFormat.NPZ);
        assertThat(scan.arrivedPaths(ModelFormat.NUMPY)).containsExactlyInAnyOrder("real.npz!a.npy", "real.npz!b.npy");
        assertThat(scan.findingsAbove(Severity.INFO)).isEmpty();
    }
}
