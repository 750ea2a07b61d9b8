package io.modelgate.verification.signing;

import io.modelgate.scanner.VerificationOptions;
import io.modelgate.scanner.folder.FolderAnalyzer;
import io.modelgate.scanner.folder.FolderContext;
import io.modelgate.scanner.folder.FolderView;
import io.modelgate.scanner.model.ArtifactPath;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.Location;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs after the signature checks, on each scanned folder: records {@code signature: absent} when there is
 * no signature, and, when signers were supplied (a key, CA, trust root or key ring), reports a folder that
 * holds files and no signature verified with them. A signature already found untrusted or invalid has its own
 * finding.
 */
public final class UnsignedFolderAnalyzer implements FolderAnalyzer {

    @Override
    public boolean checksFileRoots() {
        return true;
    }

    @Override
    public void analyze(FolderView folder, FolderContext context) {
        if (!context.isScanRoot()) {
            return;
        }
        SignatureFacts.absentUnlessRecorded(context);
        VerificationOptions options = context.options();
        List<SignatureFacts.Entry> signatures = signatures(context);
        List<String> modelSigning = new ArrayList<>();
        options.publicKeys().forEach(p -> modelSigning.add("--public-key " + p));
        options.caCertificates().forEach(p -> modelSigning.add("--ca-cert " + p));
        options.sigstoreTrustRoot().ifPresent(p -> modelSigning.add("--trust-root " + p));
        if (!modelSigning.isEmpty()) {
            require(folder, context, signatures, ModelSignatureVerifier.FORMAT, "model signature ("
                    + ModelSignatureAnalyzer.SIGNATURE_NAME + ")", modelSigning);
        }
        List<String> keyrings = options.keyrings().stream().map(p -> "--keyring " + p).toList();
        if (!keyrings.isEmpty()) {
            require(folder, context, signatures, PgpDetachedVerifier.FORMAT, "OpenPGP signature", keyrings);
        }
    }

    private static void require(FolderView folder, FolderContext context, List<SignatureFacts.Entry> signatures,
                                String format,
                                String what, List<String> supplied) {
        List<SignatureFacts.Entry> ofFormat = signatures.stream().filter(s -> format.equals(s.format())).toList();
        boolean verified = ofFormat.stream().anyMatch(s -> "valid".equals(s.status()));
        boolean reported = ofFormat.stream().anyMatch(s -> "invalid".equals(s.status())
                || "untrusted".equals(s.status()));
        // A root holding only subfolders is a registry, not a model: each model unit below it meets the
        // requirement on its own (the policy demands a signature of every unit), so nothing is said of the root.
        if (verified || reported || folder.files().isEmpty()) {
            return;
        }
        String found = ofFormat.isEmpty() ? "there is none"
                : "the " + ofFormat.size() + " found could not be verified";
        context.report(Finding.of(SignatureRules.UNTRUSTED_CERTIFICATE,
                Location.of(ArtifactPath.of(folder.fileRoot() ? folder.files().get(0).path() : folder.displayPath())),
                null,
                "no " + what + " verified with the supplied " + String.join(", ", supplied) + " (" + found
                        + "): the model is not shown to come from a signer you supplied"));
    }

    private static List<SignatureFacts.Entry> signatures(FolderContext context) {
        return context.fact(SignatureFacts.class).map(SignatureFacts::signatures).orElse(List.of());
    }
}
