package io.modelgate.verification.integrity;

import io.modelgate.scanner.Limits;
import io.modelgate.scanner.ToolInfo;
import io.modelgate.scanner.folder.FileDigests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code modelgate lock}: records the digest manifest of a reviewed model folder. */
public final class LockWriter {

    private LockWriter() {
    }

    /** The lock of {@code folder}; {@code output} is left out of it when it lies inside the folder. */
    public static LockFile create(Path folder, Path output, int threads) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("not a folder: " + folder);
        }
        List<String> ignore = new ArrayList<>(LockFile.DEFAULT_IGNORE);
        Path out = output.toAbsolutePath().normalize();
        Path root = folder.toAbsolutePath().normalize();
        if (out.startsWith(root) && !ignore.contains(ModelTree.name(root, out))) {
            ignore.add(ModelTree.name(root, out));
        }
        IgnoredPaths ignored = IgnoredPaths.of(ignore);
        List<TreeEntry> entries = ModelTree.list(folder, ignored, Limits.defaults().maxEntries());
        return new LockFile(ignored.paths(), FileHashing.fingerprints(entries, FileDigests.none(), threads));
    }

    /** Writes the lock of {@code folder} to {@code output} and returns it. */
    public static LockFile write(Path folder, Path output, int threads) throws IOException {
        LockFile lock = create(folder, output, threads);
        Files.write(output, LockFileCodec.write(lock, "modelgate " + ToolInfo.version()));
        return lock;
    }
}
