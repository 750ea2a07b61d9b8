package io.modelgate.verification.integrity;

import io.modelgate.scanner.digest.Sha256;
import io.modelgate.scanner.folder.FileDigests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SHA-256 of many files: digests the scan already computed are reused, the others are hashed in
 * parallel across files (SHA-256 of one file is inherently sequential).
 */
public final class FileHashing {

    private FileHashing() {
    }

    public static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /** Digest and size of each regular file entry; links are returned by target. */
    public static Map<String, Fingerprint> fingerprints(List<TreeEntry> entries, FileDigests known, int threads)
            throws IOException {
        List<Path> toHash = new ArrayList<>();
        for (TreeEntry entry : entries) {
            if (!entry.isLink() && known.sha256(entry.file()).isEmpty()) {
                toHash.add(entry.file());
            }
        }
        Map<Path, String> hashed = sha256(toHash, threads);
        Map<String, Fingerprint> result = new LinkedHashMap<>();
        for (TreeEntry entry : entries) {
            if (entry.isLink()) {
                result.put(entry.name(), Fingerprint.link(entry.linkTarget()));
            } else {
                String digest = known.sha256(entry.file()).orElseGet(() -> hashed.get(entry.file()));
                result.put(entry.name(), Fingerprint.file(digest, Files.size(entry.file())));
            }
        }
        return result;
    }

    /** SHA-256 of each file, hashed on up to {@code threads} threads. */
    public static Map<Path, String> sha256(List<Path> files, int threads) throws IOException {
        List<String> digests = ParallelIo.map(files, threads, Sha256::ofFile);
        Map<Path, String> result = new LinkedHashMap<>();
        for (int i = 0; i < files.size(); i++) {
            result.put(files.get(i), digests.get(i));
        }
        return result;
    }
}
