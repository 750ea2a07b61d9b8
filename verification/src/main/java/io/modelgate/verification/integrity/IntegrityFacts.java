package io.modelgate.verification.integrity;

import io.modelgate.scanner.folder.FolderContext;

import java.util.ArrayList;
import java.util.List;

/**
 * The folder's integrity fact: which expected-digest checks ran and every file whose digest matched an
 * expected value. Several analysers add to it; each addition replaces the folder's fact with a longer one.
 *
 * @param checks  the checks that compared something, in the order they ran
 * @param matched each file whose digest matched
 */
public record IntegrityFacts(List<Check> checks, List<Match> matched) {

    public IntegrityFacts {
        checks = List.copyOf(checks);
        matched = List.copyOf(matched);
    }

    /**
     * One check.
     *
     * @param check       {@code lock}, {@code huggingface-cache-blob}, {@code huggingface-cache-snapshot},
     *                    {@code huggingface-download-metadata} or {@code git-lfs-pointer}
     * @param source      where the expected digests came from
     * @param status      {@code match}, {@code mismatch} or {@code error}
     * @param matched     files that matched
     * @param mismatched  files that differed
     * @param reason      why the check could not run ({@code error}), else null
     * @param changed     lock only: names whose content changed
     * @param kindChanged lock only: names that changed between file and link
     * @param added       lock only: names not in the lock
     * @param removed     lock only: names in the lock but missing
     */
    public record Check(String check, String source, String status, int matched, int mismatched, String reason,
                        List<String> changed, List<String> kindChanged, List<String> added, List<String> removed) {

        public Check {
            changed = List.copyOf(changed);
            kindChanged = List.copyOf(kindChanged);
            added = List.copyOf(added);
            removed = List.copyOf(removed);
        }

        static Check counted(String check, String source, String status, int matched, int mismatched) {
            return new Check(check, source, status, matched, mismatched, null, List.of(), List.of(), List.of(),
                    List.of());
        }

        static Check error(String check, String source, String reason) {
            return new Check(check, source, "error", 0, 0, reason, List.of(), List.of(), List.of(), List.of());
        }
    }

    /** A file whose digest matched: {@code sha256:<hex>} (a link: its target) and the expectation's source. */
    public record Match(String file, String sha256, String source) {
    }

    static void check(FolderContext context, Check check) {
        IntegrityFacts old = of(context);
        List<Check> checks = new ArrayList<>(old.checks());
        checks.add(check);
        context.fact(new IntegrityFacts(checks, old.matched()));
    }

    static void matched(FolderContext context, String file, String sha256, String source) {
        IntegrityFacts old = of(context);
        List<Match> matched = new ArrayList<>(old.matched());
        matched.add(new Match(file, sha256, source));
        context.fact(new IntegrityFacts(old.checks(), matched));
    }

    private static IntegrityFacts of(FolderContext context) {
        return context.fact(IntegrityFacts.class).orElse(new IntegrityFacts(List.of(), List.of()));
    }
}
