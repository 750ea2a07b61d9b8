package io.modelgate.verification.signing;

import io.modelgate.scanner.model.Rule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What verifying one signature established: its status, the signer, the supplied material it was
 * verified with, each check that ran, what could not be verified, and the problems found (on the
 * signature file or on the files it covers).
 */
public final class SignatureOutcome {

    /**
     * {@code valid}: verified with supplied material (or, for a checksum-like PGP, the key ring);
     * {@code invalid}: the signature or the content it covers is wrong; {@code untrusted}: intact or not,
     * its signer is not one the supplied material vouches for (another key, another method, a certificate
     * that does not chain to the given CA); {@code unverified}: nothing was supplied to check its signer.
     */
    public enum Status {
        VALID, INVALID, UNTRUSTED, UNVERIFIED;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * A problem to report.
     *
     * @param rule the rule
     * @param file name relative to the signed folder, or null for the signature file itself
     */
    public record Issue(Rule rule, String file, String subject, String message) {
    }

    private final String format;
    private final String signatureFile;
    private final Map<String, Object> signer = new LinkedHashMap<>();
    private final List<String> checked = new ArrayList<>();
    private final List<String> notVerified = new ArrayList<>();
    private final List<Issue> issues = new ArrayList<>();
    private final Map<String, String> verifiedWith = new LinkedHashMap<>();
    private String method = "unknown";
    private String subjectDigest;
    private boolean invalid;
    private boolean untrusted;
    private boolean unverified;

    public SignatureOutcome(String format, String signatureFile) {
        this.format = format;
        this.signatureFile = signatureFile;
    }

    public void method(String value) {
        method = value;
    }

    /** The signed statement's subject digest, {@code sha256:<hex>}, once the statement is read. */
    public void subjectDigest(String value) {
        subjectDigest = value;
    }

    public void signer(String key, Object value) {
        signer.put(key, value);
    }

    /** The supplied material the signer was established with: the option and the file given with it. */
    public void verifiedWith(String option, String file) {
        verifiedWith.put("option", option);
        verifiedWith.put("file", file);
    }

    public void checked(String what) {
        checked.add(what);
    }

    public void notVerified(String what) {
        notVerified.add(what);
    }

    /** The signature or the content it covers is wrong. */
    public void invalid(Rule rule, String file, String subject, String message) {
        invalid = true;
        issues.add(new Issue(rule, file, subject, message));
    }

    /** Something could not be established offline; says what, as a finding on the signature file. */
    public void unverified(Rule rule, String message) {
        unverified = true;
        notVerified.add(message);
        issues.add(new Issue(rule, null, null, message));
    }

    /** The signer is not one the supplied material vouches for; a finding on the signature file. */
    public void untrusted(Rule rule, String message) {
        untrusted = true;
        notVerified.add(message);
        issues.add(new Issue(rule, null, null, message));
    }

    /** A finding that does not change the status (an expired certificate on an intact signature). */
    public void warn(Rule rule, String message) {
        issues.add(new Issue(rule, null, null, message));
    }

    public boolean isInvalid() {
        return invalid;
    }

    public Status status() {
        if (invalid) {
            return Status.INVALID;
        }
        return untrusted ? Status.UNTRUSTED : unverified ? Status.UNVERIFIED : Status.VALID;
    }

    public List<Issue> issues() {
        return List.copyOf(issues);
    }

    public String signatureFile() {
        return signatureFile;
    }

    /** The typed record of this verification for the folder's signature fact. */
    public SignatureFacts.Entry fact() {
        return new SignatureFacts.Entry(format, signatureFile, method, status().id(), signer, checked, notVerified,
                subjectDigest, status() == Status.VALID ? verifiedWith : null);
    }
}
