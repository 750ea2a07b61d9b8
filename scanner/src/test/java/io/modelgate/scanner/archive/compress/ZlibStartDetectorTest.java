package io.modelgate.scanner.archive.compress;

import io.modelgate.scanner.io.ArrayByteSource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.DeflaterOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class ZlibStartDetectorTest {

    private final ZlibStartDetector detector = new ZlibStartDetector();

    @Test
    void textWhoseFirstTwoCharactersFormAZlibHeaderIsNotAStream() {
        // "(S" is a valid zlib header (0x2853 is a multiple of 31) and "SL C…" inflates two bytes before failing.
        byte[] text = "(SSL Certificate Verification)=\n\n# HTTPS Certificates\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(detector.detect(new ArrayByteSource(text), text, "https-certificates.md")).isEmpty();
    }

    @Test
    void aZlibStreamCutShortIsStillRecognised() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream zlib = new DeflaterOutputStream(out)) {
            zlib.write("a protocol 0 pickle would be here ".repeat(40).getBytes(StandardCharsets.US_ASCII));
        }
        byte[] cut = Arrays.copyOf(out.toByteArray(), out.size() / 2);
        assertThat(detector.detect(new ArrayByteSource(cut), cut, "model.joblib.z")).isPresent();
    }
}
