package io.modelgate.scanner.safetensors;

import io.modelgate.scanner.analysis.Deadline;
import io.modelgate.scanner.folder.FolderAnalyzer;
import io.modelgate.scanner.folder.FolderContext;
import io.modelgate.scanner.folder.FolderView;
import io.modelgate.scanner.io.FileByteSource;
import io.modelgate.scanner.io.LimitExceededException;
import io.modelgate.scanner.model.ArtifactPath;
import io.modelgate.scanner.model.FileResult;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.Location;
import io.modelgate.scanner.model.Rule;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a sharded checkpoint's index against its shards: every named shard present in the folder,
 * every tensor in the shard the index names (read from the shard headers, bounded), no tensor in
 * two shards, no shard tensor missing from the index, total_size equal to the tensor bytes, and no
 * shard-named file left out of the index.
 */
public final class ShardIndexAnalyzer implements FolderAnalyzer {

    private static final String INDEX_SUFFIX = ".index.json";
    private static final long MAX_INDEX_BYTES = 64L << 20;
    private static final int MAX_MAPPING_FINDINGS = 50;
    private static final Pattern SHARD_NAME = Pattern.compile("(.+)-\\d{5}-of-\\d{5}(\\.[A-Za-z0-9]+)");

    @Override
    public void analyze(FolderView folder, FolderContext context) throws IOException {
        for (FileResult file : folder.files()) {
            String name = folder.nameOf(file);
            if (name.endsWith(INDEX_SUFFIX) && name.indexOf('/') < 0) {
                new Check(folder, context, name).run();
            }
        }
    }

    /** One index file being checked. */
    private static final class Check {

        private final FolderView folder;
        private final FolderContext context;
        private final String indexName;
        private final String indexPath;
        private final Deadline deadline;
        private int mappingFindings;

        Check(FolderView folder, FolderContext context, String indexName) {
            this.folder = folder;
            this.context = context;
            this.indexName = indexName;
            this.indexPath = folder.childPath(indexName);
            this.deadline = Deadline.after(context.limits().timeout());
        }

