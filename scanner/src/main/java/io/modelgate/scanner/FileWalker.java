package io.modelgate.scanner;

import io.modelgate.scanner.analysis.CoreRules;
import io.modelgate.scanner.model.ArtifactPath;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.Location;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists the files under the given roots. Folders are walked without following links; {@code .git}
 * is skipped. A link is reported; its target is read only when it stays inside the scanned root or, in
 * a Hugging Face hub cache snapshot, leads to a blob of the repository's blob store. Pipes, devices and
 * sockets are listed too, for the scanner to report without opening them.
 */
final class FileWalker {

    List<FileTarget> walk(List<Path> roots) throws IOException {
        List<FileTarget> targets = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.exists(root)) {
                throw new IllegalArgumentException("no such file or folder: " + root);
            }
            if (Files.isDirectory(root)) {
                walkFolder(root, targets);
            } else {
                targets.add(new FileTarget(root, display(root), List.of(), false));
            }
        }
        return targets;
    }

    private static String display(Path path) {
        return path.toString().replace('\\', '/');
    }

    private void walkFolder(Path root, List<FileTarget> targets) throws IOException {
        Path realRoot = root.toRealPath();
        Path blobStore = huggingFaceBlobStore(realRoot);
        List<FileTarget> found = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(root) && dir.getFileName().toString().equals(".git")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (!UnmappableNames.roundTrips(dir)) {
                    found.add(UnmappableNames.target(dir, display(dir), true));
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (!UnmappableNames.roundTrips(file)) {
                    found.add(UnmappableNames.target(file, display(file), false));
                } else if (attrs.isSymbolicLink()) {
                    found.add(link(file, realRoot, blobStore));
                } else if (attrs.isRegularFile() || attrs.isOther()) {
                    // pipes, devices and sockets are listed so the scan reports them; they are never opened
                    found.add(new FileTarget(file, display(file), List.of(), true));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                found.add(new FileTarget(file, display(file), List.of(), true));
                return FileVisitResult.CONTINUE;
            }
        });
        found.sort((a, b) -> a.displayPath().compareTo(b.displayPath()));
        targets.addAll(found);
    }

    /** The repository folder names of the Hugging Face hub cache: models--org--name and the like. */
    private static final java.util.regex.Pattern HUB_REPO = java.util.regex.Pattern.compile(
            "(models|datasets|spaces)--.+");

    /**
     * For a folder inside a Hugging Face hub cache snapshot ({@code <repo>/snapshots/<rev>/...}), the
     * repository's blob store its links lead to (what {@code snapshot_download()} returns is such a
     * folder of links); null otherwise.
     */
    static Path huggingFaceBlobStore(Path realRoot) {
        for (Path dir = realRoot; dir != null && dir.getParent() != null; dir = dir.getParent()) {
            Path parent = dir.getParent();
            if (parent.getFileName() != null && parent.getFileName().toString().equals("snapshots")
                    && parent.getParent() != null && parent.getParent().getFileName() != null
                    && HUB_REPO.matcher(parent.getParent().getFileName().toString()).matches()) {
                Path blobs = parent.getParent().resolve("blobs");
                return Files.isDirectory(blobs, LinkOption.NOFOLLOW_LINKS) ? blobs : null;
            }
        }
        return null;
    }

    private static FileTarget link(Path link, Path realRoot, Path blobStore) {
        String shown = display(link);
        Location where = Location.of(ArtifactPath.of(shown));
        String target;
        try {
            target = Files.readSymbolicLink(link).toString();
        } catch (IOException | UnsupportedOperationException e) {
            target = "?";
        }
        Path real;
        try {
            real = link.toRealPath();
        } catch (IOException e) {
            return FileTarget.linked(null, shown, List.of(Finding.of(CoreRules.SYMLINK, where, target,
                    "Link to '" + target + "' does not resolve (dangling link); a loader would fail or read "
                            + "whatever appears there later.")));
        }
        if (blobStore != null && !real.startsWith(realRoot) && real.getParent() != null
                && real.getParent().equals(blobStore) && Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
            return FileTarget.linked(real, shown, List.of(Finding.of(CoreRules.SYMLINK, where, target,
                    "Link into the Hugging Face cache's blob store (" + blobStore.getParent().getFileName()
                            + "/blobs), as snapshot_download() lays files out; the blob's bytes were scanned "
                            + "under this name.")));
        }
        if (!real.startsWith(realRoot)) {
            return FileTarget.linked(null, shown, List.of(Finding.of(CoreRules.SYMLINK_ESCAPE, where, target,
                    "Link to '" + target + "' resolves to " + real + ", outside the scanned folder; not followed.")));
        }
        if (Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) {
            return FileTarget.linked(null, shown, List.of(Finding.of(CoreRules.SYMLINK, where, target,
                    "Link to folder '" + target + "' inside the scanned folder; its files are scanned where they live.")));
        }
        return FileTarget.linked(real, shown, List.of(Finding.of(CoreRules.SYMLINK, where, target,
                "Link to '" + target + "' inside the scanned folder; the target's bytes were scanned under this name.")));
    }
}
