package io.modelgate.scanner.pickle;

/**
 * The end of one analysed pickle and the value it produces.
 *
 * @param end    offset just past STOP, or -1 when the pickle is broken (already reported incomplete)
 * @param result the modelled value STOP returns; {@link PickleValue.Unknown} when broken
 */
public record PickleOutcome(long end, PickleValue result) {
}
