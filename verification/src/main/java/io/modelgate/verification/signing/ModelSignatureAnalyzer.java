package io.modelgate.verification.signing;

import io.modelgate.scanner.folder.FolderAnalyzer;
import io.modelgate.scanner.folder.FolderContext;
import io.modelgate.scanner.folder.FolderView;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Verifies an OpenSSF model_signing signature ({@code model.sig}) found in a folder over that folder,
 * and records that a scanned folder is unsigned when no signature of any kind is present.
 */
public final class ModelSignatureAnalyzer implements FolderAnalyzer {

    public static final String SIGNATURE_NAME = "model.sig";

    @Override
    public void analyze(FolderView folder, FolderContext context) throws IOException {
        Path signature = folder.directory().resolve(SIGNATURE_NAME);
        if (folder.file(SIGNATURE_NAME).isPresent() && Files.isRegularFile(signature) && looksLikeJson(signature)) {
            ModelSignatureVerifier verifier = new ModelSignatureVerifier(context.options(), context.digests(),
                    context.clock(), context.limits());
            SignatureFacts.record(folder, context, verifier.verify(folder.directory(), signature));
        }
    }

    /** A PGP signature may also be called model.sig; a Sigstore bundle is JSON. */
    private static boolean looksLikeJson(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            int b;
            do {
                b = in.read();
            } while (b == ' ' || b == '\n' || b == '\r' || b == '\t');
            return b == '{';
        }
    }
}
