package io.modelgate.provenance.identity;

/** A text file of a unit (a LICENSE, a NOTICE) with the path it was read from. */
public record SourcedText(String source, String text) {
}
