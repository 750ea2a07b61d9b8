package io.modelgate.assessment;

import io.modelgate.verification.signing.SignatureFacts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A unit's {@link Signature}, read from the signature fact of the folder checks. */
final class SignatureView {

    /** Signer fields, most telling first: who (identity) before which key. */
    private static final List<String> SIGNER_FIELDS = List.of("subjectAlternativeNames", "subject", "userIds",
            "fingerprint", "keyFingerprint", "keyId", "keyHint");

    private SignatureView() {
    }

    static Signature of(SignatureFacts facts) {
        SignatureStatus status = status(facts.status());
        if (status == SignatureStatus.ABSENT || facts.signatures().isEmpty()) {
            return Signature.absent();
        }
        List<Signature.SignatureCheck> checks = new ArrayList<>();
        Set<String> notVerified = new LinkedHashSet<>();
        for (SignatureFacts.Entry e : facts.signatures()) {
            checks.add(new Signature.SignatureCheck(e.format(), e.file(), e.method(), status(e.status()), e.signer(),
                    e.checked(), e.notVerified()));
            notVerified.addAll(e.notVerified());
        }
        // The signature that decided the overall status speaks for the unit.
        SignatureFacts.Entry deciding = facts.signatures().stream()
                .filter(e -> status(e.status()) == status).findFirst().orElse(facts.signatures().get(0));
        return new Signature(status, deciding.method(), signer(deciding.signer()), verifiedWith(deciding),
                deciding.subjectDigest(), List.copyOf(notVerified), checks);
    }

    private static SignatureStatus status(String id) {
        return switch (id) {
            case "valid" -> SignatureStatus.VALID;
            case "invalid" -> SignatureStatus.INVALID;
            case "absent" -> SignatureStatus.ABSENT;
            case "untrusted" -> SignatureStatus.UNTRUSTED;
            default -> SignatureStatus.UNVERIFIED;
        };
    }

    /** The supplied material that established the signer, as {@code --option file}; null when none did. */
    private static String verifiedWith(SignatureFacts.Entry entry) {
        if (entry.verifiedWith() == null) {
            return null;
        }
        return String.join(", ", entry.verifiedWith().entrySet().stream()
                .map(e -> e.getValue().isEmpty() ? e.getKey() : e.getKey() + " " + e.getValue()).toList());
    }

    private static String signer(Map<String, Object> fields) {
        for (String field : SIGNER_FIELDS) {
            Object value = fields.get(field);
            if (value instanceof String s && !s.isBlank()) {
                return s;
            }
            if (value instanceof List<?> list && !list.isEmpty()) {
                return String.join(", ", list.stream().map(String::valueOf).toList());
            }
        }
        return null;
    }
}
