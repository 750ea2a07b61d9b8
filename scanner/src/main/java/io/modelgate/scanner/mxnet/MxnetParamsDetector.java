package io.modelgate.scanner.mxnet;

import io.modelgate.scanner.detect.Detection;
import io.modelgate.scanner.detect.FormatDetector;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;

import java.util.Optional;

/** An MXNet NDArray list ({@code nd.save}, Gluon {@code .params}): the 64-bit list magic 0x112 first. */
public final class MxnetParamsDetector implements FormatDetector {

    static final long LIST_MAGIC = 0x112;

    @Override
    public Optional<Detection> detect(ByteSource source, byte[] head, String name) {
        if (head.length < 16) {
            return Optional.empty();
        }
        long magic = 0;
        for (int i = 7; i >= 0; i--) {
            magic = (magic << 8) | (head[i] & 0xff);
        }
        return magic == LIST_MAGIC
                ? Optional.of(new Detection(ModelFormat.MXNET_PARAMS, "MXNet NDArray list magic 0x112"))
                : Optional.empty();
    }
}
