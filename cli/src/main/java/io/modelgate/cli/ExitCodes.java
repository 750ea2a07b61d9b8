package io.modelgate.cli;

/** Exit codes of {@code modelgate}: a public contract, documented in the README and docs/policy.md. */
public final class ExitCodes {

    /** APPROVE: the policy approves every model scanned. */
    public static final int OK = 0;
    /** REJECT: findings or policy rules reject. */
    public static final int FINDINGS = 1;
    /** A file or check could not be fully analysed, nothing was found to assess, or the scan failed (fail closed). */
    public static final int INCOMPLETE = 2;
    /** REVIEW: a person must review before approval (--review-exit-code changes it). */
    public static final int REVIEW = 3;
    /** Usage error: a bad option, a missing file, a bad policy file. */
    public static final int USAGE = 64;

    private ExitCodes() {
    }
}
