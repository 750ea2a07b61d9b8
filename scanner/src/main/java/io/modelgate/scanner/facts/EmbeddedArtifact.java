package io.modelgate.scanner.facts;

/**
 * An artifact found inside a container (an archive member, a decompressed payload) and the format it was
 * detected as, so units inside archives and packages can be found without reading the container again.
 *
 * @param format the detected format id
 * @param size   its size in bytes
 */
public record EmbeddedArtifact(String format, long size) implements TypedFact {

    public static final String KEY = "artifact";
}
