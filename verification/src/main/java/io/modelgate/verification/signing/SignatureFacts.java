package io.modelgate.verification.signing;

import io.modelgate.scanner.folder.FolderContext;
import io.modelgate.scanner.folder.FolderView;
import io.modelgate.scanner.model.ArtifactPath;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.Location;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The folder's signature fact: an overall status (invalid if any signature is invalid, else valid if any
 * is valid, else untrusted if any is, else unverified; absent when there is none) and each signature's outcome.
 *
 * @param status     {@code valid}, {@code invalid}, {@code untrusted}, {@code unverified} or {@code absent}
 * @param signatures each signature checked, in order
 */
public record SignatureFacts(String status, List<Entry> signatures) {

    public SignatureFacts {
        signatures = List.copyOf(signatures);
    }

    /**
     * What verifying one signature established.
     *
     * @param format        {@code model_signing} or {@code pgp}
     * @param file          the signature file as named in the folder (or as given, when kept outside it)
     * @param method        {@code key}, {@code certificate}, {@code keyless}, {@code detached}, or {@code unknown}
     * @param status        {@code valid}, {@code invalid}, {@code untrusted} or {@code unverified}
     * @param signer        what identifies the signer, by field (strings or lists of strings)
     * @param checked       each check that passed
     * @param notVerified   what could not be checked offline
     * @param subjectDigest {@code sha256:<hex>} of the signed statement's subject, null when not established
     * @param verifiedWith  which supplied option and file established the signer; null unless the signature is valid
     */
    public record Entry(String format, String file, String method, String status, Map<String, Object> signer,
                        List<String> checked, List<String> notVerified, String subjectDigest,
                        Map<String, String> verifiedWith) {

        public Entry {
            signer = Map.copyOf(signer);
            verifiedWith = verifiedWith == null || verifiedWith.isEmpty() ? null
                    : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(verifiedWith));
            checked = List.copyOf(checked);
            notVerified = List.copyOf(notVerified);
        }
    }

    /** Records a verification and reports its issues on the files concerned. */
    public static void record(FolderView folder, FolderContext context, SignatureOutcome outcome) {
        record(folder, context, outcome, folder.childPath(outcome.signatureFile()));
    }

    /**
     * As {@link #record(FolderView, FolderContext, SignatureOutcome)}, with problems of the signature
     * itself reported at {@code signatureLocation} (a signature kept outside the folder).
     */
    public static void record(FolderView folder, FolderContext context, SignatureOutcome outcome,
                              String signatureLocation) {
        for (SignatureOutcome.Issue issue : outcome.issues()) {
            String where = issue.file() == null ? signatureLocation : folder.childPath(issue.file());
            context.report(Finding.of(issue.rule(), Location.of(ArtifactPath.of(where)), issue.subject(),
                    issue.message()));
        }
        List<Entry> all = new ArrayList<>(context.fact(SignatureFacts.class).map(SignatureFacts::signatures)
                .orElse(List.of()));
        all.add(outcome.fact());
        context.fact(new SignatureFacts(overall(all), all));
    }

    /** A scanned folder with no signature: a fact for policy to decide on, not a finding. */
    public static void absentUnlessRecorded(FolderContext context) {
        if (context.fact(SignatureFacts.class).isEmpty()) {
            context.fact(new SignatureFacts("absent", List.of()));
        }
    }

    private static String overall(List<Entry> signatures) {
        List<String> statuses = signatures.stream().map(Entry::status).toList();
        if (statuses.contains("invalid")) {
            return "invalid";
        }
        if (statuses.contains("valid")) {
            return "valid";
        }
        return statuses.contains("untrusted") ? "untrusted" : "unverified";
    }
}
