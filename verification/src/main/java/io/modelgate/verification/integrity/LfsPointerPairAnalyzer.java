package io.modelgate.verification.integrity;

import io.modelgate.scanner.folder.FolderAnalyzer;
import io.modelgate.scanner.folder.FolderContext;
import io.modelgate.scanner.folder.FolderView;
import io.modelgate.scanner.model.FileResult;

import java.util.List;
import java.util.Optional;

/**
 * Git LFS pointer files given alongside the real files: a pointer named {@code X.pointer} or
 * {@code X.lfs} (recognised as a pointer by content, with its {@code lfs.oid} and {@code lfs.size}
 * facts) describes the file {@code X} of the same folder, whose SHA-256 and size must match.
 */
public final class LfsPointerPairAnalyzer implements FolderAnalyzer {

    private static final List<String> SUFFIXES = List.of(".pointer", ".lfs");
    private static final String OID_FACT = "lfs.oid";
    private static final String SIZE_FACT = "lfs.size";

    @Override
    public void analyze(FolderView folder, FolderContext context) {
        ExpectedDigestCheck check = new ExpectedDigestCheck(context, "git-lfs-pointer");
        for (FileResult pointer : folder.files()) {
            if (!(pointer.facts().get(OID_FACT) instanceof String oid) || !oid.startsWith("sha256:")) {
                continue;
            }
            Optional<FileResult> real = pairedFile(folder, folder.nameOf(pointer));
            if (real.isEmpty() || real.get().sha256() == null) {
                continue;
            }
            String source = "Git LFS pointer " + folder.nameOf(pointer);
            if (pointer.facts().get(SIZE_FACT) instanceof Number size && size.longValue() != real.get().size()) {
                check.mismatch(real.get().path(), "size " + real.get().size(), "Expected " + size + " bytes (" + source
                        + "), found " + real.get().size() + " bytes.");
                continue;
            }
            check.compare(real.get().path(), "sha256", oid.substring("sha256:".length()), real.get().sha256(), source);
        }
        check.finish(folder.displayPath());
    }

    private static Optional<FileResult> pairedFile(FolderView folder, String pointerName) {
        for (String suffix : SUFFIXES) {
            if (pointerName.endsWith(suffix) && pointerName.length() > suffix.length()) {
                return folder.file(pointerName.substring(0, pointerName.length() - suffix.length()));
            }
        }
        return Optional.empty();
    }
}
