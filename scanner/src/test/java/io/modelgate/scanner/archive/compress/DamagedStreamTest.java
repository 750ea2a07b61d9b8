package io.modelgate.scanner.archive.compress;

import io.modelgate.scanner.analysis.FileCollector;
import io.modelgate.scanner.archive.ArchiveRules;
import io.modelgate.scanner.archive.Fixtures;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.e2e.InMemoryScan;
import io.modelgate.scanner.model.Severity;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.LZMAOutputStream;
import org.tukaani.xz.XZOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Damaged and unusual compressed streams are decoded as far as Python's readers decode them: the payload
 * is analysed (a malicious pickle still fails the gate) and the damage makes the file incomplete.
 */
class DamagedStreamTest {

    private static final byte[] EVIL = Fixtures.evilPickle();

    @Test
    void gzipZeroPaddingAfterTheMemberIsAcceptedAsCPythonDoes() throws IOException {
        FileCollector scan = InMemoryScan.scan("model.pkl.gz", concat(gzip(EVIL), new byte[37]));

        assertCritical(scan);
        assertThat(scan.incompleteReasons()).isEmpty();
    }

    @Test
    void gzipConcatenatedMembersAreOnePayload() throws IOException {
        byte[] first = Arrays.copyOf(EVIL, 10);
        byte[] second = Arrays.copyOfRange(EVIL, 10, EVIL.length);

        FileCollector scan = InMemoryScan.scan("model.pkl.gz", concat(gzip(first), gzip(second)));

        assertCritical(scan);
        assertThat(scan.incompleteReasons()).isEmpty();
        assertThat(scan.facts()).containsEntry("compressed.members", 2);
    }

    @Test
    void gzipTrailingJunkKeepsThePayloadAndIsIncomplete() throws IOException {
        FileCollector scan = InMemoryScan.scan("model.pkl.gz", concat(gzip(EVIL), "not gzip".getBytes()));

        assertCritical(scan);
        assertThat(scan.incompleteReasons()).singleElement().asString().contains("are not gzip data");
    }

    @Test
    void gzipWithoutTrailerStillYieldsItsPayload() throws IOException {
        byte[] gz = gzip(EVIL);

        FileCollector scan = InMemoryScan.scan("model.pkl.gz", Arrays.copyOf(gz, gz.length - 8));

        assertCritical(scan);
        assertThat(scan.incompleteReasons()).singleElement().asString().contains("without its 8-byte trailer");
    }

    @Test
    void gzipWithWrongCrcStillYieldsItsPayload() throws IOException {
        byte[] gz = gzip(EVIL);
        gz[gz.length - 8] ^= 1;

        FileCollector scan = InMemoryScan.scan("model.pkl.gz", gz);

        assertCritical(scan);
        assertThat(scan.incompleteReasons()).singleElement().asString().contains("CRC check failed");
    }

    @Test
    void gzipCutInsideTheDeflateDataKeepsWhatWasDecoded() throws IOException {
        byte[] big = concat(EVIL, new byte[200_000]);
        byte[] gz = gzip(big);

        FileCollector scan = InMemoryScan.scan("model.pkl.gz", Arrays.copyOf(gz, gz.length - 20));

        assertCritical(scan);
        assertThat(scan.findings()).anyMatch(f -> f.ruleId().equals(ArchiveRules.CORRUPT_DATA.id()));
    }

    @Test
    void bzip2FollowedByJunkKeepsThePayload() throws IOException {
        FileCollector scan = InMemoryScan.scan("model.pkl.bz2", concat(bzip2(EVIL), "junk".getBytes()));

        assertCritical(scan);
        assertThat(scan.incompleteReasons()).singleElement().asString().contains("are not bzip2 data");
    }

    @Test
    void xzCutInItsIndexStillYieldsItsPayload() throws IOException {
        byte[] xz = xz(EVIL);

        FileCollector scan = InMemoryScan.scan("model.pkl.xz", Arrays.copyOf(xz, xz.length - 12));

        assertCritical(scan);
        assertThat(scan.incompleteReasons()).isNotEmpty();
    }

    @Test
    void xzCutInsideItsOnlyChunkYieldsWhatLiblzmaWouldDecode() throws IOException {
        StringBuilder text = new StringBuilder();
        java.util.Random random = new java.util.Random(11);
        for (int i = 0; i < 400; i++) {
            text.append("layer.").append(i).append(".weight=").append(random.nextInt(1000)).append('\n');
        }
        byte[] xz = xz(concat(EVIL, text.toString().getBytes()));

        FileCollector scan = InMemoryScan.scan("model.pkl.xz", Arrays.copyOf(xz, xz.length / 2));

        assertCritical(scan);
        assertThat(scan.incompleteReasons()).isNotEmpty();
    }

    @ParameterizedTest
    @CsvSource({"3,0,2,65536,payload", "0,2,0,1048576,payload", "4,0,2,12345,payload.lzma", "1,1,4,4096,payload",
            "0,0,0,3,payload.lzma"})
    void lzmaAloneWithAnyValidPropertiesIsRecognisedAndDecoded(int lc, int lp, int pb, int dictSize, String name)
            throws IOException {
        byte[] lzma = lzmaAlone(EVIL, lc, lp, pb, dictSize);

        FileCollector scan = InMemoryScan.scan(name, lzma);

        assertThat(scan.innerFormats()).contains(ModelFormat.PICKLE.id());
        assertCritical(scan);
        assertThat(scan.incompleteReasons()).isEmpty();
    }

    @Test
    void weightsStartingWithZeroBytesAreNotTakenForAnLzmaStream() {
        byte[] weights = new byte[4096];
        weights[7] = 7;

        assertThat(new LzmaAloneDetector().detect(null, weights, "w.bin")).isEmpty();
    }

    @Test
    void lzmaAloneDetectionRejectsTextAndRandomBytes() throws IOException {
        byte[] random = new byte[4096];
        new java.util.Random(7).nextBytes(random);
        random[0] = 0x5e;
        random[13] = 0;

        assertThat(new LzmaAloneDetector().detect(null, random, "x")).isEmpty();
        assertThat(new LzmaAloneDetector().detect(null, "(dp0\nS'a'\np1\n.".repeat(4).getBytes(), "x")).isEmpty();
    }

    private static void assertCritical(FileCollector scan) {
        assertThat(InMemoryScan.atLeast(scan, Severity.CRITICAL)).isNotEmpty();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    static byte[] bzip2(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BZip2CompressorOutputStream bz = new BZip2CompressorOutputStream(out)) {
            bz.write(data);
        }
        return out.toByteArray();
    }

    static byte[] xz(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XZOutputStream xz = new XZOutputStream(out, new LZMA2Options())) {
            xz.write(data);
        }
        return out.toByteArray();
    }

    static byte[] lzmaAlone(byte[] data, int lc, int lp, int pb, int dictSize) throws IOException {
        LZMA2Options options = new LZMA2Options();
        options.setLcLp(lc, lp);
        options.setPb(pb);
        options.setDictSize(Math.max(dictSize, LZMA2Options.DICT_SIZE_MIN));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (LZMAOutputStream lzma = new LZMAOutputStream(out, options, -1)) {
            lzma.write(data);
        }
        byte[] bytes = out.toByteArray();
        for (int i = 0; i < 4; i++) {
            bytes[1 + i] = (byte) (dictSize >>> (8 * i));
        }
        return bytes;
    }
}
