package io.modelgate.scanner.archive.compress;

import io.modelgate.scanner.detect.ModelFormat;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.lzma.LZMACompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/** Opens the decoder of a single-stream compression format, with bounded decoder memory. */
public final class Decoders {

    /** Largest dictionary/window memory granted to an xz or lzma decoder (xz -9 needs about 65 MiB). */
    public static final int DECODER_MEMORY_KIB = 160 * 1024;

    public static final Set<ModelFormat> FORMATS = Set.of(ModelFormat.GZIP, ModelFormat.BZIP2, ModelFormat.XZ,
            ModelFormat.LZMA, ModelFormat.ZSTD, ModelFormat.ZLIB);

    private Decoders() {
    }

    /** Decodes {@code in}; concatenated gzip/bzip2/xz members are read as one payload, as Python does. */
    public static InputStream open(ModelFormat format, InputStream in) throws IOException {
        return switch (format) {
            case GZIP -> new GzipCompressorInputStream(in, true);
            case BZIP2 -> new BZip2CompressorInputStream(in, true);
            case XZ -> new XZCompressorInputStream(in, true, DECODER_MEMORY_KIB);
            case LZMA -> new LZMACompressorInputStream(in, DECODER_MEMORY_KIB);
            case ZSTD -> new ZstdCompressorInputStream(in);
            case ZLIB -> inflate(in, false);
            default -> throw new IllegalArgumentException("not a compression format: " + format);
        };
    }

    /** Inflates zlib-wrapped ({@code raw} false) or raw deflate data; the native inflater is freed on close. */
    public static InputStream inflate(InputStream in, boolean raw) {
        Inflater inflater = new Inflater(raw);
        return new InflaterInputStream(in, inflater, 64 * 1024) {
            private boolean closed;

            @Override
            public void close() throws IOException {
                if (!closed) {
                    closed = true;
                    try {
                        super.close();
                    } finally {
                        inflater.end();
                    }
                }
            }
        };
    }
}
