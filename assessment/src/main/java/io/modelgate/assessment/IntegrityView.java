package io.modelgate.assessment;

import io.modelgate.verification.integrity.IntegrityFacts;

import java.util.List;

/** A unit's {@link Integrity}, read from the integrity fact of the folder checks. */
final class IntegrityView {

    private IntegrityView() {
    }

    static Integrity of(IntegrityFacts facts) {
        LockStatus lock = LockStatus.NOT_CHECKED;
        String lockFile = null;
        for (IntegrityFacts.Check check : facts.checks()) {
            if (check.check().equals("lock")) {
                lockFile = check.source();
                lock = switch (check.status()) {
                    case "match" -> LockStatus.MATCH;
                    case "mismatch" -> LockStatus.MISMATCH;
                    default -> LockStatus.ERROR;
                };
            }
        }
        List<IntegrityCheck> checks = facts.checks().stream().map(c -> new IntegrityCheck(c.check(), c.status(),
                c.matched(), c.reason(), c.source(), c.mismatched(), c.changed(), c.kindChanged(), c.added(),
                c.removed())).toList();
        List<Integrity.DigestMatch> matched = facts.matched().stream()
                .map(m -> new Integrity.DigestMatch(m.file(), m.sha256(), m.source())).toList();
        return new Integrity(lock, lockFile, checks, matched);
    }
}
