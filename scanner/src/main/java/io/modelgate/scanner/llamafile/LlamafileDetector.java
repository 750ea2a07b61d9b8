package io.modelgate.scanner.llamafile;

import io.modelgate.scanner.archive.zip.AppendedZip;
import io.modelgate.scanner.binary.ExecutableSignature;
import io.modelgate.scanner.detect.Detection;
import io.modelgate.scanner.detect.FormatDetector;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;

import java.io.IOException;
import java.util.Optional;

/**
 * A native executable that ends with a zip: a llamafile (an Actually Portable Executable, which is a valid PE,
 * carrying GGUF weights as zip members) or any self-extracting program. Tried before the plain executable
 * detector so the members are not left unread.
 */
public final class LlamafileDetector implements FormatDetector {

    @Override
    public Optional<Detection> detect(ByteSource source, byte[] head, String name) throws IOException {
        Optional<String> kind = ExecutableSignature.identify(source, head);
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        try {
            return AppendedZip.memberNames(source).map(names -> new Detection(ModelFormat.LLAMAFILE, kind.get()
                    + " with a zip of " + names.size() + " member(s) appended"));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
