package io.modelgate.scanner.numpy;

import io.modelgate.scanner.analysis.CoreRules;
import io.modelgate.scanner.analysis.FileCollector;
import io.modelgate.scanner.e2e.InMemoryScan;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static io.modelgate.scanner.numpy.NpyBytes.npy;
import static io.modelgate.scanner.numpy.NpyBytes.raw;
import static org.assertj.core.api.Assertions.assertThat;

class NumpyAnalyzerTest {

    private static final String F4_2X3 = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }";

    @Test
    void plainArrayWithExactPayloadIsClean() throws IOException {
        FileCollector result = InMemoryScan.scan("a.npy", npy(F4_2X3, new byte[24]));

        assertThat(result.findings()).isEmpty();
        assertThat(result.incompleteReasons()).isEmpty();
        assertThat(result.facts()).containsEntry("numpy.dtype", "<f4").containsEntry("numpy.shape", "(2, 3)");
    }

    @Test
    void versionsTwoAndThreeUseFourByteLengths() throws IOException {
        String unicodeField = "{'descr': [('gr\u00fc\u00dfe', '<i8')], 'fortran_order': True, 'shape': (4,), }";

        assertThat(InMemoryScan.scan("v2.npy", npy(2, F4_2X3, new byte[24])).findings()).isEmpty();
        FileCollector v3 = InMemoryScan.scan("v3.npy", npy(3, unicodeField, new byte[32]));
        assertThat(v3.findings()).isEmpty();
        assertThat(v3.facts()).containsEntry("numpy.version", "3.0");
    }

    @Test
    void structuredDtypeSizesSumFieldsAndSubarrays() throws IOException {
        String header = "{'descr': [('id', '<i4'), (('Title', 'pos'), '<f8', (3,)), ('name', '<U5'), "
                + "('nested', [('a', '|u1'), ('', '|V3')]), ('flag', '|b1', 2)], 'fortran_order': False, 'shape': (2,), }";
        int itemSize = 4 + 24 + 20 + 4 + 2;

        assertThat(InMemoryScan.scan("s.npy", npy(header, new byte[2 * itemSize])).findings()).isEmpty();
        assertThat(InMemoryScan.ruleIds(InMemoryScan.scan("s.npy", npy(header, new byte[2 * itemSize - 1]))))
                .contains(NumpyRules.MALFORMED.id());
    }

    @Test
    void scalarShapeHasOneElement() throws IOException {
        String header = "{'descr': '<M8[ns]', 'fortran_order': False, 'shape': (), }";

        assertThat(InMemoryScan.scan("s.npy", npy(header, new byte[8])).findings()).isEmpty();
    }

    @Test
    void truncatedPayloadIsMalformedAndIncomplete() throws IOException {
        FileCollector result = InMemoryScan.scan("t.npy", npy(F4_2X3, new byte[20]));

        assertThat(InMemoryScan.ruleIds(result)).contains(NumpyRules.MALFORMED.id(), CoreRules.INCOMPLETE.id());
        assertThat(result.incompleteReasons()).isNotEmpty();
    }

    @Test
    void trailingBytesAreReportedAndScanned() throws IOException {
        byte[] payload = new byte[24 + 5];
        FileCollector result = InMemoryScan.scan("t.npy", npy(F4_2X3, payload));

        assertThat(InMemoryScan.ruleIds(result)).containsExactly(NumpyRules.TRAILING_DATA.id());
        assertThat(result.incompleteReasons()).isEmpty();
    }

    @Test
    void hugeShapeProductDoesNotOverflowIntoAMatch() throws IOException {
        String header = "{'descr': '<f8', 'fortran_order': False, 'shape': (4611686018427387904, 4), }";
        String overflowBytes = "{'descr': '<f8', 'fortran_order': False, 'shape': (2305843009213693952, 1), }";

        assertThat(InMemoryScan.ruleIds(InMemoryScan.scan("h.npy", npy(header, new byte[0]))))
                .contains(NumpyRules.MALFORMED.id());
        assertThat(InMemoryScan.ruleIds(InMemoryScan.scan("h.npy", npy(overflowBytes, new byte[0]))))
                .contains(NumpyRules.MALFORMED.id());
    }

    @Test
    void headerMustHaveExactlyTheThreeKeys() throws IOException {
        String extra = "{'descr': '<f4', 'fortran_order': False, 'shape': (1,), 'x': 1}";
        String missing = "{'descr': '<f4', 'shape': (1,)}";

        assertThat(InMemoryScan.ruleIds(InMemoryScan.scan("k.npy", npy(extra, new byte[4]))))
                .contains(NumpyRules.MALFORMED.id());
        assertThat(InMemoryScan.ruleIds(InMemoryScan.scan("k.npy", npy(missing, new byte[4]))))
                .contains(NumpyRules.MALFORMED.id());
    }

    @Test
    void headerIsNeverEvaluated() throws IOException {
        String code = "{'descr': __import__('os').system('id'), 'fortran_order': False, 'shape': (1,)}";
        String nameInShape = "{'descr': '<f4', 'fortran_order': False, 'shape': (n,)}";

        assertThat(InMemoryScan.ruleIds(InMemoryScan.scan("e.npy", npy(code, new byte[4]))))
                .contains(NumpyRules.MALFORMED.id());
        assertThat(InMemoryScan.ruleIds(InMemoryScan.scan("e.npy", npy(nameInShape, new byte[4]))))
                .contains(NumpyRules.MALFORMED.id());
    }

    @Test
    void deepNestingIsRejectedWithoutStackExhaustion() throws IOException {
        String deep = "{'descr': " + "[".repeat(50_000) + ", 'fortran_order': False, 'shape': (1,)}";

        FileCollector result = InMemoryScan.scan("d.npy", npy(2, deep, new byte[4]));

        assertThat(InMemoryScan.ruleIds(result)).contains(NumpyRules.MALFORMED.id());
    }

    @Test
    void headerLengthBeyondFileIsMalformed() throws IOException {
        byte[] header = "{'descr': '<f4', 'fortran_order': False, 'shape': (1,)}\n".getBytes(StandardCharsets.US_ASCII);

        FileCollector result = InMemoryScan.scan("l.npy", raw(2, 0xFFFF_FFFFL, header, new byte[4]));

        assertThat(InMemoryScan.ruleIds(result)).contains(NumpyRules.MALFORMED.id());
        assertThat(result.incompleteReasons()).isNotEmpty();
    }

    @Test
    void unknownVersionIsMalformed() throws IOException {
        byte[] header = "{'descr': '<f4', 'fortran_order': False, 'shape': (1,)}\n".getBytes(StandardCharsets.US_ASCII);

        assertThat(InMemoryScan.ruleIds(InMemoryScan.scan("v.npy", raw(4, header.length, header, new byte[4]))))
                .contains(NumpyRules.MALFORMED.id());
    }

    @Test
    void oversizedHeaderIsReportedButParsed() throws IOException {
        String header = "{'descr': [" + fields(900) + "], 'fortran_order': False, 'shape': (1,)}";

        FileCollector result = InMemoryScan.scan("big.npy", npy(header, new byte[900 * 4]));

        assertThat(InMemoryScan.ruleIds(result)).containsExactly(NumpyRules.LARGE_HEADER.id());
    }

    @Test
    void objectDtypeIsFlaggedAndPayloadHandedOnAsPickle() throws IOException {
        String header = "{'descr': [('a', '<i4'), ('b', '|O')], 'fortran_order': False, 'shape': (1,), }";
        byte[] pickle = {(byte) 0x80, 2, 'N', '.'};

        FileCollector result = InMemoryScan.scan("o.npy", npy(header, pickle));

        assertThat(InMemoryScan.ruleIds(result)).contains(NumpyRules.OBJECT_ARRAY.id());
        assertThat(result.innerFormats()).contains("pickle");
    }

    private static String fields(int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append("('field").append(i).append("', '<i4'), ");
        }
        return out.toString();
    }
}
