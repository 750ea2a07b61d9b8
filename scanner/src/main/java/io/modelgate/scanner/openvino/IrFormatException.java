package io.modelgate.scanner.openvino;

import java.io.IOException;

/** The IR graph is not XML OpenVINO reads, or uses XML features ModelGate does not process. */
final class IrFormatException extends IOException {

    IrFormatException(String message) {
        super(message);
    }
}
