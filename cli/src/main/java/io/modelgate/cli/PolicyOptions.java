package io.modelgate.cli;

import io.modelgate.provenance.kb.KnowledgeBase;
import io.modelgate.rules.policy.LockPolicy;
import io.modelgate.rules.policy.Policy;
import io.modelgate.rules.policy.SecurityGate;
import io.modelgate.rules.policy.load.PolicyLoader;
import io.modelgate.rules.policy.load.PolicySelection;
import io.modelgate.scanner.model.Severity;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The {@code scan} options that choose the policy and override its gate. The command-line overrides
 * ({@code --fail-on}, {@code --strict}, {@code --allow-incomplete}) change only what they name.
 */
public final class PolicyOptions {

    @Option(names = "--policy", paramLabel = "FILE",
            description = "Policy file deciding APPROVE, REVIEW or REJECT (see docs/policy.md; "
                    + "`modelgate policy init` writes one).")
    Path policyFile;

    @Option(names = "--profile", paramLabel = "NAME",
            description = "Built-in policy profile: default, strict, origin-review (default: default).")
    String profile;

    /** As picocli reads it, also given by {@link QuickScanParser}. */
    static final String DEFAULT_REVIEW_EXIT_CODE = "3";

    @Option(names = "--review-exit-code", paramLabel = "N", defaultValue = DEFAULT_REVIEW_EXIT_CODE,
            description = "Exit code when the decision is REVIEW (default: ${DEFAULT-VALUE}).")
    int reviewExitCode;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", converter = SeverityConverter.class,
            description = "Reject on findings at or above this severity: critical, high, medium, low, info "
                    + "(overrides the policy's gate.failOn; high in the default profile).")
    Severity failOn;

    @Option(names = "--strict",
            description = "Also reject unreviewed constructs (imports on neither the allow- nor the denylist).")
    boolean strict;

    @Option(names = "--allow-incomplete",
            description = "Do not fail on files that could not be fully analysed (they are still reported).")
    boolean allowIncomplete;

    /**
     * The policy to apply, its gate overridden by the options given; a bad file or name is a usage error.
     *
     * @param kb asked for only when the policy names a license, a publisher or a family
     */
    Policy policy(Supplier<KnowledgeBase> kb) {
        if (reviewExitCode < 0 || reviewExitCode > 255) {
            throw new UsageException("--review-exit-code must be between 0 and 255");
        }
        Policy policy;
        try {
            policy = PolicySelection.select(policyFile, profile, new PolicyLoader(kb)).policy();
        } catch (PolicySelection.UsageError e) {
            throw new UsageException(e.getMessage());
        }
        SecurityGate gate = policy.gate();
        Severity fail = failOn != null ? failOn : gate.failOn();
        Severity review = gate.reviewOn() != null && fail != null && gate.reviewOn().atLeast(fail) ? null
                : gate.reviewOn();
        return policy.withGate(new SecurityGate(fail, review, gate.strict() || strict,
                gate.allowIncomplete() || allowIncomplete));
    }

    /** The policy with the command line's verification material and lock file added. */
    static Policy withVerification(Policy policy, VerificationMixin verification) {
        Policy out = policy.withSignature(policy.signature().withMaterial(verification.publicKeys,
                verification.caCertificates, verification.trustRoot, verification.keyrings));
        if (verification.lock != null) {
            out = out.withLock(new LockPolicy(policy.lock().required(), verification.lock.toAbsolutePath()));
        }
        return out;
    }

    int reviewExitCode() {
        return reviewExitCode;
    }
}
