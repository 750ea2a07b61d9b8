package io.modelgate.verification.integrity;

import io.modelgate.scanner.digest.Sha256;
import io.modelgate.scanner.folder.FolderAnalyzer;
import io.modelgate.scanner.folder.FolderContext;
import io.modelgate.scanner.folder.FolderView;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A local download by huggingface_hub ({@code hf_hub_download(local_dir=...)}) leaves
 * {@code .cache/huggingface/download/<path>.metadata}: the commit, the file's etag and a timestamp.
 * The etag of an LFS file is its SHA-256; that of a small git file is its git blob SHA-1. Both are
 * checked against the downloaded file.
 */
public final class DownloadMetadataAnalyzer implements FolderAnalyzer {

    private static final Path METADATA_DIR = Path.of(".cache", "huggingface", "download");
    private static final String SUFFIX = ".metadata";
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    /** Metadata files are three short lines. */
    private static final long MAX_METADATA_BYTES = 4096;

    @Override
    public void analyze(FolderView folder, FolderContext context) throws IOException {
        Path metadataRoot = folder.directory().resolve(METADATA_DIR);
        if (!Files.isDirectory(metadataRoot, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        ExpectedDigestCheck check = new ExpectedDigestCheck(context, "huggingface-download-metadata");
        for (TreeEntry entry : ModelTree.list(metadataRoot, IgnoredPaths.of(List.of()), context.limits().maxEntries())) {
            if (entry.isLink() || !entry.name().endsWith(SUFFIX) || Files.size(entry.file()) > MAX_METADATA_BYTES) {
                continue;
            }
            String name = entry.name().substring(0, entry.name().length() - SUFFIX.length());
            Path file = folder.directory().resolve(name);
            if (name.isEmpty() || !Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            List<String> lines = Files.readAllLines(entry.file(), StandardCharsets.UTF_8);
            if (lines.size() < 2) {
                continue;
            }
            String etag = lines.get(1).trim().replace("\"", "").toLowerCase(java.util.Locale.ROOT);
            String source = "huggingface_hub download metadata (commit " + lines.get(0).trim() + ")";
            String shown = folder.childPath(name);
            if (SHA256.matcher(etag).matches()) {
                String actual = context.digests().sha256(file).orElse(null);
                check.compare(shown, "sha256", etag, actual != null ? actual : Sha256.ofFile(file), source);
            } else if (GitBlobId.SHA1.matcher(etag).matches() && Files.size(file) <= GitBlobId.MAX_BYTES) {
                check.compare(shown, "git-sha1", etag, GitBlobId.of(file), source);
            }
        }
        check.finish(folder.childPath(METADATA_DIR.toString().replace('\\', '/')));
    }
}
