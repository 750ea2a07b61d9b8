package io.modelgate.fleet;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lists the model units under inventory roots on any Hadoop file system (the URI scheme picks the connector).
 * A folder that directly holds what a Hugging Face style model folder holds (a config, a tokenizer config, a model
 * card, safetensors weights) or is a Hugging Face cache entry ({@code blobs/} and {@code snapshots/}) or an
 * hf_xet cache ({@code chunk-cache/}, {@code shard-cache/}) is one unit
 * with everything under it; any other file is a unit of its own (a checkpoint, an archive, a software package);
 * other folders are walked further. {@code .git} and hidden folders are not walked into. The scanner then finds
 * every model inside each unit, as {@code modelgate scan} does.
 */
public final class UnitLister {

    /** Deepest folder level walked below a root looking for units. */
    static final int MAX_DEPTH = 16;

    private final Configuration conf;

    public UnitLister(Configuration conf) {
        this.conf = conf;
    }

    /** Every unit under the roots, each once (a unit under two overlapping roots is listed once). */
    public List<UnitSpec> list(List<String> roots) throws IOException {
        Map<String, UnitSpec> units = new LinkedHashMap<>();
        for (String root : roots) {
            Path rootPath = new Path(root);
            FileSystem fs = rootPath.getFileSystem(conf);
            Path qualified = fs.makeQualified(rootPath);
            FileStatus status = fs.getFileStatus(qualified);
            String rootUri = qualified.toString();
            if (status.isFile()) {
                units.putIfAbsent(rootUri, new UnitSpec(rootUri, rootUri, status.getLen(), 1));
            } else {
                walk(fs, qualified, rootUri, 0, units);
            }
        }
        return List.copyOf(units.values());
    }

    private static void walk(FileSystem fs, Path dir, String rootUri, int depth, Map<String, UnitSpec> units)
            throws IOException {
        FileStatus[] children = fs.listStatus(dir);
        Arrays.sort(children, Comparator.comparing(s -> s.getPath().getName()));
        if (isModelFolder(children)) {
            String uri = dir.toString();
            units.putIfAbsent(uri, folderUnit(fs, dir, uri, rootUri));
            return;
        }
        for (FileStatus child : children) {
            if (hidden(child.getPath())) {
                continue;
            }
            if (child.isFile()) {
                String uri = child.getPath().toString();
                units.putIfAbsent(uri, new UnitSpec(uri, rootUri, child.getLen(), 1));
            } else if (child.isDirectory() && depth < MAX_DEPTH) {
                walk(fs, child.getPath(), rootUri, depth + 1, units);
            }
        }
    }

    private static UnitSpec folderUnit(FileSystem fs, Path dir, String uri, String rootUri) throws IOException {
        long bytes = 0;
        int files = 0;
        RemoteIterator<LocatedFileStatus> all = fs.listFiles(dir, true);
        while (all.hasNext()) {
            LocatedFileStatus file = all.next();
            if (!file.getPath().toString().contains("/.git/")) {
                bytes += file.getLen();
                files++;
            }
        }
        return new UnitSpec(uri, rootUri, bytes, files);
    }

    /** Files that make a folder one model: the folder's files are read together (config, card, shards). */
    private static final Set<String> MODEL_FOLDER_FILES = Set.of("config.json", "adapter_config.json",
            "model_index.json", "params.json", "generation_config.json", "tokenizer.json", "tokenizer_config.json",
            "README.md", "modelgate.lock", "model.sig");

    private static boolean isModelFolder(FileStatus[] children) {
        Set<String> folders = new HashSet<>();
        for (FileStatus child : children) {
            String name = child.getPath().getName();
            if (child.isDirectory()) {
                folders.add(name);
            } else if (MODEL_FOLDER_FILES.contains(name) || name.endsWith(".safetensors")
                    || name.endsWith(".safetensors.index.json")) {
                return true;
            }
        }
        return folders.contains("blobs") && folders.contains("snapshots") || isXetCache(folders);
    }

    /**
     * hf_xet's cache for one endpoint ({@code xet/<endpoint>/} with {@code chunk-cache}, {@code shard-cache},
     * {@code staging}): thousands of small files no loader reads, scanned together rather than as a unit each.
     */
    private static boolean isXetCache(Set<String> folders) {
        return folders.contains("chunk-cache") || folders.contains("shard-cache");
    }

    private static boolean hidden(Path path) {
        return path.getName().startsWith(".");
    }
}
