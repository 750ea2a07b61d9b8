package io.modelgate.sbom;

/**
 * Names of the facts ModelGate records in a BOM where the BOM format has no field for them, all under the
 * {@code modelgate:} namespace. Documented in docs/sbom.md; a name never changes meaning.
 */
public final class ModelGateProperties {

    public static final String PREFIX = "modelgate:";
    public static final String UNIT_KIND = PREFIX + "unitKind";
    public static final String MODEL_PATH = PREFIX + "path";
    public static final String FAMILY = PREFIX + "family";
    public static final String GENERATION = PREFIX + "generation";
    public static final String PUBLISHER = PREFIX + "publisher";
    public static final String COUNTRY = PREFIX + "countryOfOrigin";
    public static final String ARCHITECTURE_FAMILY = PREFIX + "architectureFamily";
    public static final String TOKENIZER_FAMILY = PREFIX + "tokenizerFamily";
    public static final String CONFIDENCE = PREFIX + "confidence";
    public static final String BASE_RELATION = PREFIX + "baseRelation";
    public static final String BASE_DECLARED = PREFIX + "baseDeclared";
    public static final String LICENSE_SOURCE = PREFIX + "license.source";
    public static final String COMMERCIAL_USE = PREFIX + "license.commercialUse";
    public static final String OBLIGATION = PREFIX + "license.obligation";
    public static final String LICENSE_CONFLICT = PREFIX + "license.conflict";
    public static final String SIGNATURE_STATUS = PREFIX + "signature.status";
    public static final String SIGNATURE_METHOD = PREFIX + "signature.method";
    public static final String SIGNATURE_SIGNER = PREFIX + "signature.signer";
    public static final String SIGNATURE_VERIFIED_WITH = PREFIX + "signature.verifiedWith";
    public static final String SIGNATURE_SUBJECT = PREFIX + "signature.subjectDigest";
    public static final String LOCK_STATUS = PREFIX + "lock.status";
    public static final String INCOMPLETE = PREFIX + "incomplete";
    public static final String LANGUAGE = PREFIX + "card.language";
    public static final String FILE_FORMAT = PREFIX + "file.format";
    public static final String FILE_STATUS = PREFIX + "file.status";
    public static final String FILE_INNER_FORMAT = PREFIX + "file.innerFormat";
    public static final String DECISION = PREFIX + "decision";
    public static final String DECISION_REASON = PREFIX + "decision.reason";
    public static final String POLICY = PREFIX + "policy";
    public static final String KB_VERSION = PREFIX + "kbVersion";
    public static final String WAIVER = PREFIX + "waiver";

    private ModelGateProperties() {
    }
}
