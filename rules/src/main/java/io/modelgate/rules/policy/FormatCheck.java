package io.modelgate.rules.policy;

import io.modelgate.scanner.model.FileResult;
import io.modelgate.scanner.model.FileStatus;

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
            if (policy.maxFileSize() > 0 && file.size() > policy.maxFileSize()) {
                out.add(Effect.REJECT, ReasonCodes.FORMAT_MAX_FILE_SIZE, modelOfFile.get(file.path()), null,
                        file.path(), "file of " + file.size() + " bytes is larger than formats.maxFileSize ("
                                + policy.maxFileSize() + " bytes)");
            }
            if (file.status() == FileStatus.SKIPPED) {
                continue;
            }
            check(file, file.format(), policy, modelOfFile, out);
            for (String inner : file.innerFormats()) {
                if (!inner.equals(file.format())) {
                    check(file, inner, policy, modelOfFile, out);
                }
            }
        }
    }

    /**
     * One format of a file against the lists. The file's model is looked up only for a reason: a scan of many
     * files reports few, and the lookup in a map of every file was most of this check's time.
     */
    private static void check(FileResult file, String format, FormatPolicy policy, Map<String, String> modelOfFile,
                              Candidates out) {
        if (policy.deny().contains(format)) {
            out.add(Effect.REJECT, ReasonCodes.format("deny"), modelOfFile.get(file.path()), null, file.path(),
                    "format " + format + " is on formats.deny");
        } else if (policy.review().contains(format)) {
            out.add(Effect.REVIEW, ReasonCodes.format("review"), modelOfFile.get(file.path()), null, file.path(),
                    "format " + format + " is on formats.review");
        } else if (!policy.allow().isEmpty() && !policy.allow().contains(format) && !SUPPORTING.contains(format)) {
            out.add(Effect.REJECT, ReasonCodes.format("unlisted"), modelOfFile.get(file.path()), null, file.path(),
                    "format " + format + " is not on formats.allow");
        }
    }
}
