package io.modelgate.scanner.xet;

import io.modelgate.scanner.io.ByteSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

/**
 * A Xet metadata shard ({@code *.mdb} in hf_xet's {@code shard-cache}, or its upload staging
 * {@code shard-session} and {@code xorb_metadata}): hashes and lengths mapping files to chunks, which
 * hf_xet reads to deduplicate uploads. Identified by its place, its name and the shard header tag.
 */
final class XetShardFile {

    static final Set<String> FOLDERS = Set.of("shard-cache", "shard_cache", "shard-session", "xorb_metadata",
            "xorb-metadata");

    /** The 32 bytes every shard file starts with: "HFRepoMetaData", a zero, then fixed magic bytes. */
    private static final byte[] HEADER_TAG = {
            'H', 'F', 'R', 'e', 'p', 'o', 'M', 'e', 't', 'a', 'D', 'a', 't', 'a', 0, 85, 105, 103, 69, 106, 123,
            (byte) 129, 87, (byte) 131, (byte) 165, (byte) 189, (byte) 217, 92, (byte) 205, (byte) 209, 74,
            (byte) 169};

    private XetShardFile() {
    }

    static boolean matches(Path file, ByteSource source) throws IOException {
        Path folder = file.getParent();
        return file.getFileName().toString().endsWith(".mdb") && folder != null && folder.getFileName() != null
                && FOLDERS.contains(folder.getFileName().toString())
                && Arrays.equals(source.prefix(HEADER_TAG.length), HEADER_TAG);
    }
}
