package io.modelgate.scanner.xet;

import io.modelgate.scanner.io.ByteSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * One item of hf_xet's chunk cache, {@code chunk-cache/<2 letters>/<key>/<item>}: decompressed chunks of a
 * xorb (pieces of downloaded files) behind a header of chunk offsets, and named by the URL-safe base64 of
 * its chunk range, length and CRC-32. An item is identified only when its place, name, header, length and
 * checksum all agree, as hf_xet itself checks before it uses one.
 */
final class ChunkCacheItem {

    /** {@code chunk-cache} on disk; the Hugging Face documentation spells it {@code chunk_cache}. */
    static final Set<String> CACHE_FOLDERS = Set.of("chunk-cache", "chunk_cache");

    /** Range start and end (u32), file length (u64) and CRC-32 (u32), little-endian. */
    private static final int NAME_BYTES = 20;
    /** A key folder names the xorb's 32-byte hash followed by the key prefix (e.g. "default"). */
    private static final int XORB_HASH_BYTES = 32;
    private static final int PREFIX_FOLDER_LENGTH = 2;

    /** What a valid item's name says. */
    record Item(long firstChunk, long endChunk, long length) {
        long chunks() {
            return endChunk - firstChunk;
        }
    }

    private ChunkCacheItem() {
    }

    static Optional<Item> identify(Path file, ByteSource source) throws IOException {
        if (!inPlace(file)) {
            return Optional.empty();
        }
        Optional<byte[]> name = decode(file.getFileName().toString());
        if (name.isEmpty() || name.get().length != NAME_BYTES) {
            return Optional.empty();
        }
        ByteBuffer fields = ByteBuffer.wrap(name.get()).order(ByteOrder.LITTLE_ENDIAN);
        long start = Integer.toUnsignedLong(fields.getInt());
        long end = Integer.toUnsignedLong(fields.getInt());
        long length = fields.getLong();
        long crc = Integer.toUnsignedLong(fields.getInt());
        if (start >= end || length != source.size() || !headerFits(source, end - start + 1)) {
            return Optional.empty();
        }
        return checksum(source) == crc ? Optional.of(new Item(start, end, length)) : Optional.empty();
    }

    /** {@code <cache>/<first two letters of the key, any case>/<key>/<item>}, the key a xorb hash and prefix. */
    private static boolean inPlace(Path file) {
        Path key = file.getParent();
        Path prefix = key == null ? null : key.getParent();
        Path cache = prefix == null ? null : prefix.getParent();
        if (cache == null || cache.getFileName() == null || !CACHE_FOLDERS.contains(cache.getFileName().toString())) {
            return false;
        }
        String keyName = key.getFileName().toString();
        String prefixName = prefix.getFileName().toString();
        Optional<byte[]> keyBytes = decode(keyName);
        return prefixName.length() == PREFIX_FOLDER_LENGTH && keyName.length() > PREFIX_FOLDER_LENGTH
                && keyName.substring(0, PREFIX_FOLDER_LENGTH).toUpperCase(Locale.ROOT)
                .equals(prefixName.toUpperCase(Locale.ROOT))
                && keyBytes.isPresent() && keyBytes.get().length > XORB_HASH_BYTES;
    }

    private static Optional<byte[]> decode(String name) {
        if (name.isEmpty() || name.length() > 200) {
            return Optional.empty();
        }
        try {
            return Optional.of(Base64.getUrlDecoder().decode(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The header: the number of chunk offsets (one per chunk of the range, plus the end), then the offsets,
     * starting at 0 and strictly increasing, the last one the length of the data after the header.
     */
    private static boolean headerFits(ByteSource source, long offsets) throws IOException {
        long headerLength = 4 + 4 * offsets;
        if (source.size() < headerLength) {
            return false;
        }
        try (InputStream in = source.open()) {
            byte[] word = new byte[4];
            if (readWord(in, word) != offsets) {
                return false;
            }
            long previous = -1;
            for (long i = 0; i < offsets; i++) {
                long offset = readWord(in, word);
                if (offset < 0 || (i == 0 && offset != 0) || offset <= previous) {
                    return false;
                }
                previous = offset;
            }
            return headerLength + previous == source.size();
        }
    }

    /** The next little-endian u32, or -1 at the end of the stream. */
    private static long readWord(InputStream in, byte[] word) throws IOException {
        if (in.readNBytes(word, 0, 4) != 4) {
            return -1;
        }
        return Integer.toUnsignedLong(ByteBuffer.wrap(word).order(ByteOrder.LITTLE_ENDIAN).getInt());
    }

    private static long checksum(ByteSource source) throws IOException {
        CRC32 crc = new CRC32();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = source.open()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                crc.update(buffer, 0, n);
            }
        }
        return crc.getValue();
    }
}
