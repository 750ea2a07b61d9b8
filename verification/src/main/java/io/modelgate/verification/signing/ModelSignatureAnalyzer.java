package io.modelgate.verification.signing;

import io.modelgate.scanner.folder.FolderAnalyzer;
import io.modelgate.scanner.folder.FolderContext;
import io.modelgate.scanner.folder.FolderView;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Verifies an OpenSSF model_signing signature ({@code model.sig}) found in a folder over that folder; for
 * a file scanned on its own, the signature next to it over that file.
 */
public final class ModelSignatureAnalyzer implements FolderAnalyzer {

    public static final String SIGNATURE_NAME = "model.sig";

    @Override
    public boolean checksFileRoots() {
        return true;
    }

    @Override
    public void analyze(FolderView folder, FolderContext context) throws IOException {
        Path signature = folder.directory().resolve(SIGNATURE_NAME);
        boolean present = folder.fileRoot() ? Files.exists(signature) : folder.file(SIGNATURE_NAME).isPresent();
        if (!present || !Files.isRegularFile(signature) || !looksLikeJson(signature)) {
            return;
        }
        ModelSignatureVerifier verifier = new ModelSignatureVerifier(context.options(), context.digests(),
                context.clock(), context.limits());
        if (!folder.fileRoot()) {
            SignatureFacts.record(folder, context, verifier.verify(folder.directory(), signature));
            return;
        }
        String name = folder.nameOf(folder.files().get(0));
        if (!name.equals(SIGNATURE_NAME)) {
            SignatureFacts.record(folder, context, verifier.verify(folder.directory(), signature, name));
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
