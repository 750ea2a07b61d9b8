package io.modelgate.scanner.archive;

import io.modelgate.scanner.detect.ModelFormat;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Non-recursive zip bombs: entries sharing one compressed kernel are reported, never expanded. */
class ZipBombTest {

    /** Digits compress about 2:1, far below the ratio limit, so only the overlap gives the bomb away. */
    private static byte[] kernel(int bytes) {
        Random random = new Random(3);
        StringBuilder text = new StringBuilder(bytes);
        while (text.length() < bytes) {
            text.append((char) ('0' + random.nextInt(10)));
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void overlappingCompressedEntriesAreNotExpanded() throws IOException {
        ZipBuilder zip = new ZipBuilder();
        ZipBuilder.Entry kernel = zip.add("kernel.txt", kernel(2 << 20), ZipBuilder.DEFLATED);
        for (int i = 0; i < 40; i++) {
            zip.alias("copy" + i + ".txt", kernel);
        }
        zip.add("model.pkl", Fixtures.evilPickle(), ZipBuilder.STORED);

        ArchiveScan scan = ArchiveScan.of("bomb.zip", zip.build());

        assertThat(scan.ruleIds()).contains(ArchiveRules.OVERLAPPING_ENTRIES.id());
        assertThat(scan.collector().expandedBytes()).isZero();
        assertThat(scan.incomplete()).isTrue();
        assertThat(scan.collector().incompleteReasons())
                .anyMatch(r -> r.contains("entries overlap") && r.contains("41 compressed entries were not expanded"));
        // stored data costs no expansion: it is still analysed
        assertThat(scan.arrivedPaths(ModelFormat.PICKLE)).containsExactly("bomb.zip!model.pkl");
    }

    @Test
    void separateEntriesOfTheSameContentAreExpanded() throws IOException {
        byte[] content = kernel(64 * 1024);
        ZipBuilder zip = new ZipBuilder();
        zip.add("a.txt", content, ZipBuilder.DEFLATED);
        zip.add("b.txt", content, ZipBuilder.DEFLATED);

        ArchiveScan scan = ArchiveScan.of("twins.zip", zip.build());

        assertThat(scan.ruleIds()).doesNotContain(ArchiveRules.OVERLAPPING_ENTRIES.id());
        assertThat(scan.collector().expandedBytes()).isEqualTo(2L * content.length);
        assertThat(scan.incomplete()).isFalse();
    }
}
