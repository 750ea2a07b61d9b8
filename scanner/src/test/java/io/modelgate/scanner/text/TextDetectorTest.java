package io.modelgate.scanner.text;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.modelgate.scanner.testing.ArtifactScan.scan;
import static org.assertj.core.api.Assertions.assertThat;

class TextDetectorTest {

    @Test
    void utf8TextIsTextAndBinaryIsNot() {
        assertThat(TextDetector.isText("# Model card\n\nÜbersetzung – 日本語 ✓\n".getBytes(StandardCharsets.UTF_8), true)).isTrue();
        assertThat(TextDetector.isText(new byte[]{'a', 0, 'b'}, true)).isFalse();
        assertThat(TextDetector.isText(new byte[]{'a', (byte) 0xff}, true)).isFalse();
        assertThat(TextDetector.isText(new byte[]{'a', (byte) 0xc3, (byte) 0x28}, true)).isFalse();
        byte[] cut = "ab€".getBytes(StandardCharsets.UTF_8);
        byte[] prefix = java.util.Arrays.copyOf(cut, cut.length - 1);
        assertThat(TextDetector.isText(prefix, false)).isTrue();
        assertThat(TextDetector.isText(prefix, true)).isFalse();
        byte[] controls = new byte[100];
        java.util.Arrays.fill(controls, (byte) 1);
        assertThat(TextDetector.isText(controls, true)).isFalse();
    }

    @Test
    void plainReadmeIsTextWithoutFindingsAndNotAModelFile() {
        var result = scan("README.md", "# Tiny model\n\nLicence: apache-2.0\nSee https://example.org\n".getBytes(StandardCharsets.UTF_8));
        assertThat(result.format().id()).isEqualTo("text");
        assertThat(result.findings()).isEmpty();
        assertThat(result.wasAnalysed()).as("text is searched but never counts as an analysed model file").isFalse();
    }
}
