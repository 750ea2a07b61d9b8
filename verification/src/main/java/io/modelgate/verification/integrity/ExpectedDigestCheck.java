package io.modelgate.verification.integrity;

import io.modelgate.scanner.folder.FolderContext;
import io.modelgate.scanner.model.ArtifactPath;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.Location;


/**
 * Compares a file's actual digest with one expected by a source (cache blob name, download metadata,
 * LFS pointer): a mismatch is a critical finding on the file, a match is recorded as evidence.
 */
final class ExpectedDigestCheck {

    private final FolderContext context;
    private final String check;
    private int matched;
    private int mismatched;

    ExpectedDigestCheck(FolderContext context, String check) {
        this.context = context;
        this.check = check;
    }

    /**
     * @param displayPath the file as reported
     * @param algorithm   digest algorithm, e.g. sha256
     * @param expected    expected lowercase hex digest
     * @param actual      actual lowercase hex digest
     * @param source      where the expectation comes from (shown to the reviewer)
     */
    void compare(String displayPath, String algorithm, String expected, String actual, String source) {
        if (expected.equalsIgnoreCase(actual)) {
            matched++;
            IntegrityFacts.matched(context, displayPath, algorithm + ":" + actual, source);
            return;
        }
        mismatched++;
        context.report(Finding.of(IntegrityRules.DIGEST_MISMATCH, Location.of(ArtifactPath.of(displayPath)),
                algorithm + ":" + actual, "Expected " + algorithm + ":" + expected + " (" + source + "), found "
                        + algorithm + ":" + actual + "."));
    }

    void mismatch(String displayPath, String subject, String message) {
        mismatched++;
        context.report(Finding.of(IntegrityRules.DIGEST_MISMATCH, Location.of(ArtifactPath.of(displayPath)), subject,
                message));
    }

    /** Records the check in the {@code integrity} fact if it compared anything. */
    void finish(String source) {
        if (matched + mismatched == 0) {
            return;
        }
        IntegrityFacts.check(context, IntegrityFacts.Check.counted(check, source,
                mismatched == 0 ? "match" : "mismatch", matched, mismatched));
    }
}
