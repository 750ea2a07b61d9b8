package io.modelgate.scanner.config;

import io.modelgate.scanner.analysis.AnalysisContext;

/** Turns the judgement of a callable a config names into the finding its verdict calls for, with the key path. */
final class TargetReporter {

    private final AnalysisContext context;
    private final String where;

    /** @param where what holds the config, prefixed to key paths (empty for the file itself) */
    TargetReporter(AnalysisContext context, String where) {
        this.context = context;
        this.where = where;
    }

    AnalysisContext context() {
        return context;
    }

    String at(String keyPath) {
        String shown = KeyPaths.shown(keyPath);
        return where.isEmpty() ? shown : where + " " + shown;
    }

    /**
     * Reports a judged target; {@code mechanism} says what the loader does with it ("Hydra instantiates",
     * "sentence-transformers imports"). Returns the judgement for callers that follow locators.
     */
    Judgement report(String keyPath, Judgement judgement, String mechanism) {
        String message = at(keyPath) + " names " + judgement.target() + ": " + mechanism + " it on load; ";
        switch (judgement.verdict()) {
            case DANGEROUS -> context.report(ConfigRules.DANGEROUS_TARGET, judgement.target(),
                    message + "it is on the denylist (" + judgement.reason() + ")");
            case UNREVIEWED -> context.report(ConfigRules.UNREVIEWED_TARGET, judgement.target(),
                    message + judgement.reason());
            default -> {
            }
        }
        return judgement;
    }

    void path(String keyPath, String value, ConfigPaths.Reach reach) {
        if (reach == ConfigPaths.Reach.LEAVES) {
            context.report(ConfigRules.PATH_LEAVES_MODEL, value, at(keyPath) + " is " + ConfigPaths.describe(reach));
        } else if (reach == ConfigPaths.Reach.REMOTE) {
            context.report(ConfigRules.REMOTE_CODE, value, at(keyPath) + " is " + ConfigPaths.describe(reach));
        }
    }

    void remote(String keyPath, String subject, String what) {
        context.report(ConfigRules.REMOTE_CODE, subject, at(keyPath) + " " + what);
    }

    void unresolved(String keyPath, String subject, String what) {
        context.report(ConfigRules.UNRESOLVED_TARGET, subject, at(keyPath) + " " + what);
    }

    void incomplete(String keyPath, String what) {
        context.incomplete(at(keyPath) + " " + what);
    }
}
