package io.modelgate.verification.integrity;

import io.modelgate.scanner.io.LimitExceededException;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Lists the files of a model folder recursively, in name order, without following links. */
public final class ModelTree {

    private ModelTree() {
    }

    /**
     * @param maxEntries most entries listed; a larger folder fails rather than exhausting memory
     */
    public static List<TreeEntry> list(Path root, IgnoredPaths ignored, int maxEntries) throws IOException {
        return list(root, ignored, maxEntries, new ArrayList<>());
    }

    /**
     * As {@link #list(Path, IgnoredPaths, int)}, adding to {@code special} the names of entries that are
     * neither files, folders nor links (FIFOs, devices, sockets), which model_signing refuses to hash.
     */
    public static List<TreeEntry> list(Path root, IgnoredPaths ignored, int maxEntries, List<String> special)
            throws IOException {
        List<TreeEntry> entries = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return dir.equals(root) || !ignored.matches(name(root, dir))
                        ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String name = readableName(root, file);
                if (ignored.matches(name)) {
                    return FileVisitResult.CONTINUE;
                }
                if (!(attrs.isRegularFile() || attrs.isSymbolicLink())) {
                    if (attrs.isOther()) {
                        special.add(name);
                    }
                    return FileVisitResult.CONTINUE;
                }
                if (entries.size() >= maxEntries) {
                    throw new LimitExceededException("folder has more than " + maxEntries + " files");
                }
                entries.add(new TreeEntry(name, file,
                        attrs.isSymbolicLink() ? Files.readSymbolicLink(file).toString().replace('\\', '/') : null));
                return FileVisitResult.CONTINUE;
            }
        });
        entries.sort(Comparator.comparing(TreeEntry::name));
        return entries;
    }

    /**
     * The entry's name, refusing one that could not be decoded: Java decodes file names with the locale's
     * charset, so without a UTF-8 locale non-ASCII bytes all become U+FFFD, and names that are not UTF-8
     * do too. Recording such a name would garble it and let two different files collide.
     */
    static String readableName(Path root, Path file) throws IOException {
        String name = name(root, file);
        if (name.indexOf('\uFFFD') >= 0) {
            String charset = System.getProperty("sun.jnu.encoding", "?");
            throw new IOException("cannot record the name of " + name + ": "
                    + (charset.equalsIgnoreCase("UTF-8")
                    ? "it is not valid UTF-8 (rename the file)"
                    : "file names are decoded as " + charset + "; run with a UTF-8 locale, e.g. LANG=C.UTF-8"));
        }
        return name;
    }

    static String name(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }
}
