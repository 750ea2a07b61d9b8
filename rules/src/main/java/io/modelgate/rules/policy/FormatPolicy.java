package io.modelgate.rules.policy;

import java.util.List;

/**
 * The {@code formats} section: format ids as reported (a file's format and the formats inside it).
 *
 * @param allow       formats accepted; when non-empty, any other analysed format is rejected
 * @param deny        formats that reject
 * @param review      formats that need review
 * @param maxFileSize files larger than this many bytes reject; 0 for no limit
 */
public record FormatPolicy(List<String> allow, List<String> deny, List<String> review, long maxFileSize) {

    public FormatPolicy {
        allow = List.copyOf(allow);
        deny = List.copyOf(deny);
        review = List.copyOf(review);
    }

    public static FormatPolicy none() {
        return new FormatPolicy(List.of(), List.of(), List.of(), 0);
    }
}