        void run() throws IOException {
            Path file = folder.directory().resolve(indexName);
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_INDEX_BYTES) {
                return;
            }
            ShardIndex index;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
                index = ShardIndex.read(in);
            } catch (MalformedSafetensorsException | LimitExceededException e) {
                if (looksLikeIndex(file)) {
                    report(SafetensorsRules.MALFORMED_INDEX, indexPath, null, e.getMessage());
                    context.incomplete(indexPath, "shard index unreadable: " + e.getMessage());
                }
                return;
            }
            Set<String> shards = new LinkedHashSet<>(index.weightMap().values());
            Map<String, Map<String, Long>> headers = new LinkedHashMap<>();
            boolean allRead = true;
            for (String shard : shards) {
                deadline.check();
                if (!ShardIndex.isPlainFileName(shard)) {
                    report(SafetensorsRules.MALFORMED_INDEX, indexPath, shard, "shard name '" + shard
                            + "' is a path, not a file name of this folder; a loader would read outside the model");
                    allRead = false;
                    continue;
                }
                Path shardFile = inside(shard);
                if (shardFile == null) {
                    report(SafetensorsRules.SHARD_MISSING, folder.childPath(shard), shard, "shard '" + shard
                            + "' named by " + indexName + " is not in the folder");
                    context.incomplete(indexPath, "shard '" + shard + "' is missing; its weights were not scanned");
                    allRead = false;
                    continue;
                }
                if (shard.endsWith(".safetensors")) {
                    Map<String, Long> tensors = readHeader(shardFile, shard);
                    if (tensors != null) {
                        headers.put(shard, tensors);
                    } else {
                        allRead = false;
                    }
                } else {
                    allRead = false;
                }
            }
            compareTensors(index, headers);
            if (allRead && index.totalSize().isPresent()) {
                long actual = headers.values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue)
                        .reduce(0, SafetensorsAnalyzer::saturatingAdd);
                if (actual != index.totalSize().getAsLong()) {
                    report(SafetensorsRules.TOTAL_SIZE, indexPath, "total_size", "metadata.total_size is "
                            + index.totalSize().getAsLong() + " but the shards hold " + actual + " tensor bytes");
                }
            }
            reportUnreferenced(shards);
        }

        /**
         * The shard when it was scanned as a file of this folder; null when absent or when it is a link
         * the walk refused to follow (its bytes were never read, so neither are they here).
         */
        private Path inside(String shard) {
            var scanned = folder.file(shard);
            if (scanned.isEmpty() || scanned.get().sha256() == null) {
                return null;
            }
            Path p = folder.directory().resolve(shard);
            return Files.isRegularFile(p) ? p : null;
        }

        /** Tensor name → byte size from a shard header, or null when the header is unreadable. */
        private Map<String, Long> readHeader(Path shardFile, String shard) throws IOException {
            try (FileByteSource source = FileByteSource.open(shardFile)) {
                SafetensorsHeader header = new SafetensorsHeaderReader(context.limits().maxStringBytes())
                        .read(source, deadline);
                Map<String, Long> tensors = new LinkedHashMap<>();
                for (TensorEntry t : header.tensors()) {
                    tensors.put(t.name(), Math.max(0, t.byteLength()));
                }
                return tensors;
            } catch (MalformedSafetensorsException | LimitExceededException e) {
                context.incomplete(indexPath, "shard '" + shard + "' could not be compared: " + e.getMessage());
                return null;
            }
        }

        private void compareTensors(ShardIndex index, Map<String, Map<String, Long>> headers) {
            Map<String, String> location = new HashMap<>();
            for (Map.Entry<String, Map<String, Long>> shard : headers.entrySet()) {
                for (String tensor : shard.getValue().keySet()) {
                    String first = location.putIfAbsent(tensor, shard.getKey());
                    if (first != null) {
                        mapping(tensor, "tensor '" + tensor + "' is in both '" + first + "' and '" + shard.getKey() + "'");
                    }
                }
            }
            for (Map.Entry<String, String> entry : index.weightMap().entrySet()) {
                String tensor = entry.getKey();
                String named = entry.getValue();
                if (!headers.containsKey(named)) {
                    continue;
                }
                String actual = location.remove(tensor);
                if (actual == null) {
                    mapping(tensor, "the index maps tensor '" + tensor + "' to '" + named + "', which does not hold it");
                } else if (!actual.equals(named)) {
                    mapping(tensor, "the index maps tensor '" + tensor + "' to '" + named + "' but it is in '" + actual + "'");
                }
            }
            index.weightMap().keySet().forEach(location::remove);
            location.forEach((tensor, shard) -> mapping(tensor, "tensor '" + tensor + "' in '" + shard
                    + "' is not in the index; loaders never read it"));
            if (mappingFindings > MAX_MAPPING_FINDINGS) {
                report(SafetensorsRules.SHARD_MAPPING, indexPath, "more problems",
                        (mappingFindings - MAX_MAPPING_FINDINGS) + " further mismatches not listed");
            }
        }

        private void mapping(String tensor, String message) {
            if (++mappingFindings <= MAX_MAPPING_FINDINGS) {
                report(SafetensorsRules.SHARD_MAPPING, indexPath, tensor, message);
            }
        }

        private void reportUnreferenced(Set<String> shards) {
            Set<String> stems = new LinkedHashSet<>();
            for (String shard : shards) {
                Matcher m = SHARD_NAME.matcher(shard);
                if (m.matches()) {
                    stems.add(m.group(1) + "|" + m.group(2));
                }
            }
            for (FileResult file : folder.files()) {
                String name = folder.nameOf(file);
                Matcher m = SHARD_NAME.matcher(name);
                if (m.matches() && stems.contains(m.group(1) + "|" + m.group(2)) && !shards.contains(name)) {
                    report(SafetensorsRules.UNREFERENCED_SHARD, folder.childPath(name), name, "'" + name
                            + "' looks like a shard of this checkpoint but " + indexName + " maps no tensor to it");
                }
            }
        }

        private void report(Rule rule, String path, String subject, String message) {
            context.report(Finding.of(rule, Location.of(ArtifactPath.of(path)), subject, message));
        }

        /** An index-named file that fails to parse is reported only when it mentions a weight map. */
        private static boolean looksLikeIndex(Path file) throws IOException {
            try (InputStream in = Files.newInputStream(file)) {
                String head = new String(in.readNBytes(1 << 20), java.nio.charset.StandardCharsets.UTF_8);
                return head.contains("weight_map");
            }
        }
    }
}
