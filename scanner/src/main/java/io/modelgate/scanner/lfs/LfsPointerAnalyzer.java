package io.modelgate.scanner.lfs;

import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.analysis.FormatAnalyzer;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * A pointer stands where content should be: the file is never clean (it is marked incomplete),
 * and the oid and size are kept for the integrity checks that compare them with downloaded files.
 */
public final class LfsPointerAnalyzer implements FormatAnalyzer {

    @Override
    public Set<ModelFormat> formats() {
        return Set.of(ModelFormat.GIT_LFS_POINTER);
    }

    /** The file a pointer named {@code X.pointer} or {@code X.lfs} describes, when X is next to it. */
    static Optional<java.nio.file.Path> describedFile(java.nio.file.Path pointer) {
        String name = pointer.getFileName() == null ? "" : pointer.getFileName().toString();
        for (String suffix : java.util.List.of(".pointer", ".lfs")) {
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                java.nio.file.Path described = pointer.resolveSibling(name.substring(0, name.length() - suffix.length()));
                if (java.nio.file.Files.isRegularFile(described)) {
                    return Optional.of(described);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public void analyze(ByteSource source, AnalysisContext context) throws IOException {
        String text = new String(source.prefix(LfsPointer.MAX_POINTER_BYTES), StandardCharsets.UTF_8);
        Optional<LfsPointer> pointer = LfsPointer.parse(text);
        if (pointer.isEmpty()) {
            context.report(LfsRules.MALFORMED_POINTER, null, "Git LFS pointer without a valid oid sha256 and size");
            context.incomplete("Git LFS pointer instead of content; the pointer is malformed");
            return;
        }
        context.fact("lfs.oid", "sha256:" + pointer.get().oid());
        context.fact("lfs.size", pointer.get().size());
        if (context.depth() == 0 && context.diskPath().flatMap(LfsPointerAnalyzer::describedFile).isPresent()) {
            // X.pointer next to X: an expected digest for X, compared by the folder checks, not missing content.
            return;
        }
        context.report(LfsRules.POINTER, "sha256:" + pointer.get().oid(), "Git LFS pointer to "
                + pointer.get().size() + " bytes (sha256 " + pointer.get().oid() + "): the content was not downloaded");
        context.incomplete("Git LFS pointer instead of content: the weights were not downloaded");
    }
}
