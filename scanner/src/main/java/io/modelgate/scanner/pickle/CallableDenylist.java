package io.modelgate.scanner.pickle;

import java.util.Optional;

/**
 * The pickle denylist as a judgement of a dotted Python path ({@code os.system}, {@code torch.os.system}), for
 * other mechanisms that import and call what a file names (config {@code _target_}s, YAML Python tags). One list
 * of dangerous callables serves every mechanism, so a gadget added for pickles is denied everywhere. Each split
 * of the path is judged by {@link ImportJudgement}, the one entry other formats use into the pickle lists.
 */
public final class CallableDenylist {

    private static final int MAX_SEGMENTS = 32;

    private CallableDenylist() {
    }

    /**
     * Why importing or calling {@code dottedPath} is dangerous, or empty when the denylist does not name it. Every
     * split of the path into module and attribute is tried (a loader imports the longest importable prefix and
     * reaches the rest as attributes), and the policy also checks modules reached through attributes.
     */
    public static Optional<String> reason(String dottedPath) {
        String[] parts = dottedPath.split("\\.", MAX_SEGMENTS + 1);
        if (parts.length > MAX_SEGMENTS) {
            return Optional.of("a path of more than " + MAX_SEGMENTS + " segments");
        }
        for (int split = 1; split <= parts.length; split++) {
            String module = String.join(".", java.util.Arrays.copyOfRange(parts, 0, split));
            String name = String.join(".", java.util.Arrays.copyOfRange(parts, split, parts.length));
            ImportJudgement.Judgement judgement = ImportJudgement.of(module, name);
            // Only denied names count: a callable that merely reaches others (getattr) falls to the namespace review.
            if (judgement.verdict() == ImportJudgement.Verdict.DANGEROUS && !judgement.reachesOtherCallables()) {
                return Optional.of(judgement.reason());
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the pickle allowlist names {@code dottedPath} as a reviewed, safe global (its last segment taken as
     * the attribute): standard data types such as {@code collections.OrderedDict} or {@code pathlib.PosixPath}.
     */
    public static boolean allowed(String dottedPath) {
        int dot = dottedPath.lastIndexOf('.');
        if (dot <= 0 || reason(dottedPath).isPresent()) {
            return false;
        }
        return ImportJudgement.of(dottedPath.substring(0, dot), dottedPath.substring(dot + 1)).verdict()
                == ImportJudgement.Verdict.ALLOWED;
    }
}
