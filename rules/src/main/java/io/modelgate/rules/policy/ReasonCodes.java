package io.modelgate.rules.policy;

import java.util.List;

/** The codes a {@link Reason} carries: a public contract (JSON reports, waivers name them). */
public final class ReasonCodes {

    public static final String FINDING = "finding";
    public static final String FINDING_UNREVIEWED = "finding.unreviewed";
    public static final String INCOMPLETE = "incomplete";
    public static final String NOTHING_TO_ASSESS = "nothing.to.assess";
    public static final String LICENSE_DENY = "license.deny";
    public static final String LICENSE_REVIEW = "license.review";
    public static final String LICENSE_UNLISTED = "license.unlisted";
    public static final String LICENSE_MISSING = "license.missing";
    public static final String LICENSE_UNKNOWN = "license.unknown";
    public static final String LICENSE_CONFLICT = "license.conflict";
    public static final String LICENSE_COMMERCIAL_USE = "license.commercialUse";
    public static final String ORIGIN_UNKNOWN = "origin.unknown";
    public static final String ORIGIN_UNCERTAIN = "origin.uncertain";
    public static final String ORIGIN_UNDECLARED_BASE = "origin.undeclaredBase";
    public static final String SIGNATURE_REQUIRED = "signature.required";
    public static final String SIGNATURE_INVALID = "signature.invalid";
    public static final String SIGNATURE_OTHER_METHOD = "signature.otherMethod";
    public static final String SIGNATURE_OTHER_SIGNER = "signature.otherSigner";
    public static final String SIGNATURE_IDENTITY = "signature.identity";
    public static final String SIGNATURE_UNVERIFIED = "signature.unverified";
    public static final String LOCK_REQUIRED = "lock.required";
    public static final String LOCK_MISMATCH = "lock.mismatch";
    public static final String FORMAT_MAX_FILE_SIZE = "format.maxFileSize";
    public static final String APPROVED_MISSING = "approvedModels.missing";
    public static final String APPROVED_EXPIRED = "approvedModels.expired";
    public static final String APPROVED = "approvedModels.approved";
    public static final String APPROVAL_EXPIRING = "approvedModels.expiring";
    public static final String PICKLE_ALLOWED = "pickle.allowed";
    public static final String WAIVER_EXPIRED = "waiver.expired";
    public static final String WAIVER_EXPIRING = "waiver.expiring";

    /** {@code origin.country.deny} and the like: kind is country, publisher or family. */
    public static String origin(String kind, String list) {
        return "origin." + kind + "." + list;
    }

    /** {@code format.deny}, {@code format.review}, {@code format.unlisted}. */
    public static String format(String list) {
        return "format." + list;
    }

    /** Every code a waiver may name (the codes that can hold a model back). */
    public static List<String> waivable() {
        List<String> codes = new java.util.ArrayList<>(List.of(FINDING_UNREVIEWED, INCOMPLETE, LICENSE_DENY,
                LICENSE_REVIEW, LICENSE_UNLISTED, LICENSE_MISSING, LICENSE_UNKNOWN, LICENSE_CONFLICT,
                LICENSE_COMMERCIAL_USE, ORIGIN_UNKNOWN, ORIGIN_UNCERTAIN, ORIGIN_UNDECLARED_BASE, SIGNATURE_REQUIRED, SIGNATURE_INVALID,
                SIGNATURE_OTHER_METHOD, SIGNATURE_OTHER_SIGNER, SIGNATURE_IDENTITY, SIGNATURE_UNVERIFIED,
                LOCK_REQUIRED, LOCK_MISMATCH, FORMAT_MAX_FILE_SIZE, APPROVED_MISSING, APPROVED_EXPIRED));
        for (String kind : List.of("country", "publisher", "family")) {
            for (String list : List.of("deny", "review", "unlisted")) {
                codes.add(origin(kind, list));
            }
        }
        for (String list : List.of("deny", "review", "unlisted")) {
            codes.add(format(list));
        }
        return List.copyOf(codes);
    }

    private ReasonCodes() {
    }
}
