package io.modelgate.scanner.pickle;

import io.modelgate.scanner.io.ArrayByteSource;
import io.modelgate.testkit.Gen;
import io.modelgate.testkit.RandomCases;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Line reading (protocol 0's operands) over generated streams, held to the byte-by-byte rule it implements. */
class PickleInputTest {

    /** A stream, where reading starts, and the longest line allowed. */
    private record Case(byte[] data, long start, int max) {
        @Override
        public String toString() {
            return data.length + " bytes from " + start + ", max " + max + ": "
                    + new String(data, 0, Math.min(data.length, 200), StandardCharsets.ISO_8859_1);
        }
    }

    /** What {@link PickleInput#readLine} returns or throws, and where it leaves the input. */
    private record Outcome(String line, PickleBreak.Kind failure, long position) {
    }

    @Test
    void linesAreReadAsByteByByte() {
        RandomCases.check(3000, PickleInputTest::stream, c -> {
            // Lines in a row to the end of the data: the first fills the buffer, later ones are served from it,
            // and in data larger than the buffer (64 KiB) lines cross its refills.
            PickleInput input = new PickleInput(new ArrayByteSource(c.data()), c.start());
            long position = c.start();
            for (int line = 0; position < c.data().length; line++) {
                Outcome expected = byteByByte(c.data(), position, c.max());
                assertThat(read(input, c.max())).as("line %d", line).isEqualTo(expected);
                if (expected.failure() != null) {
                    break;
                }
                position = expected.position();
            }
        });
    }

    /** Letters and newlines; a tenth of the streams larger than the input's buffer. */
    private static Case stream(Gen gen) {
        boolean large = gen.index(10) == 0;
        byte[] data = new byte[large ? gen.intBetween(65_000, 145_000) : gen.intBetween(0, 600)];
        int newlineOdds = large ? 40 : 12;
        for (int i = 0; i < data.length; i++) {
            data[i] = gen.index(newlineOdds) == 0 ? (byte) '\n' : (byte) ('a' + gen.index(26));
        }
        int max = gen.bool() ? gen.intBetween(1, 8) : gen.intBetween(1, large ? 3000 : 300);
        return new Case(data, data.length == 0 ? 0 : gen.index(data.length), max);
    }

    private static Outcome read(PickleInput input, int max) throws IOException {
        try {
            byte[] line = input.readLine(max, 0);
            return new Outcome(new String(line, StandardCharsets.ISO_8859_1), null, input.position());
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
