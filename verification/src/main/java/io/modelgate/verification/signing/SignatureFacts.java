package io.modelgate.verification.signing;

import io.modelgate.scanner.folder.FolderContext;
import io.modelgate.scanner.folder.FolderView;
import io.modelgate.scanner.model.ArtifactPath;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.Location;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The folder's {@code signature} fact: an overall {@code status} (invalid if any signature is invalid,
 * else valid if any is valid, else untrusted if any is, else unverified; absent when there is none) and
 * each signature's details.
 */
public final class SignatureFacts {

    public static final String KEY = "signature";

    private SignatureFacts() {
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
        List<Map<String, Object>> all = new ArrayList<>(existing(context));
        all.add(outcome.fact());
        Map<String, Object> fact = new LinkedHashMap<>();
        fact.put("status", overall(all));
        fact.put("signatures", all);
        context.fact(KEY, fact);
    }

    /** A scanned folder with no signature: a fact for policy to decide on, not a finding. */
    public static void absentUnlessRecorded(FolderContext context) {
        if (!context.facts().containsKey(KEY)) {
            context.fact(KEY, Map.of("status", "absent", "signatures", List.of()));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> existing(FolderContext context) {
        if (context.facts().get(KEY) instanceof Map<?, ?> fact && fact.get("signatures") instanceof List<?> list) {
            return (List<Map<String, Object>>) list;
        }
        return List.of();
    }

    private static String overall(List<Map<String, Object>> signatures) {
        List<Object> statuses = signatures.stream().map(s -> s.get("status")).toList();
        if (statuses.contains("invalid")) {
            return "invalid";
        }
        if (statuses.contains("valid")) {
            return "valid";
        }
        return statuses.contains("untrusted") ? "untrusted" : "unverified";
    }
}
