package io.modelgate.scanner.safetensors;

import java.io.IOException;

/** The header breaks the format so badly that it cannot be read further. */
public final class MalformedSafetensorsException extends IOException {

    public MalformedSafetensorsException(String message) {
        super(message);
    }
}
