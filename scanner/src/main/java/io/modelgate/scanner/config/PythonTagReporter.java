package io.modelgate.scanner.config;

import io.modelgate.scanner.analysis.AnalysisContext;

import java.util.List;

/** Judges Python YAML tags by what they name: denied is critical, reviewed is inventory, anything else high. */
final class PythonTagReporter {

    private PythonTagReporter() {
    }

    static void report(List<PythonTag> tags, AnalysisContext context) {
        report(tags, context, "");
    }

    /** @param where what holds the YAML, prefixed to key paths (empty for the file itself) */
    static void report(List<PythonTag> tags, AnalysisContext context, String where) {
        TargetPolicy policy = TargetPolicy.defaults();
        for (PythonTag tag : tags) {
            String at = (where.isEmpty() ? "" : where + " ") + KeyPaths.shown(tag.keyPath()) + " is tagged !!python/"
                    + tag.kind();
            if (tag.kind().equals("unknown")) {
                context.incomplete(at + " (" + tag.argument() + "), a Python tag this reader does not know");
                continue;
            }
            String call = tag.target() + (tag.argument().isEmpty() ? "" : " with " + tag.argument());
            Judgement judgement = policy.judge(tag.target());
            String message = at + ":" + tag.target() + ": an unsafe YAML loader imports and builds " + call;
            switch (judgement.verdict()) {
                case DANGEROUS -> context.report(ConfigRules.DANGEROUS_TARGET, tag.target(),
                        message + "; it is on the denylist (" + judgement.reason() + ")");
                case REVIEWED -> context.report(ConfigRules.REVIEWED_PYTHON_TAG, tag.target(), message);
                default -> context.report(ConfigRules.PYTHON_TAG, tag.target(), message + "; " + judgement.reason());
            }
        }
    }
}
