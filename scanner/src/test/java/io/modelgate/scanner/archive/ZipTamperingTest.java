package io.modelgate.scanner.archive;

import io.modelgate.scanner.detect.ModelFormat;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Zips edited so that readers disagree: no member may escape analysis. */
class ZipTamperingTest {

    @Test
    void wrongCrcIsReportedButTheMemberIsStillAnalysed() throws IOException {
        ZipBuilder zip = new ZipBuilder();
        zip.add("model.pkl", Fixtures.evilPickle(), ZipBuilder.STORED).cdCrc(0x12345678L);
        zip.add("deflated.pkl", Fixtures.evilPickle(), ZipBuilder.DEFLATED).cdCrc(0x12345678L);

        ArchiveScan scan = ArchiveScan.of("crc.zip", zip.build());

        assertThat(scan.ruleIds()).contains(ArchiveRules.CRC_MISMATCH.id());
        assertThat(scan.arrivedPaths(ModelFormat.PICKLE)).containsExactly("crc.zip!model.pkl", "crc.zip!deflated.pkl");
    }

    @Test
    void oddFlagBitsDoNotHideMembers() throws IOException {
        ZipBuilder zip = new ZipBuilder();
        zip.add("model.pkl", Fixtures.evilPickle(), ZipBuilder.DEFLATED).flags(0b0110_0000_0110);

        ArchiveScan scan = ArchiveScan.of("flags.zip", zip.build());

        assertThat(scan.arrivedPaths(ModelFormat.PICKLE)).containsExactly("flags.zip!model.pkl");
    }

