package io.modelgate.fleet;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Writes text files under the job's output folder, on whatever file system it is. */
final class OutputFiles {

    private final String out;
    private final Configuration conf;

    OutputFiles(String out, Configuration conf) {
        this.out = out;
        this.conf = conf;
    }

    /** Writes (replacing) {@code relative} under the output folder. */
    void write(String relative, String text) throws IOException {
        Path file = new Path(out, relative);
        FileSystem fs = file.getFileSystem(conf);
        try (FSDataOutputStream stream = fs.create(file, true)) {
            stream.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Removes {@code relative} (a folder with everything in it) when present. */
    void delete(String relative) throws IOException {
        Path path = new Path(out, relative);
        path.getFileSystem(conf).delete(path, true);
    }

    /** The file name of a unit's BOM: readable, unique per unit location, safe on every file system. */
    static String bomName(UnitSpec unit) {
        String readable = unit.relativePath().replaceAll("[^A-Za-z0-9._-]", "_");
        if (readable.length() > 100) {
            readable = readable.substring(0, 100);
        }
        return "boms/" + readable + "-" + ContentDigest.hex(unit.uri()).substring(0, 12) + ".cdx.json";
    }
}
