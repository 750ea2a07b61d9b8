package io.modelgate.scanner.integrity;

import io.modelgate.scanner.digest.Sha256;
import io.modelgate.scanner.folder.FileDigests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
        Map<Path, String> result = new LinkedHashMap<>();
        if (files.isEmpty()) {
            return result;
        }
        if (threads <= 1 || files.size() == 1) {
            for (Path file : files) {
                result.put(file, Sha256.ofFile(file));
            }
            return result;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, files.size()), r -> {
            Thread t = new Thread(r, "modelgate-hash");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (Path file : files) {
                futures.add(pool.submit(() -> {
                    try {
                        return Sha256.ofFile(file);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
            }
            for (int i = 0; i < files.size(); i++) {
                result.put(files.get(i), futures.get(i).get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("hashing interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof UncheckedIOException u ? u.getCause() : e.getCause();
            throw new IOException("cannot hash: " + cause.getMessage(), cause);
        } finally {
            pool.shutdownNow();
        }
        return result;
    }
}
