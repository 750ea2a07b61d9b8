package io.modelgate.verification.signing;

import io.modelgate.scanner.folder.FileDigests;
import io.modelgate.verification.integrity.Fingerprint;
import io.modelgate.verification.integrity.IgnoredPaths;
import io.modelgate.verification.integrity.ModelTree;
import io.modelgate.verification.integrity.ParallelIo;
import io.modelgate.verification.integrity.TreeEntry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Re-hashes a model folder the way a model_signing statement says it was serialised, so the two
 * manifests can be compared name by name. Files (or shards) are hashed in parallel; digests the scan
 * already has are reused for whole-file SHA-256.
 *
 * @param digests        resource name to digest
 * @param forbiddenLinks links found although the signature does not allow them
 */
public record LocalManifest(Map<String, Fingerprint> digests, List<String> forbiddenLinks) {

    /** Paths model_signing leaves out by default (git metadata). */
    public static final List<String> GIT_PATHS = List.of(".git", ".gitattributes", ".github", ".gitignore");

    public static IgnoredPaths ignored(ModelStatement statement, String signatureName) {
        List<String> ignore = new ArrayList<>(statement.ignorePaths());
        ignore.addAll(GIT_PATHS);
        ignore.add(signatureName);
        return IgnoredPaths.of(ignore);
    }

    public static LocalManifest compute(Path root, ModelStatement statement, IgnoredPaths ignored, FileDigests known,
                                        int maxEntries, int threads) throws IOException {
        List<TreeEntry> entries = ModelTree.list(root, ignored, maxEntries);
        List<String> forbidden = new ArrayList<>();
        Map<String, Path> files = new LinkedHashMap<>();
        Path realRoot = root.toRealPath();
        for (TreeEntry entry : entries) {
            if (!entry.isLink()) {
                files.put(entry.name(), entry.file());
            } else if (!statement.allowSymlinks() || !Files.isRegularFile(entry.file())
                    || !entry.file().toRealPath().startsWith(realRoot)) {
                forbidden.add(entry.name());
            } else {
                files.put(entry.name(), entry.file());
            }
        }
        List<Task> tasks = new ArrayList<>();
        for (Map.Entry<String, Path> f : files.entrySet()) {
            long size = Files.size(f.getValue());
            if (statement.method().equals("files")) {
                tasks.add(new Task(f.getKey(), f.getValue(), 0, size));
            } else {
                for (long start = 0; start < size; start += statement.shardSize()) {
                    long end = Math.min(size, start + statement.shardSize());
                    tasks.add(new Task(f.getKey() + ":" + start + ":" + end, f.getValue(), start, end - start));
                }
            }
        }
        return new LocalManifest(hashAll(tasks, statement, known, threads), forbidden);
    }

    private record Task(String name, Path file, long offset, long length) {
    }

    private static Map<String, Fingerprint> hashAll(List<Task> tasks, ModelStatement statement, FileDigests known,
                                                    int threads) throws IOException {
        boolean wholeSha256 = statement.method().equals("files") && statement.hashType().equals("sha256");
        List<String> digests = ParallelIo.map(tasks, threads, task -> {
            var already = wholeSha256 ? known.sha256(task.file()) : java.util.Optional.<String>empty();
            return already.isPresent() ? already.get()
                    : ResourceHasher.hash(statement.hashType(), task.file(), task.offset(), task.length());
        });
        Map<String, Fingerprint> result = new LinkedHashMap<>();
        for (int i = 0; i < tasks.size(); i++) {
            result.put(tasks.get(i).name(), Fingerprint.file(digests.get(i), -1));
        }
        return result;
    }

    /** The file a resource name refers to ({@code path:start:end} for shards). */
    public static String fileOf(String resourceName, String method) {
        if (!method.equals("shards")) {
            return resourceName;
        }
        int last = resourceName.lastIndexOf(':');
        int before = last > 0 ? resourceName.lastIndexOf(':', last - 1) : -1;
        return before > 0 ? resourceName.substring(0, before) : resourceName;
    }
}
