package io.modelgate.scanner.model;

/**
 * Where a finding sits: the artifact path and, when known, the byte offset inside the innermost
 * artifact (-1 when not applicable).
 */
public record Location(ArtifactPath path, long offset) {

    public static Location of(ArtifactPath path) {
        return new Location(path, -1);
    }

    public static Location at(ArtifactPath path, long offset) {
        return new Location(path, offset);
    }

    public boolean hasOffset() {
        return offset >= 0;
    }

    @Override
    public String toString() {
        return hasOffset() ? path + "@" + offset : path.toString();
    }
}
