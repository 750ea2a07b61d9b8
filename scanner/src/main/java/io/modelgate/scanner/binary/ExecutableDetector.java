package io.modelgate.scanner.binary;

import io.modelgate.scanner.detect.Detection;
import io.modelgate.scanner.detect.FormatDetector;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;

import java.io.IOException;
import java.util.Optional;

/** Native programs: ELF, PE, Mach-O (thin and universal). */
public final class ExecutableDetector implements FormatDetector {

    @Override
    public Optional<Detection> detect(ByteSource source, byte[] head, String name) throws IOException {
        return ExecutableSignature.identify(source, head).map(kind -> new Detection(ModelFormat.EXECUTABLE, kind));
    }
}
