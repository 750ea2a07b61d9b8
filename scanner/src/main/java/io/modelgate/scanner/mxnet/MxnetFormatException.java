package io.modelgate.scanner.mxnet;

import java.io.IOException;

/** Bytes or JSON that MXNet would refuse to load as an NDArray list or a symbol graph. */
final class MxnetFormatException extends IOException {

    MxnetFormatException(String message) {
        super(message);
    }
}
