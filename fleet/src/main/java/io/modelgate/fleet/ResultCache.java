package io.modelgate.fleet;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.UUID;

/**
 * Results already computed, one JSON file per key under the cache folder (on any Hadoop file system). The key
 * covers the unit's content digest, the ModelGate version and the policy version, so a result is reused only
 * when nothing it was computed from has changed. Entries are written under a temporary name and renamed, so a
 * reader never sees half an entry; an unreadable entry is a miss.
 */
final class ResultCache {

    /** What is kept per key: the row and the unit's BOM. */
    record Entry(UnitRow row, String bom) {
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** Entries larger than this are not read back (a BOM of a huge unit is still far smaller). */
    private static final long MAX_ENTRY_BYTES = 256L * 1024 * 1024;

    private final Path folder;
    private final Configuration conf;

    ResultCache(String folder, Configuration conf) {
        this.folder = new Path(folder);
        this.conf = conf;
    }

    static String key(String contentDigest, String toolVersion, String policyVersion) {
        return ContentDigest.hex(contentDigest + "\n" + toolVersion + "\n" + policyVersion);
    }

    Optional<Entry> read(String key) {
        Path file = new Path(folder, key + ".json");
        try {
            FileSystem fs = file.getFileSystem(conf);
            if (!fs.exists(file) || fs.getFileStatus(file).getLen() > MAX_ENTRY_BYTES) {
                return Optional.empty();
            }
            try (InputStream in = fs.open(file)) {
                Entry entry = JSON.readValue(in, Entry.class);
                return entry.row() == null ? Optional.empty() : Optional.of(entry);
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    void write(String key, Entry entry) throws IOException {
        Path target = new Path(folder, key + ".json");
        Path temporary = new Path(folder, "." + key + "." + UUID.randomUUID() + ".tmp");
        FileSystem fs = target.getFileSystem(conf);
        try (FSDataOutputStream out = fs.create(temporary, true)) {
            JSON.writeValue((java.io.OutputStream) out, entry);
        }
        // two units with the same content may finish together: either entry is right
        if (!fs.rename(temporary, target)) {
            fs.delete(temporary, false);
        }
    }
}
