package io.modelgate.scanner.archive;

import com.github.luben.zstd.Zstd;
import io.modelgate.scanner.analysis.CoreRules;
import io.modelgate.scanner.detect.ModelFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class CompressedStreamAnalyzerTest {

    @ParameterizedTest
    @ValueSource(strings = {"model.pkl.gz", "model.pkl.bz2", "model.pkl.xz", "model.pkl.lzma", "model.pkl.zlib"})
    void decompressedPickleReachesThePickleAnalyserUnderItsStrippedName(String fixture) throws IOException {
        ArchiveScan scan = ArchiveScan.of(fixture, Fixtures.bytes(fixture));

        assertThat(scan.arrivedPaths(ModelFormat.PICKLE)).containsExactly(fixture + "!model.pkl");
        assertThat(scan.arrival(fixture + "!model.pkl").orElseThrow().bytes()).isEqualTo(Fixtures.evilPickle());
        assertThat(scan.ruleIds()).isEmpty();
        assertThat(scan.incomplete()).isFalse();
    }

    @Test
    void zstdPayloadIsExpanded() throws IOException {
        byte[] zst = Zstd.compress(Fixtures.evilPickle());

        ArchiveScan scan = ArchiveScan.of("model.pkl.zst", zst);

        assertThat(scan.arrivedPaths(ModelFormat.PICKLE)).containsExactly("model.pkl.zst!model.pkl");
    }

    @Test
    void payloadWithoutKnownExtensionIsNamedPayload() throws IOException {
        ArchiveScan scan = ArchiveScan.of("blob", Fixtures.bytes("model.pkl.gz"));

        assertThat(scan.arrivedPaths(ModelFormat.PICKLE)).containsExactly("blob!blob.payload");
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.tar.bz2", "evil.tar.xz"})
    void compressedTarIsDetectedAsTarAndWalked(String fixture) throws IOException {
        ArchiveScan scan = ArchiveScan.of(fixture, Fixtures.bytes(fixture));

        assertThat(scan.arrivedPaths(ModelFormat.PICKLE)).containsExactly(fixture + "!evil.tar!model/evil.pkl");
        assertThat(scan.collector().innerFormats()).contains("tar", "pickle");
    }

    @Test
    void truncatedStreamStillAnalysesWhatItHoldsAndIsIncomplete() throws IOException {
        byte[] gz = gzip(Fixtures.evilPickle());
        byte[] cut = Arrays.copyOf(gz, gz.length - 10);

        ArchiveScan scan = ArchiveScan.of("model.pkl.gz", cut);

        assertThat(scan.ruleIds()).contains(ArchiveRules.CORRUPT_DATA.id());
        assertThat(scan.incomplete()).isTrue();
    }

    @Test
    void ratioBombIsStoppedAsALimit() throws IOException {
        byte[] bomb = gzippedZeros(200L << 20);

        ArchiveScan scan = ArchiveScan.of("bomb.gz", bomb);

        assertThat(scan.ruleIds()).contains(ArchiveRules.COMPRESSION_RATIO.id(), CoreRules.LIMIT_REACHED.id());
        assertThat(scan.incomplete()).isTrue();
        assertThat(scan.arrivals()).isEmpty();
    }

    @Test
    void garbageAfterMagicIsCorruptNotACrash() throws IOException {
        byte[] bad = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6, 7, 8, 9};

        ArchiveScan scan = ArchiveScan.of("bad.gz", bad);

        assertThat(scan.incomplete()).isTrue();
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    /** Streams zeros through the compressor: the expanded payload is never held in memory. */
    static byte[] gzippedZeros(long count) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] zeros = new byte[1 << 16];
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16)) {
            for (long done = 0; done < count; done += zeros.length) {
                gz.write(zeros);
            }
        }
        return out.toByteArray();
    }
}
