package io.modelgate.provenance.identity;

import io.modelgate.scanner.facts.EmbeddedArtifact;
import io.modelgate.scanner.model.ArtifactPath;
import io.modelgate.scanner.model.FileResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One artifact of a scan as its facts describe it: a file on disk, or a member of an archive or package
 * whose facts the scanner recorded under {@code member-path#key} of the outer file.
 *
 * @param path   where it is: the outer file, then the entries of every container it sits in
 * @param format its detected format id ({@code text} for plain text members)
 * @param facts  its own facts, keys without the member prefix
 * @param file   the scanned file on disk that holds it (itself, for a file on disk)
 */
public record Artifact(ArtifactPath path, String format, Map<String, Object> facts, FileResult file) {

    public Artifact {
        facts = Map.copyOf(facts);
    }

    /** The file itself, then every embedded artifact that recorded facts, in the order first recorded. */
    public static List<Artifact> of(FileResult file) {
        Map<String, Object> own = new LinkedHashMap<>();
        Map<String, Map<String, Object>> embedded = new LinkedHashMap<>();
        for (Map.Entry<String, Object> fact : file.facts().entrySet()) {
            String key = fact.getKey();
            int hash = key.lastIndexOf('#');
            if (hash < 0) {
                own.put(key, fact.getValue());
            } else {
                embedded.computeIfAbsent(key.substring(0, hash), k -> new LinkedHashMap<>())
                        .put(key.substring(hash + 1), fact.getValue());
            }
        }
        List<Artifact> out = new ArrayList<>();
        out.add(new Artifact(ArtifactPath.of(file.path()), file.format(), own, file));
        String prefix = file.path() + ArtifactPath.SEPARATOR;
        for (Map.Entry<String, Map<String, Object>> member : embedded.entrySet()) {
            if (!member.getKey().startsWith(prefix)) {
                continue;
            }
            List<String> segments = new ArrayList<>();
            segments.add(file.path());
            segments.addAll(List.of(member.getKey().substring(prefix.length()).split(ArtifactPath.SEPARATOR, -1)));
            Object artifact = member.getValue().get(EmbeddedArtifact.KEY);
            String format = artifact instanceof EmbeddedArtifact a ? a.format() : "text";
            out.add(new Artifact(new ArtifactPath(segments), format, member.getValue(), file));
        }
        return out;
    }

    /** The artifact as shown in reports. */
    public String display() {
        return path.toString();
    }

    /** The file or member name without its folders. */
    public String name() {
        String leaf = path.leafName();
        return leaf.substring(leaf.lastIndexOf('/') + 1);
    }

    public boolean embedded() {
        return path.depth() > 0;
    }

    /** The typed fact of a kind, when the scanner recorded one. */
    public <T> Optional<T> fact(String key, Class<T> type) {
        Object value = facts.get(key);
        return type.isInstance(value) ? Optional.of(type.cast(value)) : Optional.empty();
    }
}
