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
 * @param digests resource name to digest
 * @param links   entries that are not hashed, each with why: links not followed (not allowed, broken, to a
 *                folder) and special files (FIFOs, devices, sockets), which the reference refuses
 * @param notes   what is worth knowing about links that were followed (one leaving the folder)
 */
public record LocalManifest(Map<String, Fingerprint> digests, Map<String, String> links, List<String> notes) {

    /** Paths model_signing leaves out by default (git metadata). */
    public static final List<String> GIT_PATHS = List.of(".git", ".gitattributes", ".github", ".gitignore");

    /**
     * What the verifier leaves out: the paths the statement records, git metadata, the signature itself,
     * and the paths given on the command line that lie inside the folder (others are dropped, as by the
     * reference).
     */
    public static IgnoredPaths ignored(ModelStatement statement, String signatureName, Path folder,
                                       List<Path> given) {
        List<String> ignore = new ArrayList<>(statement.ignorePaths());
        ignore.addAll(GIT_PATHS);
        ignore.add(signatureName);
        ignore.addAll(inside(folder, given));
        return IgnoredPaths.of(ignore);
    }

    /** The given paths (absolute or relative to the working folder) that lie in {@code folder}, relative to it. */
    public static List<String> inside(Path folder, List<Path> given) {
        Path base = folder.toAbsolutePath().normalize();
        List<String> names = new ArrayList<>();
        for (Path path : given) {
            Path absolute = path.toAbsolutePath().normalize();
            if (absolute.startsWith(base) && !absolute.equals(base)) {
                names.add(base.relativize(absolute).toString().replace('\\', '/'));
            }
        }
        return names;
    }

    public static LocalManifest compute(Path root, ModelStatement statement, IgnoredPaths ignored, FileDigests known,
                                        int maxEntries, int threads) throws IOException {
        Map<String, Path> files = new LinkedHashMap<>();
        Map<String, String> links = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        Path realRoot = root.toRealPath();
        List<String> special = new ArrayList<>();
        for (TreeEntry entry : ModelTree.list(root, ignored, maxEntries, special)) {
            String why = entry.isLink() ? linkProblem(entry, statement, realRoot, notes) : null;
            if (why == null) {
                files.put(entry.name(), entry.file());
            } else {
                links.put(entry.name(), why);
            }
        }
        for (String name : special) {
            links.put(name, "special file (FIFO, device or socket): model_signing cannot hash it");
        }
        return new LocalManifest(hash(files, statement, known, threads), links, notes);
    }

    /** The manifest of one file signed on its own: its resource is named {@code .}. */
    public static LocalManifest computeFile(TreeEntry file, ModelStatement statement, Path realRoot,
                                            FileDigests known, int threads) throws IOException {
        List<String> notes = new ArrayList<>();
        String why = file.isLink() ? linkProblem(file, statement, realRoot, notes) : null;
        if (why != null) {
            return new LocalManifest(Map.of(), Map.of(file.name(), why), notes);
        }
        return new LocalManifest(hash(Map.of(".", file.file()), statement, known, threads), Map.of(), notes);
    }

    /** Why a link is not hashed, or null when it is followed (the signature allows links to files). */
    private static String linkProblem(TreeEntry entry, ModelStatement statement, Path realRoot, List<String> notes)
            throws IOException {
        if (!statement.allowSymlinks()) {
            return "symbolic link (to " + entry.linkTarget() + ") in a model signed without allow_symlinks";
        }
        if (!Files.exists(entry.file())) {
            return "broken symbolic link (to " + entry.linkTarget() + "): the signed file cannot be read";
        }
        if (!Files.isRegularFile(entry.file())) {
            return "symbolic link to something other than a file (" + entry.linkTarget() + ")";
        }
        Path target = entry.file().toRealPath();
        if (!target.startsWith(realRoot)) {
            notes.add("link " + entry.name() + " leads outside the model folder (to " + entry.linkTarget()
                    + "); as the signature allows links, its target is hashed, but a scan does not analyse files "
                    + "outside the scanned folder");
        }
        return null;
    }

    private static Map<String, Fingerprint> hash(Map<String, Path> files, ModelStatement statement,
                                                 FileDigests known, int threads) throws IOException {
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
        return hashAll(tasks, statement, known, threads);
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
