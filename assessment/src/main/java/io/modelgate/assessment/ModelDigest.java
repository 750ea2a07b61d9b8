package io.modelgate.assessment;

import io.modelgate.provenance.identity.ModelUnit;
import io.modelgate.provenance.identity.UnitKind;
import io.modelgate.scanner.model.FileResult;
import io.modelgate.verification.signing.LocalManifest;
import io.modelgate.verification.signing.ModelSignatureAnalyzer;
import io.modelgate.verification.signing.ModelStatement;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The whole-model digest of a unit on disk: the subject digest an OpenSSF model_signing signature of the
 * unit's files would carry ({@code files} serialization, SHA-256 per file, sorted by name, the signature
 * and git files left out), computed from the digests the scan already took.
 */
final class ModelDigest {

    private static final Set<String> IGNORED = ignored();

    private ModelDigest() {
    }

    /** {@code sha256:<hex>}, or null when a file of the unit could not be read. */
    static String of(ModelUnit unit, List<FileResult> files) {
        boolean folderUnit = unit.kind() == UnitKind.HF_FOLDER || unit.kind() == UnitKind.ADAPTER;
        String prefix = folderUnit ? unit.path() + "/" : null;
        List<ModelStatement.Resource> resources = new ArrayList<>();
        for (FileResult file : files) {
            String name = prefix != null && file.path().startsWith(prefix) ? file.path().substring(prefix.length())
                    : file.path().substring(file.path().lastIndexOf('/') + 1);
            if (IGNORED.contains(name)) {
                continue;
            }
            if (file.sha256() == null) {
                return null;
            }
            resources.add(new ModelStatement.Resource(name, "sha256", file.sha256()));
        }
        if (resources.isEmpty()) {
            return null;
        }
        return "sha256:" + ModelStatement.ofFiles(unit.path(), resources).rootDigest();
    }

    private static Set<String> ignored() {
        Set<String> names = new HashSet<>(LocalManifest.GIT_PATHS);
        names.add(ModelSignatureAnalyzer.SIGNATURE_NAME);
        return Set.copyOf(names);
    }
}