    @Test
    void dataDescriptorsAreReadWithoutFindings() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("a.pkl"));
            zip.write(Fixtures.evilPickle());
            zip.putNextEntry(new ZipEntry("b.txt"));
            zip.write("text".getBytes(StandardCharsets.UTF_8));
        }

        ArchiveScan scan = ArchiveScan.of("dd.zip", out.toByteArray());

        assertThat(scan.arrivedPaths(ModelFormat.PICKLE)).containsExactly("dd.zip!a.pkl");
        assertThat(scan.arrivedPaths(ModelFormat.UNKNOWN)).containsExactly("dd.zip!b.txt");
        assertThat(scan.ruleIds()).isEmpty();
    }

    @Test
    void renamedCentralDirectoryEntryIsReportedAndAnalysedUnderBothNames() throws IOException {
        ZipBuilder zip = new ZipBuilder();
        zip.add("archive/data.pkl", "benign");
        zip.add("archive/evil.pkl", Fixtures.evilPickle(), ZipBuilder.STORED).cdName("archive/data/1");
        zip.add("archive/version", "3\n");

        ArchiveScan scan = ArchiveScan.of("renamed.pt", zip.build());

        assertThat(scan.ruleIds()).contains(ArchiveRules.HEADER_MISMATCH.id());
        // the loader's name marks it as tensor data, the local header's as a pickle: analysed as a pickle
        assertThat(scan.arrivedPaths(ModelFormat.PICKLE)).contains("renamed.pt!archive/data/1");
    }

    @Test
    void methodMismatchAnalysesBothViews() throws IOException {
        ZipBuilder zip = new ZipBuilder();
        zip.add("model.pkl", Fixtures.evilPickle(), ZipBuilder.DEFLATED).cdMethod(ZipBuilder.STORED);

        ArchiveScan scan = ArchiveScan.of("method.zip", zip.build());

        assertThat(scan.ruleIds()).contains(ArchiveRules.HEADER_MISMATCH.id());
        assertThat(scan.arrivedPaths(ModelFormat.PICKLE)).containsExactly("method.zip!model.pkl#local-header");
        assertThat(scan.arrivedPaths(ModelFormat.UNKNOWN)).containsExactly("method.zip!model.pkl");
    }

    @Test
    void localHeaderMissingFromTheCentralDirectoryIsFoundAndReported() throws IOException {
        ZipBuilder zip = new ZipBuilder();
        zip.add("readme.txt", "hello");
        zip.add("hidden.pkl", Fixtures.evilPickle(), ZipBuilder.DEFLATED).unlisted();
        zip.add("other.txt", "world");

        ArchiveScan scan = ArchiveScan.of("hidden.zip", zip.build());

        assertThat(scan.ruleIds()).contains(ArchiveRules.HIDDEN_ENTRY.id());
        assertThat(scan.arrivedPaths(ModelFormat.PICKLE)).containsExactly("hidden.zip!hidden.pkl");
    }

    @Test
    void entryHiddenInPrependedDataIsFound() throws IOException {
        ZipBuilder hidden = new ZipBuilder();
        hidden.add("payload.pkl", Fixtures.evilPickle(), ZipBuilder.STORED);
        byte[] hiddenZip = hidden.build();
        ZipBuilder zip = new ZipBuilder().prefix(Arrays.copyOf(hiddenZip, hiddenZip.length - 22 - 46 - 11));
        zip.add("readme.txt", "hello");

        ArchiveScan scan = ArchiveScan.of("prepended.zip", zip.build());

        assertThat(scan.ruleIds()).contains(ArchiveRules.HIDDEN_ENTRY.id());
        assertThat(scan.arrivedPaths(ModelFormat.PICKLE)).containsExactly("prepended.zip!payload.pkl");
        assertThat(scan.arrivedPaths(ModelFormat.UNKNOWN)).containsExactly("prepended.zip!readme.txt");
    }

    @Test
    void zipBehindAnotherFormatIsFoundByItsEndRecordAndItsPrefixAnalysed() throws IOException {
        byte[] stub = "MZ this is a self-extracting stub".getBytes(StandardCharsets.US_ASCII);
        ZipBuilder zip = new ZipBuilder().prefix(stub);
        zip.add("model.pkl", Fixtures.evilPickle(), ZipBuilder.DEFLATED);

        ArchiveScan scan = ArchiveScan.of("sfx.bin", zip.build());

        assertThat(scan.collector().format()).isEqualTo(ModelFormat.ZIP);
        assertThat(scan.ruleIds()).contains(ArchiveRules.PREPENDED_DATA.id());
        assertThat(scan.arrivedPaths(ModelFormat.PICKLE)).containsExactly("sfx.bin!model.pkl");
        assertThat(scan.arrival("sfx.bin!(data before the zip)").orElseThrow().bytes()).isEqualTo(stub);
    }

    @Test
    void sizeShrunkInTheDirectoryStillExposesTheStreamingView() throws IOException {
        byte[] evil = Fixtures.evilPickle();
        ZipBuilder zip = new ZipBuilder();
        zip.add("model.pkl", evil, ZipBuilder.STORED).cdCompressedSize(4);

        ArchiveScan scan = ArchiveScan.of("shrunk.zip", zip.build());

        assertThat(scan.ruleIds()).contains(ArchiveRules.HEADER_MISMATCH.id());
        assertThat(scan.arrival("shrunk.zip!model.pkl#local-header").orElseThrow().bytes()).isEqualTo(evil);
    }

    @Test
    void missingCentralDirectoryIsRecoveredFromLocalHeaders() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("a.pkl"));
            zip.write(Fixtures.evilPickle());
            zip.putNextEntry(new ZipEntry("b.txt"));
            zip.write("text".getBytes(StandardCharsets.UTF_8));
        }
        byte[] whole = out.toByteArray();
        byte[] noDirectory = Arrays.copyOf(whole, indexOf(whole, new byte[] {'P', 'K', 1, 2}));

        ArchiveScan scan = ArchiveScan.of("nocd.zip", noDirectory);

        assertThat(scan.ruleIds()).contains(ArchiveRules.NO_CENTRAL_DIRECTORY.id());
        assertThat(scan.arrivedPaths(ModelFormat.PICKLE)).containsExactly("nocd.zip!a.pkl");
        assertThat(scan.arrivedPaths(ModelFormat.UNKNOWN)).containsExactly("nocd.zip!b.txt");
        assertThat(scan.incomplete()).isFalse();
    }

    @Test
    void truncatedArchiveIsIncompleteButWhatRemainsIsAnalysed() throws IOException {
        byte[] big = new byte[5000];
        new java.util.Random(7).nextBytes(big);
        ZipBuilder zip = new ZipBuilder();
        zip.add("model.pkl", Fixtures.evilPickle(), ZipBuilder.STORED);
        zip.add("weights.bin", big, ZipBuilder.STORED);
        byte[] whole = zip.build();
        byte[] cut = Arrays.copyOf(whole, 200 + Fixtures.evilPickle().length);

        ArchiveScan scan = ArchiveScan.of("cut.zip", cut);

        assertThat(scan.arrivedPaths(ModelFormat.PICKLE)).containsExactly("cut.zip!model.pkl");
        assertThat(scan.ruleIds()).contains(ArchiveRules.NO_CENTRAL_DIRECTORY.id(), ArchiveRules.CORRUPT_DATA.id());
        assertThat(scan.incomplete()).isTrue();
    }

    @Test
    void overlappingEntriesAreReported() throws IOException {
        ZipBuilder inner = new ZipBuilder();
        inner.add("a.txt", "aaaa");
        byte[] base = inner.build();
        // a second directory record pointing at the same local header
        int cd = indexOf(base, new byte[] {'P', 'K', 1, 2});
        int eocd = indexOf(base, new byte[] {'P', 'K', 5, 6});
        byte[] record = Arrays.copyOfRange(base, cd, eocd);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(Arrays.copyOf(base, eocd));
        out.writeBytes(record);
        byte[] end = Arrays.copyOfRange(base, eocd, base.length);
        end[8] = 2;
        end[10] = 2;
        end[12] = (byte) (record.length * 2);
        out.writeBytes(end);

        ArchiveScan scan = ArchiveScan.of("overlap.zip", out.toByteArray());

        assertThat(scan.ruleIds()).contains(ArchiveRules.OVERLAPPING_ENTRIES.id(), ArchiveRules.DUPLICATE_ENTRY.id());
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("not found");
    }
}
