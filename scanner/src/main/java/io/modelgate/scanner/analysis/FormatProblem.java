package io.modelgate.scanner.analysis;

import io.modelgate.scanner.model.Rule;

import java.util.List;

/**
 * A format violation found by a reader or checker, reported later. Hostile files can hold
 * millions of violations, so they are reported up to a cap and the rest counted.
 *
 * @param rule    rule to report under
 * @param offset  byte offset in the artifact, -1 when not applicable
 * @param subject what is affected (a tensor, a key), may be null
 * @param message explanation
 */
public record FormatProblem(Rule rule, long offset, String subject, String message) {

    /** How many problems of one file are listed one by one: enough to diagnose, few enough to read. */
    public static final int MAX_REPORTED = 50;

    /** Reports the first {@code max} problems, then one finding under {@code overflowRule} for the rest. */
    public static void reportAll(List<FormatProblem> problems, int max, Rule overflowRule, AnalysisContext context) {
        int shown = Math.min(problems.size(), max);
        for (FormatProblem p : problems.subList(0, shown)) {
            context.report(p.rule(), p.offset(), p.subject(), p.message());
        }
        if (problems.size() > shown) {
            context.report(overflowRule, "more problems", (problems.size() - shown) + " further problems not listed");
        }
    }
}
