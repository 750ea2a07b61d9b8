package io.modelgate.fleet;

import io.modelgate.scanner.digest.DigestPrefetch;
import io.modelgate.scanner.digest.Sha256;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * A unit made available as a local path for the scanner: a unit on the local file system is scanned where it
 * is; one on any other file system (HDFS, S3A, ABFS, GCS) is copied to a private temporary folder of bounded
 * size, deleted when closed.
 */
final class UnitStage implements AutoCloseable {

    private final Path local;
    private final Path temporary;

    private UnitStage(Path local, Path temporary) {
        this.local = local;
        this.temporary = temporary;
    }

    Path local() {
        return local;
    }

    /**
     * @param maxBytes most bytes copied (the actual bytes, not the listed size); a larger unit is refused
     * @param stageDir where copies go
     * @param kept     receives the SHA-256 of each file copied, computed during the copy
     */
    static UnitStage of(UnitSpec unit, Configuration conf, long maxBytes, Path stageDir, DigestPrefetch kept)
            throws IOException {
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(unit.uri());
        if ("file".equals(path.toUri().getScheme())) {
            Path local = Paths.get(path.toUri().getPath());
            if (!Files.exists(local, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException("the unit is no longer there");
            }
            return new UnitStage(local, null);
        }
        if (unit.bytes() > maxBytes) {
            throw new ContentDigest.UnitTooLargeException("unit of " + unit.bytes() + " bytes is larger than the "
                    + "local copy limit of " + maxBytes + " bytes");
        }
        Files.createDirectories(stageDir);
        if (Files.getFileStore(stageDir).getUsableSpace() < unit.bytes() * 2) {
            // the scanner may expand archive members next to the copy
            throw new IOException("not enough local disk to copy the unit (" + unit.bytes() + " bytes)");
        }
        Path temporary = Files.createTempDirectory(stageDir, "unit-");
        UnitStage stage = new UnitStage(temporary.resolve(safeName(path.getName())), temporary);
        try {
            copy(path.getFileSystem(conf), path, stage.local, maxBytes, kept);
            return stage;
        } catch (IOException | RuntimeException e) {
            stage.close();
            throw e;
        }
    }

    private static void copy(FileSystem fs, org.apache.hadoop.fs.Path source, Path target, long maxBytes,
                             DigestPrefetch kept) throws IOException {
        FileStatus status = fs.getFileStatus(source);
        long[] copied = {0};
        if (status.isFile()) {
            copyFile(fs, source, target, copied, maxBytes, kept);
            return;
        }
        String prefix = source.toUri().getPath() + "/";
        RemoteIterator<LocatedFileStatus> files = fs.listFiles(source, true);
        while (files.hasNext()) {
            org.apache.hadoop.fs.Path file = files.next().getPath();
            String relative = file.toUri().getPath().substring(prefix.length());
            if (relative.startsWith(".git/") || relative.contains("/.git/")) {
                continue;
            }
            Path local = target.resolve(relative).normalize();
            if (!local.startsWith(target)) {
                throw new IOException("unit holds a file name that leaves its folder");
            }
            copyFile(fs, file, local, copied, maxBytes, kept);
        }
    }

    private static void copyFile(FileSystem fs, org.apache.hadoop.fs.Path source, Path target, long[] copied,
                                 long maxBytes, DigestPrefetch kept) throws IOException {
        Files.createDirectories(target.getParent());
        byte[] buffer = new byte[1 << 20];
        // Hashed as it is copied: the cache key and the scan then take the digest instead of reading the copy.
        MessageDigest sha256 = Sha256.newDigest();
        try (FSDataInputStream in = fs.open(source); OutputStream out = Files.newOutputStream(target)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                copied[0] += n;
                if (copied[0] > maxBytes) {
                    throw new ContentDigest.UnitTooLargeException("unit larger than the local copy limit of "
                            + maxBytes + " bytes");
                }
                out.write(buffer, 0, n);
                sha256.update(buffer, 0, n);
            }
        }
        kept.keep(target, HexFormat.of().formatHex(sha256.digest()));
    }

    private static String safeName(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.isEmpty() || safe.equals(".") || safe.equals("..") ? "unit" : safe;
    }

    @Override
    public void close() throws IOException {
        if (temporary == null) {
            return;
        }
        try (Stream<Path> all = Files.walk(temporary)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
