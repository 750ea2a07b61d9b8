package io.modelgate.scanner.pickle;

/**
 * The pickle allow- and denylist applied to a type or callable that another format imports by name (the types a
 * skops schema constructs), so both formats judge a name the same way.
 */
public final class ImportJudgement {

    /** ALLOWED: reviewed and safe; DANGEROUS: denied, or a callable that reaches others; REVIEW: on no list. */
    public enum Verdict { ALLOWED, DANGEROUS, REVIEW }

    public record Judgement(Verdict verdict, boolean reachesOtherCallables, String reason) {
    }

    private ImportJudgement() {
    }

    public static Judgement of(String module, String name) {
        GlobalPolicy.Decision decision = GlobalPolicy.defaults()
                .classify(new PickleValue.Global(module, name, null, null, -1));
        return switch (decision.verdict()) {
            case ALLOW -> new Judgement(Verdict.ALLOWED, false, decision.reason());
            case DENY -> new Judgement(Verdict.DANGEROUS, false, decision.reason());
            case INDIRECT -> new Judgement(Verdict.DANGEROUS, true, decision.reason());
            case REVIEW, UNKNOWN -> new Judgement(Verdict.REVIEW, false, decision.reason());
        };
    }
}
