package io.modelgate.scanner.archive.compress;

import io.modelgate.scanner.detect.ModelFormat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/** Decoder settings shared by the compressed streams and the archives: bounded memory, raw inflating. */
public final class Decoders {

    /** Largest dictionary/window memory granted to an xz or lzma decoder (xz -9 needs about 65 MiB). */
    public static final int DECODER_MEMORY_KIB = 160 * 1024;

    public static final Set<ModelFormat> FORMATS = Set.of(ModelFormat.GZIP, ModelFormat.BZIP2, ModelFormat.XZ,
            ModelFormat.LZMA, ModelFormat.ZSTD, ModelFormat.ZLIB);

    private Decoders() {
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
