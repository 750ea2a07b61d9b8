package io.modelgate.scanner.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Where an artifact lives: the outer file as given on the command line, then the entry names of
 * every container it sits in. Rendered as {@code model.pt!archive/data.pkl}.
 */
public record ArtifactPath(List<String> segments) {

    public static final String SEPARATOR = "!";

    public ArtifactPath {
        segments = List.copyOf(segments);
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("empty artifact path");
        }
    }

    public static ArtifactPath of(String file) {
        return new ArtifactPath(List.of(file));
    }

    public ArtifactPath child(String entryName) {
        List<String> next = new ArrayList<>(segments);
        next.add(entryName);
        return new ArtifactPath(next);
    }

    /** Number of containers this artifact is nested in (0 for a file on disk). */
    public int depth() {
        return segments.size() - 1;
    }

    /** The last segment: the file or entry name itself. */
    public String leafName() {
        return segments.get(segments.size() - 1);
    }

    @Override
    public String toString() {
        // a file on disk, the common case, is its own path: no new string for every report line naming it
        return segments.size() == 1 ? segments.get(0) : String.join(SEPARATOR, segments);
    }
}
