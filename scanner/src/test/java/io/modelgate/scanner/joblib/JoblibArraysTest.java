package io.modelgate.scanner.joblib;

import io.modelgate.scanner.analysis.FileCollector;
import io.modelgate.scanner.e2e.InMemoryScan;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.Severity;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import static io.modelgate.scanner.joblib.JoblibStream.shape;
import static org.assertj.core.api.Assertions.assertThat;

/** Inline array data in joblib streams: skipped exactly, never read as opcodes, never hiding what follows. */
class JoblibArraysTest {

    private static final Path FIXTURES = Path.of("..", "fixtures", "joblib");
    private static final byte[] RUNS_ECHO = "\u0080\u0002cposix\nsystem\nX\u0004\u0000\u0000\u0000echo\u0085R."
            .getBytes(StandardCharsets.ISO_8859_1);
    /** A command call after the array, inside the same pickle (POP keeps the stack balanced). */
    private static final byte[] CALL_AFTER = "cposix\nsystem\nX\u0004\u0000\u0000\u0000echo\u0085R0"
            .getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void alignedArrayIsSkippedAndTheStreamIsJoblib() throws IOException {
        byte[] data = new JoblibStream().wrapper(shape(2, 3), "f4", 16)
                .raw(padding(7)).raw(new byte[24]).stop();

        FileCollector result = InMemoryScan.scan("model.joblib", data);

        assertThat(result.findings()).isEmpty();
        assertThat(result.incompleteReasons()).isEmpty();
        assertThat(result.format().id()).isEqualTo("joblib");
    }

    @Test
    void unalignedUnicodeArrayIsMeasuredInCharacters() throws IOException {
        byte[] data = new JoblibStream().wrapper(shape(3), "U5", null).raw(new byte[3 * 5 * 4]).stop();

        FileCollector result = InMemoryScan.scan("model.joblib", data);

        assertThat(result.findings()).isEmpty();
        assertThat(result.incompleteReasons()).isEmpty();
    }

    @Test
    void codeAfterTheArrayIsStillFound() throws IOException {
        byte[] data = new JoblibStream().wrapper(shape(4), "i8", 16)
                .raw(padding(3)).raw(new byte[32]).raw(CALL_AFTER).stop();

        FileCollector result = InMemoryScan.scan("model.joblib", data);

        assertThat(critical(result)).extracting(Finding::subject).contains("posix.system");
    }

    @Test
    void arrayBytesThatLookLikeAPickleAreData() throws IOException {
        byte[] array = Arrays.copyOf(RUNS_ECHO, 32);
        byte[] data = new JoblibStream().wrapper(shape(4), "f8", 16).raw(padding(5)).raw(array).stop();

        FileCollector result = InMemoryScan.scan("model.joblib", data);

        assertThat(result.findings()).isEmpty();
        assertThat(result.incompleteReasons()).isEmpty();
    }

    @Test
    void objectArrayIsANestedPickleThatIsAnalysed() throws IOException {
        byte[] data = new JoblibStream().wrapper(shape(1), "O8", 16).raw(RUNS_ECHO).stop();

        FileCollector result = InMemoryScan.scan("model.joblib", data);

        assertThat(critical(result)).extracting(Finding::subject).contains("posix.system");
        assertThat(result.incompleteReasons()).isEmpty();
    }

    @Test
    void structuredArrayWithObjectsIsANestedPickleToo() throws IOException {
        byte[] data = new JoblibStream().wrapper(shape(1), "V12", 16).raw(RUNS_ECHO).stop();

        FileCollector result = InMemoryScan.scan("model.joblib", data);

        assertThat(critical(result)).extracting(Finding::subject).contains("posix.system");
    }

    @Test
    void shapeBeyondTheDataIsIncompleteWithoutAllocating() throws IOException {
        byte[] huge = {'(', 'J', (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f, 'J', (byte) 0xff, (byte) 0xff,
                (byte) 0xff, 0x7f, 'J', (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f, 't'};
        byte[] data = new JoblibStream().wrapper(huge, "c16", 16).raw(padding(1)).raw(new byte[64]).stop();

        FileCollector result = InMemoryScan.scan("model.joblib", data);

        assertThat(result.incompleteReasons()).isNotEmpty();
    }

    @Test
    void paddingLongerThanTheAlignmentIsIncomplete() throws IOException {
        byte[] data = new JoblibStream().wrapper(shape(1), "f8", 16).raw(padding(40)).raw(new byte[8]).stop();

        FileCollector result = InMemoryScan.scan("model.joblib", data);

        assertThat(result.incompleteReasons()).isNotEmpty();
    }

    @Test
    void nestedObjectArraysAreBounded() throws IOException {
        byte[] data = new JoblibStream().wrapper(shape(1), "O8", 16).raw(chain(20)).stop();

        FileCollector result = InMemoryScan.scan("model.joblib", data);

        assertThat(result.incompleteReasons()).isNotEmpty();
    }

    @Test
    void realDumpWithAnArrayBeforeThePayloadIsCaught() throws IOException, DataFormatException {
        byte[] compressed = Files.readAllBytes(FIXTURES.resolve("evil.joblib.z"));

        FileCollector result = InMemoryScan.scan("evil.joblib", inflate(compressed));

        assertThat(critical(result)).extracting(Finding::subject).contains("posix.system");
        assertThat(result.format().id()).isEqualTo("joblib");
    }

    /** Object-array pickles each opening the next wrapper before their STOP: nesting {@code depth} deep. */
    private static byte[] chain(int depth) {
        byte[] inner = RUNS_ECHO;
        for (int i = 0; i < depth; i++) {
            inner = new JoblibStream().wrapper(shape(1), "O8", 16).raw(inner).stop();
        }
        return inner;
    }

    private static byte[] padding(int length) {
        byte[] out = new byte[1 + length];
        Arrays.fill(out, (byte) 0xff);
        out[0] = (byte) length;
        return out;
    }

    private static java.util.List<Finding> critical(FileCollector result) {
        return result.findings().stream().filter(f -> f.severity() == Severity.CRITICAL).toList();
    }

    private static byte[] inflate(byte[] zlib) throws DataFormatException {
        Inflater inflater = new Inflater();
        inflater.setInput(zlib);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!inflater.finished()) {
            int n = inflater.inflate(buffer);
            if (n == 0 && inflater.needsInput()) {
                break;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
