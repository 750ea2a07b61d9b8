package io.modelgate.scanner.pickle;

import io.modelgate.scanner.Limits;

/**
 * Bounds of one interpretation run.
 *
 * @param maxOps         opcodes interpreted before giving up
 * @param maxStack       deepest stack, most marks and most memo entries modelled
 * @param maxLine        longest newline-terminated argument read
 * @param retainedText   characters of string constants kept in full, in total
 * @param retainedItems  container items kept in the model, in total
 * @param pauseAfter     stop cleanly once the reader passes this offset (content sniffing); -1 = never
 */
record MachineLimits(long maxOps, int maxStack, int maxLine, long retainedText, long retainedItems,
                     long pauseAfter) {

    /** Longest text constant kept whole; longer ones keep a prefix for display only. */
    static final int MAX_RETAINED_STRING = 4 * 1024 * 1024;

    static MachineLimits of(Limits limits) {
        return new MachineLimits(limits.maxPickleOps(), limits.maxPickleStack(), limits.maxStringBytes(),
                limits.maxStringBytes(), limits.maxPickleStack(), -1);
    }

    /** Small bounds for recognising a pickle from the first bytes of a file. */
    static MachineLimits sniffing(long pauseAfter) {
        return new MachineLimits(512, 4096, 64 * 1024, 1024 * 1024, 16 * 1024, pauseAfter);
    }
}
