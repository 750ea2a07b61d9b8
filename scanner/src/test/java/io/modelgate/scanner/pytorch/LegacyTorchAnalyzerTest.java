package io.modelgate.scanner.pytorch;

import io.modelgate.scanner.analysis.CoreRules;
import io.modelgate.scanner.analysis.FileCollector;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.e2e.InMemoryScan;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.Severity;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The legacy torch.save stream, starting from a real file and breaking it the ways attackers do. */
class LegacyTorchAnalyzerTest {

    private static final Path LEGACY = Path.of("..", "fixtures", "torch", "legacy_state_dict.pt");
    /** The real file: a state dict of two layers, four storages. */
    private static final int STORAGES = 4;
    private static final byte[] RUNS_ECHO = "\u0080\u0002cposix\nsystem\nX\u0004\u0000\u0000\u0000echo\u0085R."
            .getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void realLegacyFileIsCleanWithItsFacts() throws IOException {
        FileCollector result = InMemoryScan.scan("legacy.pt", legacy());

        assertThat(result.findings()).isEmpty();
        assertThat(result.incompleteReasons()).isEmpty();
        assertThat(result.format().id()).isEqualTo("pytorch-legacy");
        assertThat(result.facts()).containsEntry("pytorch.format", "legacy")
                .containsEntry("pytorch.storage_keys", STORAGES)
                .containsEntry("pytorch.little_endian", true);
    }

    @Test
    void wrongMagicNumberIsMalformedAndIncomplete() throws IOException {
        byte[] bytes = legacy();
        bytes[5] ^= 0x01;

        FileCollector result = InMemoryScan.scanAs("legacy.pt", bytes, ModelFormat.PYTORCH_LEGACY);

        assertThat(InMemoryScan.ruleIds(result)).contains(PyTorchRules.MALFORMED_LEGACY_HEADER.id());
        assertThat(result.incompleteReasons()).isNotEmpty();
    }

    @Test
    void streamWithAnotherMagicIsStillAnalysedAsPickles() throws IOException {
        byte[] bytes = legacy();
        bytes[5] ^= 0x01;

        FileCollector result = InMemoryScan.scan("legacy.pt", bytes);

        assertThat(result.wasAnalysed()).isTrue();
        assertThat(result.format().id()).isEqualTo("pickle");
    }

    @Test
    void wrongProtocolVersionIsMalformedAndIncomplete() throws IOException {
        byte[] bytes = legacy();
        int at = indexOf(bytes, new byte[]{'M', (byte) 0xe9, 0x03});
        bytes[at + 1] = (byte) 0xea;

        FileCollector result = InMemoryScan.scan("legacy.pt", bytes);

        assertThat(InMemoryScan.ruleIds(result)).contains(PyTorchRules.MALFORMED_LEGACY_HEADER.id());
        assertThat(result.incompleteReasons()).isNotEmpty();
    }

    @Test
    void truncatedStorageDataIsIncomplete() throws IOException {
        byte[] bytes = legacy();

        FileCollector result = InMemoryScan.scan("legacy.pt", Arrays.copyOf(bytes, bytes.length - 3));

        assertThat(InMemoryScan.ruleIds(result)).contains(PyTorchRules.MALFORMED_STORAGE_DATA.id());
        assertThat(result.incompleteReasons()).isNotEmpty();
    }

    @Test
    void hugeElementCountIsRejectedWithoutAllocation() throws IOException {
        byte[] bytes = legacy();
        int firstCount = rawDataStart(bytes);
        Arrays.fill(bytes, firstCount, firstCount + 8, (byte) 0xff);
        bytes[firstCount + 7] = 0x7f;

        FileCollector result = InMemoryScan.scan("legacy.pt", bytes);

        assertThat(InMemoryScan.ruleIds(result)).contains(PyTorchRules.MALFORMED_STORAGE_DATA.id());
    }

    @Test
    void rawStorageBytesAreNeverReadAsPickle() throws IOException {
        byte[] bytes = legacy();
        // Overwrite the largest storage's float data with a pickle that would run a command.
        int largest = largestStorageData(bytes);
        System.arraycopy(RUNS_ECHO, 0, bytes, largest, RUNS_ECHO.length);

        FileCollector result = InMemoryScan.scan("legacy.pt", bytes);

        assertThat(result.findings()).isEmpty();
        assertThat(result.incompleteReasons()).isEmpty();
    }

    @Test
    void dataAfterTheLastStorageIsReportedAndAnalysed() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(legacy());
        out.writeBytes(RUNS_ECHO);

        FileCollector result = InMemoryScan.scan("legacy.pt", out.toByteArray());

        assertThat(InMemoryScan.ruleIds(result)).contains(PyTorchRules.TRAILING_DATA.id());
        assertThat(result.findings()).filteredOn(f -> f.severity() == Severity.CRITICAL)
                .extracting(Finding::subject).contains("posix.system");
    }

    @Test
    void maliciousObjectPickleIsFoundBetweenTheHeaderAndTheStorages() throws IOException {
        FileCollector result = InMemoryScan.scan("evil.pt",
                Files.readAllBytes(Path.of("..", "fixtures", "torch", "evil_legacy.pt")));

        assertThat(result.findings()).filteredOn(f -> f.severity() == Severity.CRITICAL)
                .extracting(Finding::subject).contains("posix.system");
        assertThat(result.facts()).containsEntry("pytorch.storage_keys", 1);
    }

    @Test
    void streamEndingAfterTheHeaderIsIncomplete() throws IOException {
        byte[] bytes = legacy();
        int objectStart = indexOf(bytes, new byte[]{'.', (byte) 0x80, 0x02, 'c'}) + 1;

        FileCollector result = InMemoryScan.scan("legacy.pt", Arrays.copyOf(bytes, objectStart));

        assertThat(InMemoryScan.ruleIds(result)).contains(CoreRules.INCOMPLETE.id());
        assertThat(result.incompleteReasons()).isNotEmpty();
    }

    private static byte[] legacy() throws IOException {
        return Files.readAllBytes(LEGACY);
    }

    /** The raw data starts right after the storage-key list pickle, the last STOP before the data. */
    private static int rawDataStart(byte[] bytes) {
        int keys = lastIndexOf(bytes, new byte[]{'e', '.'});
        return keys + 2;
    }

    /** Offset of the data of the largest storage (float32 elements). */
    private static int largestStorageData(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int best = -1;
        long bestSize = -1;
        for (int pos = rawDataStart(bytes); pos < bytes.length; ) {
            long size = in.getLong(pos) * Float.BYTES;
            if (size > bestSize) {
                bestSize = size;
                best = pos + Long.BYTES;
            }
            pos += Long.BYTES + (int) size;
        }
        assertThat(bestSize).isGreaterThanOrEqualTo(RUNS_ECHO.length);
        return best;
    }

    private static int indexOf(byte[] bytes, byte[] needle) {
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("pattern not found");
    }

    private static int lastIndexOf(byte[] bytes, byte[] needle) {
        int found = -1;
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + needle.length, needle, 0, needle.length)) {
                found = i;
            }
        }
        return found;
    }
}
