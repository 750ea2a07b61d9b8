package io.modelgate.scanner.xet;

import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Files of hf_xet's cache (HF_XET_CACHE, by default {@code ~/.cache/huggingface/xet}), which no model loader
 * reads: hf_xet rebuilds downloaded files from them into the hub cache's {@code blobs/}, where they are
 * analysed and checked against their names. Only a file positively identified is one; anything else there
 * is scanned like any file.
 */
public final class XetCacheFiles {

    /** A file's identity in the Xet cache: its format and what to record about it. */
    public record Identified(ModelFormat format, String description) {
    }

    private XetCacheFiles() {
    }

    /** What {@code file} (on disk, {@code source} its bytes) is in the Xet cache, if it is one of its files. */
    public static Optional<Identified> identify(Path file, ByteSource source) throws IOException {
        if (file.getFileName() == null) {
            return Optional.empty();
        }
        Optional<ChunkCacheItem.Item> item = ChunkCacheItem.identify(file, source);
        if (item.isPresent()) {
            return Optional.of(new Identified(ModelFormat.XET_CHUNK_CACHE, "hf_xet chunk cache item: "
                    + item.get().chunks() + " chunk(s) of a xorb, checksum verified; pieces of downloaded files, "
                    + "which no model loader reads (the files rebuilt from them are checked in the hub cache)"));
        }
        if (XetShardFile.matches(file, source)) {
            return Optional.of(new Identified(ModelFormat.XET_SHARD,
                    "Xet metadata shard: hashes mapping files to chunks, which no model loader reads"));
        }
        return Optional.empty();
    }
}
