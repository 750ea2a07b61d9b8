package io.modelgate.scanner.archive.compress;

import java.util.List;
import java.util.Locale;

/** Names a decompressed payload after its container: {@code model.pkl.gz} holds {@code model.pkl}. */
final class PayloadNames {

    private record Suffix(String compressed, String payload) {
    }

    private static final List<Suffix> SUFFIXES = List.of(
            new Suffix(".tgz", ".tar"), new Suffix(".tbz2", ".tar"), new Suffix(".tbz", ".tar"),
            new Suffix(".txz", ".tar"), new Suffix(".tzst", ".tar"),
            new Suffix(".gzip", ""), new Suffix(".gz", ""), new Suffix(".bzip2", ""), new Suffix(".bz2", ""),
            new Suffix(".xz", ""), new Suffix(".lzma", ""), new Suffix(".zstd", ""), new Suffix(".zst", ""),
            new Suffix(".zlib", ""), new Suffix(".z", ""));

    private PayloadNames() {
    }

    static String payloadName(String containerName) {
        String base = containerName.substring(Math.max(containerName.lastIndexOf('/'),
                containerName.lastIndexOf('\\')) + 1);
        String lower = base.toLowerCase(Locale.ROOT);
        for (Suffix suffix : SUFFIXES) {
            if (lower.endsWith(suffix.compressed()) && base.length() > suffix.compressed().length()) {
                return base.substring(0, base.length() - suffix.compressed().length()) + suffix.payload();
            }
        }
        return (base.isEmpty() ? "stream" : base) + ".payload";
    }
}
