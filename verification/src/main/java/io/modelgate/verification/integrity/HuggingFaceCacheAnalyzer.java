package io.modelgate.verification.integrity;

import io.modelgate.scanner.folder.FolderAnalyzer;
import io.modelgate.scanner.folder.FolderContext;
import io.modelgate.scanner.folder.FolderView;
import io.modelgate.scanner.model.FileResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The Hugging Face hub cache ({@code models--org--name/blobs}, {@code snapshots/<rev>/}): large (LFS)
 * files are stored as blobs named by their SHA-256, and snapshot entries link to them. Each blob's
 * content must hash to its name; a snapshot link is checked against the blob name it points to.
 */
public final class HuggingFaceCacheAnalyzer implements FolderAnalyzer {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern REPO_FOLDER = Pattern.compile("(models|datasets|spaces)--.+");

    @Override
    public void analyze(FolderView folder, FolderContext context) throws IOException {
        if (isBlobsFolder(folder.directory())) {
            checkBlobs(folder, context);
        } else if (insideSnapshot(folder.directory())) {
            checkSnapshotLinks(folder, context);
        }
    }

    private static boolean isBlobsFolder(Path dir) {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        Path parent = dir.toAbsolutePath().normalize().getParent();
        return name != null && name.toString().equals("blobs") && parent != null && parent.getFileName() != null
                && REPO_FOLDER.matcher(parent.getFileName().toString()).matches();
    }

    private static boolean insideSnapshot(Path dir) {
        Path d = dir.toAbsolutePath().normalize();
        while (d != null && d.getParent() != null) {
            Path parent = d.getParent();
            if (parent.getFileName() != null && parent.getFileName().toString().equals("snapshots")
                    && parent.getParent() != null && parent.getParent().getFileName() != null
                    && REPO_FOLDER.matcher(parent.getParent().getFileName().toString()).matches()) {
                return true;
            }
            d = parent;
        }
        return false;
    }

    private static void checkBlobs(FolderView folder, FolderContext context) throws IOException {
        ExpectedDigestCheck check = new ExpectedDigestCheck(context, "huggingface-cache-blob");
        for (FileResult file : folder.files()) {
            String name = folder.nameOf(file);
            Path blob = folder.directory().resolve(name);
            if (SHA256.matcher(name).matches() && file.sha256() != null) {
                check.compare(file.path(), "sha256", name, file.sha256(), "Hugging Face cache blob name");
            } else if (GitBlobId.SHA1.matcher(name).matches() && Files.isRegularFile(blob)
                    && Files.size(blob) <= GitBlobId.MAX_BYTES) {
                check.compare(file.path(), "git-sha1", name, GitBlobId.of(blob), "Hugging Face cache blob name");
            }
        }
        check.finish(folder.displayPath());
    }

    private static void checkSnapshotLinks(FolderView folder, FolderContext context) throws IOException {
        ExpectedDigestCheck check = new ExpectedDigestCheck(context, "huggingface-cache-snapshot");
        for (FileResult file : folder.files()) {
            Path entry = folder.directory().resolve(folder.nameOf(file));
            if (!Files.isSymbolicLink(entry) || file.sha256() == null) {
                continue;
            }
            Path target = Files.readSymbolicLink(entry).getFileName();
            if (target != null && SHA256.matcher(target.toString()).matches()) {
                check.compare(file.path(), "sha256", target.toString(), file.sha256(),
                        "snapshot link to cache blob " + target);
            } else if (target != null && GitBlobId.SHA1.matcher(target.toString()).matches()
                    && Files.isRegularFile(entry) && Files.size(entry) <= GitBlobId.MAX_BYTES) {
                // Small (non-LFS) files are stored under their git blob id.
                check.compare(file.path(), "git-sha1", target.toString(), GitBlobId.of(entry),
                        "snapshot link to cache blob " + target);
            }
        }
        check.finish(folder.displayPath());
    }
}
