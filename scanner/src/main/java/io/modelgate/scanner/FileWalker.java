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
 * is skipped. A link is reported; its target is read only when it stays inside the scanned root. Pipes,
 * devices and sockets are listed too, for the scanner to report without opening them.
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
                    found.add(link(file, realRoot));
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

    private static FileTarget link(Path link, Path realRoot) {
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
