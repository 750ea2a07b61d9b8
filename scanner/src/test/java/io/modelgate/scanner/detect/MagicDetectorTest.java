package io.modelgate.scanner.detect;

import io.modelgate.scanner.io.ArrayByteSource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class MagicDetectorTest {

    private final ContentDetector detector = new ContentDetector(List.of(new MagicDetector()));

    private ModelFormat detect(byte[] bytes) throws IOException {
        return detector.detect(new ArrayByteSource(bytes), "file.bin").format();
    }

    @Test
    void recognisesCompressionByContent() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write("payload".getBytes());
        }
        assertThat(detect(gz.toByteArray())).isEqualTo(ModelFormat.GZIP);
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(z, new Deflater(3))) {
            out.write("payload".getBytes());
        }
        assertThat(detect(z.toByteArray())).isEqualTo(ModelFormat.ZLIB);
    }

    @Test
    void recognisesBinaryMagics() throws IOException {
        assertThat(detect(new byte[]{'P', 'K', 3, 4, 0, 0})).isEqualTo(ModelFormat.ZIP);
        assertThat(detect(new byte[]{'G', 'G', 'U', 'F', 3, 0, 0, 0})).isEqualTo(ModelFormat.GGUF);
        assertThat(detect(new byte[]{(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0})).isEqualTo(ModelFormat.NUMPY);
        assertThat(detect(new byte[]{'B', 'Z', 'h', '9', 0x31})).isEqualTo(ModelFormat.BZIP2);
        assertThat(detect(new byte[]{(byte) 0xfd, '7', 'z', 'X', 'Z', 0})).isEqualTo(ModelFormat.XZ);
        assertThat(detect(new byte[]{0x28, (byte) 0xb5, 0x2f, (byte) 0xfd})).isEqualTo(ModelFormat.ZSTD);
        assertThat(detect(new byte[]{'7', 'z', (byte) 0xbc, (byte) 0xaf, 0x27, 0x1c})).isEqualTo(ModelFormat.SEVEN_Z);
    }

    @Test
    void recognisesTarWithAndWithoutUstarMagic() throws IOException {
        byte[] header = new byte[512];
        byte[] name = "weights/pickle".getBytes();
        System.arraycopy(name, 0, header, 0, name.length);
        System.arraycopy("0000644\0".getBytes(), 0, header, 100, 8);
        System.arraycopy("00000000000\0".getBytes(), 0, header, 124, 12);
        long sum = 0;
        for (int i = 0; i < 512; i++) {
            sum += (i >= 148 && i < 156) ? ' ' : (header[i] & 0xff);
        }
        System.arraycopy(String.format("%06o\0 ", sum).getBytes(), 0, header, 148, 8);
        assertThat(detect(header)).isEqualTo(ModelFormat.TAR);
    }

    @Test
    void plainTextIsNotAContainer() throws IOException {
        assertThat(detect("The quick brown fox jumps over the lazy dog.\n".getBytes())).isEqualTo(ModelFormat.UNKNOWN);
        assertThat(detect("{\"architectures\": [\"LlamaForCausalLM\"]}".getBytes())).isEqualTo(ModelFormat.UNKNOWN);
        assertThat(detect(new byte[0])).isEqualTo(ModelFormat.UNKNOWN);
    }
}
