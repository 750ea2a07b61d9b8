package io.modelgate.scanner.digest;

import io.modelgate.scanner.concurrent.DaemonPools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * SHA-256 of large files started before the scan needs it, so that hashing overlaps the rest of start-up
 * (knowledge base, policy, class loading): on a model of gigabytes the digest is most of the scan's time.
 * A digest is handed over only for the very file it was started on (same file key, size and modification
 * time, checked again when it is taken); anything else, or any failure, and the scanner hashes the file itself.
 */
public final class DigestPrefetch {

    /** Smaller files are hashed in a moment by the scan itself. */
    static final long MIN_BYTES = 64L << 20;

    private record Identity(Object fileKey, long size, long modified) {
        static Optional<Identity> of(Path file) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                if (!attributes.isRegularFile()) {
                    return Optional.empty();
                }
                return Optional.of(new Identity(attributes.fileKey(), attributes.size(),
                        attributes.lastModifiedTime().toMillis()));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }
    }

    private record Pending(Identity identity, Future<String> digest) {
    }

    private final Map<Path, Pending> pending = new ConcurrentHashMap<>();

    /**
     * Starts hashing those of {@code files} that are regular files (links are not followed) of at least 64 MiB
     * and at most {@code maxBytes}, on up to {@code threads} daemon threads.
     */
    public static DigestPrefetch start(List<Path> files, long maxBytes, int threads) {
        DigestPrefetch prefetch = new DigestPrefetch();
        ExecutorService pool = null;
        for (Path file : files) {
            Optional<Identity> identity = Identity.of(file);
            if (identity.isEmpty() || identity.get().size() < MIN_BYTES || identity.get().size() > maxBytes) {
                continue;
            }
            if (pool == null) {
                pool = DaemonPools.fixed(Math.max(1, threads), "modelgate-digest");
            }
            prefetch.pending.put(key(file), new Pending(identity.get(), pool.submit(() -> Sha256.ofFile(file))));
        }
        if (pool != null) {
            pool.shutdown();
        }
        return prefetch;
    }

    /**
     * Nothing started: the scan hashes every file itself, except those a caller hashes first with
     * {@link #hashAndKeep} or {@link #keep}.
     */
    public static DigestPrefetch empty() {
        return new DigestPrefetch();
    }

    /** Whether no digest was started or kept at all. */
    public boolean isEmpty() {
        return pending.isEmpty();
    }

    /** Whether a digest was started or kept for {@code file} (the scan may then analyse it before taking it). */
    public boolean has(Path file) {
        return !pending.isEmpty() && pending.containsKey(key(file));
    }

    /**
     * Hashes {@code file} now, for a caller that needs its digest before the scan (a cache key), and keeps it
     * for the scan so the file is not read twice. The file's identity is taken before the read, so a file
     * changed while it was read is hashed again by the scan. Safe to call from several threads.
     */
    public String hashAndKeep(Path file) throws IOException {
        Optional<Identity> before = Identity.of(file);
        Pending known = pending.get(key(file));
        if (known != null && known.digest().isDone() && before.isPresent() && before.get().equals(known.identity())) {
            try {
                return known.digest().get();
            } catch (InterruptedException | ExecutionException e) {
                // hashed again below
            }
        }
        String digest = Sha256.ofFile(file);
        before.ifPresent(identity -> pending.put(key(file),
                new Pending(identity, CompletableFuture.completedFuture(digest))));
        return digest;
    }

    /**
     * Keeps a digest computed while the caller wrote {@code file} itself (a copy hashed as it was made), so
     * neither the cache key nor the scan reads it again.
     */
    public void keep(Path file, String digest) {
        Identity.of(file).ifPresent(identity -> pending.put(key(file),
                new Pending(identity, CompletableFuture.completedFuture(digest))));
    }

    /** The digest started for this file, if it is still the same file and the hashing succeeded. */
    public Optional<String> take(Path file) {
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        Pending started = pending.remove(key(file));
        if (started == null) {
            return Optional.empty();
        }
        try {
            String digest = started.digest().get();
            boolean same = Identity.of(file).map(now -> Objects.equals(now, started.identity())).orElse(false);
            return same ? Optional.of(digest) : Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.empty();
        }
    }

    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }
}
