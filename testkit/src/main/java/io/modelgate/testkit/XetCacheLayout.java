package io.modelgate.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Writes hf_xet's cache as xet-core lays it out on disk (HF_XET_CACHE/&lt;endpoint tag&gt;/chunk-cache,
 * shard-cache, staging/shard-session): a chunk cache item is a header (the count of chunk offsets, then the
 * offsets, little-endian u32) and the chunks, in {@code <2 letters>/<key>/} where the key is the URL-safe
 * base64 of the xorb hash and the key prefix, and named by the URL-safe base64 of its range, length and CRC-32.
 */
public final class XetCacheLayout {

    /** What hf_xet names the folder for the public Hub endpoint (the endpoint's first 16 characters, a hash). */
    public static final String ENDPOINT_TAG = "https___cas_serv-tGqkUaZf_CBPHQ6h";
    /** The start of every shard file. */
    public static final byte[] SHARD_TAG = {
            'H', 'F', 'R', 'e', 'p', 'o', 'M', 'e', 't', 'a', 'D', 'a', 't', 'a', 0, 85, 105, 103, 69, 106, 123,
            (byte) 129, 87, (byte) 131, (byte) 165, (byte) 189, (byte) 217, 92, (byte) 205, (byte) 209, 74,
            (byte) 169};

    private XetCacheLayout() {
    }

    /** The bytes of an item holding {@code chunks}. */
    public static byte[] itemBytes(List<byte[]> chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(u32(chunks.size() + 1));
        int offset = 0;
        out.writeBytes(u32(offset));
        for (byte[] chunk : chunks) {
            offset += chunk.length;
            out.writeBytes(u32(offset));
        }
        chunks.forEach(out::writeBytes);
        return out.toByteArray();
    }

    /** The item's file name: range [first, first + chunks), length and CRC-32 of {@code bytes}. */
    public static String itemName(int firstChunk, int chunks, byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        ByteBuffer name = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN);
        name.putInt(firstChunk).putInt(firstChunk + chunks).putLong(bytes.length).putInt((int) crc.getValue());
        return Base64.getUrlEncoder().encodeToString(name.array());
    }

    /** The folder of the xorb {@code hash} (32 bytes) under the prefix "default", inside {@code chunkCache}. */
    public static Path keyFolder(Path chunkCache, byte[] hash) throws IOException {
        byte[] prefix = "default".getBytes(StandardCharsets.UTF_8);
        byte[] key = new byte[hash.length + prefix.length];
        System.arraycopy(hash, 0, key, 0, hash.length);
        System.arraycopy(prefix, 0, key, hash.length, prefix.length);
        String name = Base64.getUrlEncoder().encodeToString(key);
        return Files.createDirectories(chunkCache.resolve(name.substring(0, 2)).resolve(name));
    }

    /** Writes an item of {@code chunks} of xorb {@code hash} starting at chunk {@code firstChunk}. */
    public static Path item(Path chunkCache, byte[] hash, int firstChunk, List<byte[]> chunks) throws IOException {
        byte[] bytes = itemBytes(chunks);
        return Files.write(keyFolder(chunkCache, hash).resolve(itemName(firstChunk, chunks.size(), bytes)), bytes);
    }

    /** A shard file: the header tag, version 2, a footer size, then {@code body}. */
    public static Path shard(Path folder, String hexName, byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(SHARD_TAG);
        out.writeBytes(ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(2).putLong(200).array());
        out.writeBytes(body);
        return Files.write(Files.createDirectories(folder).resolve(hexName + ".mdb"), out.toByteArray());
    }

    private static byte[] u32(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
    }
}
