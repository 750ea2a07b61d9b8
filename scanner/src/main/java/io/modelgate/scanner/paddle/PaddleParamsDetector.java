package io.modelgate.scanner.paddle;

import io.modelgate.scanner.detect.Detection;
import io.modelgate.scanner.detect.FormatDetector;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * The start of a Paddle tensor stream: LoD version 0, a small LoD level count (its levels skipped), tensor
 * version 0, and a TensorDesc length followed by the desc's data_type tag (0x08).
 */
public final class PaddleParamsDetector implements FormatDetector {

    @Override
    public Optional<Detection> detect(ByteSource source, byte[] head, String name) {
        if (head.length < 22) {
            return Optional.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt() != 0) {
            return Optional.empty();
        }
        long levels = b.getLong();
        if (levels < 0 || levels > 4) {
            return Optional.empty();
        }
        for (long l = 0; l < levels; l++) {
            if (b.remaining() < 8) {
                return Optional.empty();
            }
            long bytes = b.getLong();
            if (bytes < 0 || bytes % 8 != 0 || bytes > b.remaining()) {
                return Optional.empty();
            }
            b.position(b.position() + (int) bytes);
        }
        if (b.remaining() < 10 || b.getInt() != 0) {
            return Optional.empty();
        }
        int desc = b.getInt();
        boolean plausible = desc >= 2 && desc <= 256 && b.get() == 0x08 && (b.get() & 0x80) == 0;
        return plausible ? Optional.of(new Detection(ModelFormat.PADDLE_PARAMS, "PaddlePaddle tensor stream"))
                : Optional.empty();
    }
}
