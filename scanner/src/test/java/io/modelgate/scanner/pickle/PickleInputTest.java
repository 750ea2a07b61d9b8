package io.modelgate.scanner.pickle;

import io.modelgate.scanner.io.ArrayByteSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Line reading (protocol 0's operands) over generated streams, held to the byte-by-byte rule it implements. */
class PickleInputTest {

    /** What {@link PickleInput#readLine} returns or throws, and where it leaves the input. */
    private record Outcome(String line, PickleBreak.Kind failure, long position) {
    }

    @Test
    void linesAreReadAsByteByByte() throws IOException {
        Random random = new Random(20261203);
        for (int n = 0; n < 3000; n++) {
            // A tenth are larger than the input's 64 KiB buffer, read to the end, so lines cross its refills.
            boolean large = n % 10 == 0;
            byte[] data = new byte[large ? 65_000 + random.nextInt(80_000) : random.nextInt(600)];
            for (int i = 0; i < data.length; i++) {
                data[i] = random.nextInt(large ? 40 : 12) == 0 ? (byte) '\n' : (byte) ('a' + random.nextInt(26));
            }
            int max = 1 + random.nextInt(random.nextBoolean() ? 8 : large ? 3000 : 300);
            long start = data.length == 0 ? 0 : random.nextInt(data.length);
            // Lines in a row: the first fills the buffer, later ones are served from it.
            PickleInput input = new PickleInput(new ArrayByteSource(data), start);
            long position = start;
            for (int line = 0; line < (large ? Integer.MAX_VALUE : 4) && position < data.length; line++) {
                Outcome expected = byteByByte(data, position, max);
                Outcome actual = read(input, max);
                int caseNumber = n;
                int lineNumber = line;
                assertThat(actual).as(() -> "case " + caseNumber + ", line " + lineNumber + " from " + start
                        + ", max " + max + ", data starting " + Arrays.toString(Arrays.copyOf(data,
                        Math.min(data.length, 600)))).isEqualTo(expected);
                if (expected.failure() != null) {
                    break;
                }
                position = expected.position();
            }
        }
    }

    private static Outcome read(PickleInput input, int max) throws IOException {
        try {
            byte[] line = input.readLine(max, 0);
            return new Outcome(new String(line, java.nio.charset.StandardCharsets.ISO_8859_1), null,
                    input.position());
        } catch (PickleBreak e) {
            return new Outcome(null, e.kind(), -1);
        }
    }

    /**
     * The rule: bytes up to the next newline, which is consumed; at the end of the data without one, the last
     * byte is dropped (as Python's pure-Python unpickler strips the newline it expects); more than {@code max}
     * bytes before the newline is a limit.
     */
    private static Outcome byteByByte(byte[] data, long from, int max) {
        StringBuilder line = new StringBuilder();
        long position = from;
        while (true) {
            if (position >= data.length) {
                return new Outcome(line.substring(0, Math.max(0, line.length() - 1)), null, position);
            }
            int b = data[(int) position++] & 0xff;
            if (b == '\n') {
                return new Outcome(line.toString(), null, position);
            }
            if (line.length() >= max) {
                return new Outcome(null, PickleBreak.Kind.LIMIT, -1);
            }
            line.append((char) b);
        }
    }
}
