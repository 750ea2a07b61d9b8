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
        context.report(LfsRules.POINTER, "sha256:" + pointer.get().oid(), "Git LFS pointer to "
                + pointer.get().size() + " bytes (sha256 " + pointer.get().oid() + "): the content was not downloaded");
        context.incomplete("Git LFS pointer instead of content: the weights were not downloaded");
    }
}
