package io.modelgate.rules.policy;

import io.modelgate.scanner.model.FileResult;
import io.modelgate.scanner.model.FileStatus;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The {@code formats} section over every analysed file: a file's own format and the formats inside it.
 * An allow list concerns model formats only: metadata files and generic containers (whose contents are
 * judged themselves) never need to be listed.
 */
final class FormatCheck {

    /** Formats an allow list does not have to name. */
    static final Set<String> SUPPORTING = Set.of("json", "text", "model-card", "jinja", "git-lfs-pointer", "unknown",
            "zip", "tar", "7z", "gzip", "bzip2", "xz", "lzma", "zstd", "zlib");

    private FormatCheck() {
    }

    static void check(Iterable<FileResult> files, FormatPolicy policy, Map<String, String> modelOfFile,
                      Candidates out) {
        for (FileResult file : files) {
            String model = modelOfFile.get(file.path());
            if (policy.maxFileSize() > 0 && file.size() > policy.maxFileSize()) {
                out.add(Effect.REJECT, ReasonCodes.FORMAT_MAX_FILE_SIZE, model, null, file.path(),
                        "file of " + file.size() + " bytes is larger than formats.maxFileSize (" + policy.maxFileSize()
                                + " bytes)");
            }
            if (file.status() == FileStatus.SKIPPED) {
                continue;
            }
            Set<String> formats = new LinkedHashSet<>();
            formats.add(file.format());
            formats.addAll(file.innerFormats());
            for (String format : formats) {
                if (policy.deny().contains(format)) {
                    out.add(Effect.REJECT, ReasonCodes.format("deny"), model, null, file.path(),
                            "format " + format + " is on formats.deny");
                } else if (policy.review().contains(format)) {
                    out.add(Effect.REVIEW, ReasonCodes.format("review"), model, null, file.path(),
                            "format " + format + " is on formats.review");
                } else if (!policy.allow().isEmpty() && !policy.allow().contains(format)
                        && !SUPPORTING.contains(format)) {
                    out.add(Effect.REJECT, ReasonCodes.format("unlisted"), model, null, file.path(),
                            "format " + format + " is not on formats.allow");
                }
            }
        }
    }
}
