package io.modelgate.scanner.pytorch;

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

import static org.assertj.core.api.Assertions.assertThat;

/** The storages and tensors members of old tar checkpoints, built record by record. */
class TarMembersTest {

    private static final String FLOAT_STORAGE_RECORD = "\u0080\u0002X\u0001\u0000\u0000\u00000X\u0003\u0000\u0000\u0000cpu"
            + "ctorch\nFloatStorage\n\u0087.";
    private static final String EMPTY_LIST = "\u0080\u0002].";
    private static final String RUNS_ECHO = "\u0080\u0002cposix\nsystem\nX\u0004\u0000\u0000\u0000echo\u0085R.";

    @Test
    void storagesWithExactRecordsAreClean() throws IOException {
        byte[] data = bytes(count(2), FLOAT_STORAGE_RECORD, longLE(3), new byte[12], FLOAT_STORAGE_RECORD, longLE(0),
                EMPTY_LIST);

        FileCollector result = storages(data);

        assertThat(result.findings()).isEmpty();
        assertThat(result.incompleteReasons()).isEmpty();
    }

    @Test
    void pickleAfterRawStorageBytesIsAnalysed() throws IOException {
        byte[] data = bytes(count(2), FLOAT_STORAGE_RECORD, longLE(1), new byte[4], RUNS_ECHO);

        FileCollector result = storages(data);

        assertThat(result.findings()).filteredOn(f -> f.severity() == Severity.CRITICAL)
                .extracting(Finding::subject).contains("posix.system");
        assertThat(InMemoryScan.ruleIds(result)).contains(PyTorchRules.MALFORMED_STORAGE_DATA.id());
    }

    @Test
    void hugeStorageCountEndsAtTheDataWithoutLooping() throws IOException {
        FileCollector result = storages(bytes(count(1L << 62), FLOAT_STORAGE_RECORD, longLE(0)));

        assertThat(InMemoryScan.ruleIds(result)).contains(PyTorchRules.MALFORMED_STORAGE_DATA.id());
        assertThat(result.incompleteReasons()).isNotEmpty();
    }

    @Test
    void hugeElementCountIsRejected() throws IOException {
        FileCollector result = storages(bytes(count(1), FLOAT_STORAGE_RECORD, longLE(1L << 61), new byte[16],
                EMPTY_LIST));

        assertThat(InMemoryScan.ruleIds(result)).contains(PyTorchRules.MALFORMED_STORAGE_DATA.id());
    }

    @Test
    void unknownStorageTypeCannotBeMeasured() throws IOException {
        String record = FLOAT_STORAGE_RECORD.replace("FloatStorage", "NoSuchStorage");

        FileCollector result = storages(bytes(count(1), record, longLE(1), new byte[4], EMPTY_LIST));

        assertThat(InMemoryScan.ruleIds(result)).contains(PyTorchRules.MALFORMED_STORAGE_DATA.id());
        assertThat(result.incompleteReasons()).isNotEmpty();
    }

    @Test
    void tensorGeometryIsMeasured() throws IOException {
        String record = "\u0080\u0002KdX\u0001\u0000\u0000\u00000ctorch\nFloatTensor\n\u0087.";
        byte[] geometry = bytes(intLE(2), new byte[4], longLE(3), longLE(4), longLE(4), longLE(1), longLE(0));

        FileCollector clean = tensors(bytes(count(1), record, geometry));
        FileCollector crafted = tensors(bytes(count(1), record, intLE(Integer.MAX_VALUE), new byte[4]));

        assertThat(clean.findings()).isEmpty();
        assertThat(clean.incompleteReasons()).isEmpty();
        assertThat(InMemoryScan.ruleIds(crafted)).contains(PyTorchRules.MALFORMED_STORAGE_DATA.id());
    }

    private static FileCollector storages(byte[] data) throws IOException {
        return InMemoryScan.scanAs("storages", data, ModelFormat.PYTORCH_TAR_STORAGES);
    }

    private static FileCollector tensors(byte[] data) throws IOException {
        return InMemoryScan.scanAs("tensors", data, ModelFormat.PYTORCH_TAR_TENSORS);
    }

    private static String count(long n) {
        byte[] le = longLE(n);
        return "\u0080\u0002\u008a\u0008" + new String(le, StandardCharsets.ISO_8859_1) + ".";
    }

    private static byte[] longLE(long v) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array();
    }

    private static byte[] intLE(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            out.writeBytes(part instanceof String s ? s.getBytes(StandardCharsets.ISO_8859_1) : (byte[]) part);
        }
        return out.toByteArray();
    }
}
