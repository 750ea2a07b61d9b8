package io.modelgate.verification.signing;

import io.modelgate.scanner.folder.FolderAnalyzer;
import io.modelgate.scanner.folder.FolderContext;
import io.modelgate.scanner.folder.FolderView;
import io.modelgate.scanner.model.FileResult;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/**
 * OpenPGP detached signatures: {@code X.asc} / {@code X.sig} next to a file {@code X} of the folder
 * (recognised by content, so a model_signing {@code model.sig} is left alone), and a signature next to
 * the lock file given with {@code --lock}, which then vouches for the whole folder.
 */
public final class PgpSignatureAnalyzer implements FolderAnalyzer {

    private static final List<String> SUFFIXES = List.of(".asc", ".sig");

    @Override
    public boolean checksFileRoots() {
        return true;
    }

    @Override
    public void analyze(FolderView folder, FolderContext context) throws IOException {
        PgpKeyrings keyrings = null;
        if (folder.fileRoot()) {
            // A file scanned on its own: its detached signature next to it, when there is one.
            String name = folder.nameOf(folder.files().get(0));
            for (String suffix : SUFFIXES) {
                Path signature = folder.directory().resolve(name + suffix);
                if (Files.isRegularFile(signature) && isPgp(signature)) {
                    keyrings = keyrings != null ? keyrings : PgpKeyrings.read(context.options().keyrings());
                    SignatureFacts.record(folder, context, PgpDetachedVerifier.verify(signature,
                            folder.directory().resolve(name), name + suffix, keyrings));
                }
            }
        }
        java.util.Set<Path> handled = new java.util.HashSet<>();
        for (FileResult file : folder.files()) {
            String name = folder.nameOf(file);
            Path signature = folder.directory().resolve(name);
            if (!hasSuffix(name) || !isPgp(signature)) {
                continue;
            }
            Path signed = signedFile(signature);
            if (signed == null) {
                SignatureFacts.record(folder, context, PgpDetachedVerifier.orphan(name,
                        name.substring(0, name.length() - 4)));
                continue;
            }
            keyrings = keyrings != null ? keyrings : PgpKeyrings.read(context.options().keyrings());
            SignatureFacts.record(folder, context, PgpDetachedVerifier.verify(signature, signed, name, keyrings));
            handled.add(signature.toAbsolutePath().normalize());
        }
        if (context.isScanRoot() && !folder.fileRoot() && context.options().lock().isPresent()) {
            Path lock = context.options().lock().get();
            for (String suffix : SUFFIXES) {
                Path signature = lock.resolveSibling(lock.getFileName() + suffix);
                // A signed lock inside the folder was verified with the folder's files: reported once.
                if (Files.isRegularFile(signature) && !handled.contains(signature.toAbsolutePath().normalize())
                        && isPgp(signature)) {
                    keyrings = keyrings != null ? keyrings : PgpKeyrings.read(context.options().keyrings());
                    SignatureOutcome outcome = PgpDetachedVerifier.verify(signature, lock,
                            signature.toString().replace('\\', '/'), keyrings);
                    outcome.checked("the signature covers the lock file " + lock + ", which is checked against the folder");
                    SignatureFacts.record(folder, context, outcome, folder.displayPath());
                }
            }
        }
    }

    private static boolean hasSuffix(String name) {
        return SUFFIXES.stream().anyMatch(suffix -> name.endsWith(suffix) && name.length() > suffix.length());
    }

    /** The file a detached signature is named after, when it is a regular file in the same folder. */
    private static Path signedFile(Path signature) {
        String name = signature.getFileName().toString();
        for (String suffix : SUFFIXES) {
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                Path signed = signature.resolveSibling(name.substring(0, name.length() - suffix.length()));
                return Files.isRegularFile(signed, LinkOption.NOFOLLOW_LINKS) ? signed : null;
            }
        }
        return null;
    }

    private static boolean isPgp(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return PgpDetachedVerifier.looksLikeSignature(in.readNBytes(64));
        }
    }
}
