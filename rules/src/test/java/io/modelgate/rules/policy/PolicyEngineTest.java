package io.modelgate.rules.policy;

import io.modelgate.assessment.LockStatus;
import io.modelgate.assessment.ModelAssessment;
import io.modelgate.assessment.ScanAssessment;
import io.modelgate.assessment.SignatureStatus;
import io.modelgate.provenance.identity.BaseModel;
import io.modelgate.provenance.identity.ProvenanceRules;
import io.modelgate.provenance.kb.KnowledgeBaseLoader;
import io.modelgate.provenance.license.LicenseRules;
import io.modelgate.provenance.license.LicenseVerdict;
import io.modelgate.rules.policy.load.PolicyLoader;
import io.modelgate.rules.policy.load.Profiles;
import io.modelgate.scanner.model.FileResult;
import io.modelgate.scanner.model.FileStatus;
import io.modelgate.scanner.onnx.OnnxRules;
import io.modelgate.scanner.pickle.PickleRules;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.modelgate.rules.policy.TestScans.CRITICAL;
import static io.modelgate.rules.policy.TestScans.DIGEST;
import static io.modelgate.rules.policy.TestScans.LOW;
import static io.modelgate.rules.policy.TestScans.MEDIUM;
import static io.modelgate.rules.policy.TestScans.file;
import static io.modelgate.rules.policy.TestScans.finding;
import static io.modelgate.rules.policy.TestScans.license;
import static io.modelgate.rules.policy.TestScans.model;
import static io.modelgate.rules.policy.TestScans.scan;
import static org.assertj.core.api.Assertions.assertThat;

class PolicyEngineTest {

    private static final Clock JAN_15 = Clock.fixed(Instant.parse("2027-01-15T10:00:00Z"), ZoneOffset.UTC);
    private static final PolicyLoader LOADER = new PolicyLoader(KnowledgeBaseLoader.builtIn());

    private final PolicyEngine engine = new PolicyEngine();

    static Policy policy(String yaml) {
        try {
            return LOADER.parse("version: 1\n" + yaml, "test", null);
        } catch (Exception e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    private Decision decide(ScanAssessment scan, Policy policy) {
        return engine.decide(scan, policy, JAN_15);
    }

    private Decision decide(TestScans.Model model, String yaml) {
        return decide(scan(model.build()), policy(yaml));
    }

    private static List<String> codes(Decision d) {
        return d.reasons().stream().map(Reason::code).toList();
    }

    private static TestScans.Model withFinding(TestScans.Model m, io.modelgate.scanner.model.Rule rule) {
        return m.file(file(m.path + "/extra.pkl", "pickle", FileStatus.FINDINGS, finding(rule, m.path + "/extra.pkl",
                "os.system")));
    }

    @Nested
    class SecurityGate {

        @Test
        void cleanModelIsApproved() {
            Decision d = decide(model("m"), "");
            assertThat(d.outcome()).isEqualTo(Outcome.APPROVE);
            assertThat(d.reasons()).isEmpty();
            assertThat(d.policyName()).isEqualTo("test");
        }

        @Test
        void criticalFindingRejectsUnderTheDefaultProfile() {
            Policy defaults = Profiles.load("default", LOADER);
            Decision d = decide(scan(withFinding(model("m"), CRITICAL).build()), defaults);
            assertThat(d.outcome()).isEqualTo(Outcome.REJECT);
            assertThat(d.rejectedOnMerits()).isTrue();
            Reason r = d.reasons().get(0);
            assertThat(r).extracting(Reason::code, Reason::ruleId, Reason::model, Reason::file)
                    .containsExactly("finding", "MG-PKL-001", "m", "m/extra.pkl");
            assertThat(r.message()).contains("critical", "os.system", "m/extra.pkl@12");
        }

        @Test
        void mediumFindingPassesTheDefaultAndIsReviewedWithReviewOn() {
            assertThat(decide(withFinding(model("m"), MEDIUM), "").outcome()).isEqualTo(Outcome.APPROVE);
            Decision d = decide(withFinding(model("m"), MEDIUM), "gate: {reviewOn: medium}\n");
            assertThat(d.outcome()).isEqualTo(Outcome.REVIEW);
            assertThat(decide(withFinding(model("m"), LOW), "gate: {reviewOn: medium}\n").outcome())
                    .isEqualTo(Outcome.APPROVE);
            assertThat(decide(withFinding(model("m"), MEDIUM), "gate: {failOn: medium}\n").outcome())
                    .isEqualTo(Outcome.REJECT);
        }

        @Test
        void strictRejectsUnreviewedConstructs() {
            Decision d = decide(withFinding(model("m"), OnnxRules.CUSTOM_DOMAIN), "gate: {strict: true}\n");
            assertThat(d.outcome()).isEqualTo(Outcome.REJECT);
            assertThat(codes(d)).containsExactly("finding.unreviewed");
        }

        @Test
        void reviewedPickleImportsAreAcceptedButDangerousOnesNever() {
            TestScans.Model m = model("m");
            m.file(file("m/a.pkl", "pickle", FileStatus.FINDINGS,
                    finding(PickleRules.UNKNOWN_IMPORT, "m/a.pkl", "mycompany.models.net.Net")));
            Decision d = decide(m, "gate: {strict: true}\npickle: {allow: [mycompany.models.*]}\n");
            assertThat(d.outcome()).isEqualTo(Outcome.APPROVE);
            assertThat(d.notes()).extracting(Reason::code).contains("pickle.allowed");
            TestScans.Model other = model("m");
            other.file(file("m/a.pkl", "pickle", FileStatus.FINDINGS,
                    finding(PickleRules.UNKNOWN_IMPORT, "m/a.pkl", "othercompany.Net")));
            assertThat(decide(other, "gate: {strict: true}\npickle: {allow: [mycompany.models.*]}\n").outcome())
                    .isEqualTo(Outcome.REJECT);
            TestScans.Model dangerous = model("m");
            dangerous.file(file("m/a.pkl", "pickle", FileStatus.FINDINGS,
                    finding(PickleRules.DANGEROUS_IMPORT, "m/a.pkl", "os.system")));
            assertThat(decide(dangerous, "pickle: {allow: [os.*]}\n").outcome()).isEqualTo(Outcome.REJECT);
        }

        @Test
        void incompleteFilesRejectAsIncompleteUnlessAllowed() {
            TestScans.Model m = model("m").file(TestScans.incompleteFile("m/big.bin", "time limit reached"));
            Decision d = decide(m, "");
            assertThat(d.outcome()).isEqualTo(Outcome.REJECT);
            assertThat(d.incomplete()).isTrue();
            assertThat(d.rejectedOnMerits()).isFalse();
            assertThat(d.reasons()).singleElement().satisfies(r -> {
                assertThat(r.code()).isEqualTo("incomplete");
                assertThat(r.file()).isEqualTo("m/big.bin");
                assertThat(r.model()).isEqualTo("m");
                assertThat(r.message()).contains("time limit reached");
            });
            Decision allowed = decide(m, "gate: {allowIncomplete: true}\n");
            assertThat(allowed.outcome()).isEqualTo(Outcome.APPROVE);
            assertThat(allowed.incomplete()).isFalse();
            assertThat(allowed.notes()).extracting(Reason::code).contains("incomplete");
        }

        @Test
        void aLimitOrTimeOutFindingMakesTheFileIncompleteNeverRejects() {
            TestScans.Model m = model("m").file(TestScans.incompleteFile("m/big.bin", "larger than the limit"));
            m.file(file("m/slow.pkl", "pickle", FileStatus.INCOMPLETE,
                    finding(io.modelgate.scanner.analysis.CoreRules.LIMIT_REACHED, "m/slow.pkl", null),
                    finding(io.modelgate.scanner.analysis.CoreRules.TIMEOUT, "m/slow.pkl", null)));
            Decision d = decide(m, "");
            assertThat(d.incomplete()).isTrue();
            assertThat(d.rejectedOnMerits()).isFalse();
            assertThat(codes(d)).containsOnly("incomplete");
            assertThat(d.reasons()).extracting(Reason::ruleId).contains("MG-GEN-002", "MG-GEN-006");
            assertThat(decide(m, "gate: {allowIncomplete: true}\n").outcome()).isEqualTo(Outcome.APPROVE);
        }

        @Test
        void unreadableFileIsIncomplete() {
            TestScans.Model m = model("m").file(file("m/x.bin", "unknown", FileStatus.ERROR));
            Decision d = decide(m, "");
            assertThat(d.incomplete()).isTrue();
        }

        @Test
        void findingsOnRejectWinOverIncomplete() {
            TestScans.Model m = withFinding(model("m"), CRITICAL).file(TestScans.incompleteFile("m/b", "truncated"));
            Decision d = decide(m, "");
            assertThat(d.incomplete()).isTrue();
            assertThat(d.rejectedOnMerits()).isTrue();
        }

        @Test
        void nothingToAssessIsNeverApproved() {
            Decision d = decide(TestScans.scanWithOthers(List.of(), List.of(file("notes.txt", "text",
                    FileStatus.SKIPPED))), policy(""));
            assertThat(d.nothingToAssess()).isTrue();
            assertThat(d.outcome()).isEqualTo(Outcome.REVIEW);
            assertThat(codes(d)).containsExactly("nothing.to.assess");
            Decision evil = decide(TestScans.scanWithOthers(List.of(), List.of(file("x.pkl", "pickle",
                    FileStatus.FINDINGS, finding(CRITICAL, "x.pkl", "os.system")))), policy(""));
            assertThat(evil.outcome()).isEqualTo(Outcome.REJECT);
            assertThat(evil.rejectedOnMerits()).isTrue();
        }

        @Test
        void licenseAndProvenanceFindingsAreNotesUnderTheDefault() {
            TestScans.Model m = model("m").unitFinding(LicenseRules.NO_LICENSE).unitFinding(ProvenanceRules.UNIDENTIFIED)
                    .license(new LicenseVerdict(null, null, "not declared", "unknown", List.of(), List.of()));
            Decision d = decide(scan(m.build()), Profiles.load("default", LOADER));
            assertThat(d.outcome()).isEqualTo(Outcome.APPROVE);
            assertThat(d.notes()).extracting(Reason::ruleId).contains("MG-LIC-001", "MG-PROV-005");
        }
    }

    @Nested
    class Licenses {

        @Test
        void denyReviewAllowAndUnlisted() {
            String lists = "licenses: {allow: [MIT, Apache-2.0], deny: [CC-BY-NC-4.0], review: [LicenseRef-llama3.1]}\n";
            assertThat(decide(model("m").license(license("CC-BY-NC-4.0", "false")), lists).reasons())
                    .extracting(Reason::code, Reason::effect).containsExactly(
                            org.assertj.core.groups.Tuple.tuple("license.deny", Outcome.REJECT));
            assertThat(codes(decide(model("m").license(license("LicenseRef-llama3.1", "conditional")), lists)))
                    .containsExactly("license.review");
            assertThat(decide(model("m").license(license("Apache-2.0", "true")), lists).outcome())
                    .isEqualTo(Outcome.APPROVE);
            assertThat(codes(decide(model("m").license(license("GPL-3.0-only", "true")), lists)))
                    .containsExactly("license.unlisted");
            assertThat(decide(model("m").license(license("GPL-3.0-only", "true")),
                    "licenses: {allow: [MIT], onUnlisted: review}\n").outcome()).isEqualTo(Outcome.REVIEW);
            assertThat(decide(model("m").license(license("GPL-3.0-only", "true")),
                    "licenses: {deny: [MIT]}\n").outcome()).isEqualTo(Outcome.APPROVE);
        }

        @Test
        void expressionsAreJudgedAsALicenseeUsesThem() {
            String lists = "licenses: {deny: [GPL-3.0-only]}\n";
            assertThat(decide(model("m").license(license("MIT OR GPL-3.0-only", "true")), lists).outcome())
                    .isEqualTo(Outcome.APPROVE);
            assertThat(decide(model("m").license(license("MIT AND GPL-3.0-only", "true")), lists).outcome())
                    .isEqualTo(Outcome.REJECT);
            assertThat(decide(model("m").license(license("GPL-3.0-only WITH GCC-exception-3.1", "true")), lists)
                    .outcome()).isEqualTo(Outcome.REJECT);
        }

        @Test
        void commercialUse() {
            String require = "licenses: {requireCommercialUse: true, allow: [LicenseRef-llama3.1, MIT, "
                    + "CC-BY-NC-4.0], onUnknown: note}\n";
            assertThat(codes(decide(model("m").license(license("CC-BY-NC-4.0", "false")), require)))
                    .containsExactly("license.commercialUse");
            // conditional terms on an explicitly allowed license were reviewed when it was allowed
            assertThat(decide(model("m").license(license("LicenseRef-llama3.1", "conditional")), require).outcome())
                    .isEqualTo(Outcome.APPROVE);
            assertThat(decide(model("m").license(license("LicenseRef-llama3.1", "conditional")),
                    "licenses: {requireCommercialUse: true}\n").outcome()).isEqualTo(Outcome.REVIEW);
        }

        @Test
        void missingUnknownAndConflictingLicenses() {
            TestScans.Model missing = model("m").unitFinding(LicenseRules.NO_LICENSE)
                    .license(new LicenseVerdict(null, null, "not declared", "unknown", List.of(), List.of()));
            Decision d = decide(missing, "licenses: {onMissing: reject}\n");
            assertThat(d.reasons()).singleElement().satisfies(r -> {
                assertThat(r.code()).isEqualTo("license.missing");
                assertThat(r.ruleId()).isEqualTo("MG-LIC-001");
                assertThat(r.file()).isEqualTo("m/README.md");
            });
            assertThat(decide(missing, "licenses: {deny: [MIT]}\n").outcome()).isEqualTo(Outcome.REVIEW);
            assertThat(decide(missing, "licenses: {requireCommercialUse: true, onMissing: note}\n").reasons())
                    .extracting(Reason::message).containsExactly("commercial use is unknown: no license is declared");
            assertThat(decide(missing, "").outcome()).isEqualTo(Outcome.APPROVE);
            TestScans.Model inferred = model("m").unitFinding(LicenseRules.NO_LICENSE)
                    .license(new LicenseVerdict("CC-BY-NC-4.0", "x", "not declared; inferred from family x", "false",
                            List.of(), List.of()));
            assertThat(codes(decide(inferred, "licenses: {deny: [CC-BY-NC-4.0], onMissing: note}\n")))
                    .containsExactly("license.deny");
            TestScans.Model unknown = model("m").unitFinding(LicenseRules.UNRECOGNISED)
                    .license(new LicenseVerdict("LicenseRef-unrecognised", "other", "README.md", "unknown", List.of(),
                            List.of()));
            assertThat(codes(decide(unknown, "licenses: {allow: [MIT]}\n"))).containsExactly("license.unknown");
            TestScans.Model conflict = model("m").unitFinding(LicenseRules.INHERITANCE_CONFLICT)
                    .license(new LicenseVerdict("Apache-2.0", "Apache", "README.md", "true", List.of(),
                            List.of("declared Apache-2.0 but base x is under LicenseRef-llama3.1")));
            Decision c = decide(conflict, "licenses: {onConflict: reject}\n");
            assertThat(c.reasons()).singleElement().satisfies(r -> {
                assertThat(r.code()).isEqualTo("license.conflict");
                assertThat(r.ruleId()).isEqualTo("MG-LIC-002");
            });
        }
    }

    @Nested
    class Origin {

        @Test
        void countriesAllowDenyReviewUnlistedAndUnknown() {
            String lists = "origin: {countries: {allow: [US, FR], deny: [KP], review: [CN]}}\n";
            assertThat(decide(model("m"), lists).outcome()).isEqualTo(Outcome.APPROVE);
            assertThat(codes(decide(model("m").origin("qwen", "qwen2.5", "Alibaba Cloud (Qwen team)", "CN"), lists)))
                    .containsExactly("origin.country.review");
            assertThat(codes(decide(model("m").origin("x", null, "X", "KP"), lists)))
                    .containsExactly("origin.country.deny");
            assertThat(codes(decide(model("m").origin("mistral", null, "Mistral AI", "DE"), lists)))
                    .containsExactly("origin.country.unlisted");
            Decision unknown = decide(model("m").origin(null, null, null, null).unitFinding(ProvenanceRules.UNIDENTIFIED),
                    lists);
            assertThat(unknown.reasons()).singleElement().satisfies(r -> {
                assertThat(r.code()).isEqualTo("origin.unknown");
                assertThat(r.effect()).isEqualTo(Outcome.REVIEW);
                assertThat(r.ruleId()).isEqualTo("MG-PROV-005");
            });
            assertThat(decide(model("m").origin(null, null, null, null),
                    "origin: {countries: {review: [CN]}, onUnknown: reject}\n").outcome()).isEqualTo(Outcome.REJECT);
        }

        @Test
        void anUncertainIdentityIsReviewedWhereOriginMatters() {
            TestScans.Model guessed = model("m").origin("mistral", null, "Mistral AI", "FR").confidence(0.45);
            String lists = "origin: {countries: {review: [CN]}}\n";
            assertThat(decide(guessed, lists).reasons()).singleElement().satisfies(r -> {
                assertThat(r.code()).isEqualTo("origin.uncertain");
                assertThat(r.effect()).isEqualTo(Outcome.REVIEW);
                assertThat(r.message()).contains("0.45");
            });
            assertThat(decide(guessed, "origin: {countries: {review: [CN]}, onUncertain: note}\n").outcome())
                    .isEqualTo(Outcome.APPROVE);
            assertThat(decide(model("m").origin("mistral", null, "Mistral AI", "FR"), lists).outcome())
                    .isEqualTo(Outcome.APPROVE);
            assertThat(decide(guessed, "").outcome()).isEqualTo(Outcome.APPROVE);
        }

        @Test
        void publishersMatchWithoutTheirParenthesis() {
            TestScans.Model qwen = model("m").origin("qwen", "qwen2.5", "Alibaba Cloud (Qwen team)", "CN");
            assertThat(codes(decide(qwen, "origin: {publishers: {deny: [alibaba cloud]}}\n")))
                    .containsExactly("origin.publisher.deny");
            assertThat(codes(decide(qwen, "origin: {publishers: {review: [Alibaba Cloud (Qwen team)]}}\n")))
                    .containsExactly("origin.publisher.review");
        }

        @Test
        void familiesGenerationsAndBaseModels() {
            TestScans.Model qwen = model("m").origin("qwen", "qwen2.5", "Alibaba Cloud (Qwen team)", "CN");
            assertThat(codes(decide(qwen, "origin: {families: {deny: [qwen2.5]}}\n")))
                    .containsExactly("origin.family.deny");
            assertThat(codes(decide(qwen, "origin: {families: {review: [qwen]}}\n")))
                    .containsExactly("origin.family.review");
            TestScans.Model merged = model("m").origin("llama", "llama3.1", "Meta Platforms", "US",
                    new BaseModel("Qwen/Qwen2.5-7B", "qwen", "merge", true));
            Decision d = decide(merged, "origin: {families: {deny: [qwen]}}\n");
            assertThat(d.reasons()).singleElement().satisfies(r ->
                    assertThat(r.message()).contains("of base model Qwen/Qwen2.5-7B"));
            assertThat(codes(decide(merged, "origin: {families: {allow: [llama]}}\n")))
                    .containsExactly("origin.family.unlisted");
        }

        @Test
        void requireDeclaredBase() {
            TestScans.Model renamed = model("m").origin("llama", "llama3.1", "Meta Platforms", "US",
                    new BaseModel("llama3.1", "llama", "finetune", false)).unitFinding(ProvenanceRules.UNDECLARED_BASE);
            Decision d = decide(renamed, "origin: {requireDeclaredBase: true}\n");
            assertThat(d.reasons()).singleElement().satisfies(r -> {
                assertThat(r.code()).isEqualTo("origin.undeclaredBase");
                assertThat(r.ruleId()).isEqualTo("MG-PROV-001");
            });
            assertThat(decide(renamed, "").outcome()).isEqualTo(Outcome.APPROVE);
        }
    }

    @Nested
    class Signatures {

        private Policy withKey(Path dir, String extra) throws Exception {
            Files.writeString(dir.resolve("team.pub"), "pem");
            Path file = dir.resolve("p.yaml");
            Files.writeString(file, "version: 1\nsignature: {publicKeys: [team.pub]" + extra + "}\n");
            return LOADER.load(file);
        }

        @Test
        void givenMaterialMakesAValidSignatureFromItARequirement(@TempDir Path dir) throws Exception {
            Policy policy = withKey(dir, "");
            assertThat(codes(decide(scan(model("m").build()), policy))).containsExactly("signature.required");
            assertThat(codes(decide(scan(model("m").signature(SignatureStatus.INVALID, "key", "k", null).build()),
                    policy))).containsExactly("signature.invalid");
            assertThat(codes(decide(scan(model("m").signature(SignatureStatus.UNTRUSTED, "key", "other", null)
                    .build()), policy))).containsExactly("signature.otherSigner");
            assertThat(codes(decide(scan(model("m").signature(SignatureStatus.UNVERIFIED, "keyless", "a@b", null)
                    .build()), policy))).containsExactly("signature.otherMethod");
            assertThat(codes(decide(scan(model("m").signature(SignatureStatus.VALID, "detached", "u", "ring")
                    .build()), policy))).containsExactly("signature.otherMethod");
            Decision valid = decide(scan(model("m").signature(SignatureStatus.VALID, "key", "k1",
                    dir.resolve("team.pub").toString()).build()), policy);
            assertThat(valid.outcome()).isEqualTo(Outcome.APPROVE);
        }

        @Test
        void requiredWithoutMaterialNeedsAValidSignature() {
            String yaml = "signature: {required: true}\n";
            assertThat(codes(decide(model("m"), yaml))).containsExactly("signature.required");
            assertThat(codes(decide(model("m").signature(SignatureStatus.UNVERIFIED, "keyless", "a", null), yaml)))
                    .containsExactly("signature.unverified");
            assertThat(decide(model("m").signature(SignatureStatus.VALID, "certificate", "a", "ca.pem"), yaml)
                    .outcome()).isEqualTo(Outcome.APPROVE);
            assertThat(decide(model("m"), "").outcome()).isEqualTo(Outcome.APPROVE);
        }

        @Test
        void identitiesRestrictTheSigner(@TempDir Path dir) throws Exception {
            Policy policy = withKey(dir, ", identities: [release@example.com]");
            assertThat(decide(scan(model("m").signature(SignatureStatus.VALID, "key", "release@example.com", "k")
                    .build()), policy).outcome()).isEqualTo(Outcome.APPROVE);
            assertThat(codes(decide(scan(model("m").signature(SignatureStatus.VALID, "key", "dev@example.com", "k")
                    .build()), policy))).containsExactly("signature.identity");
        }
    }

    @Nested
    class LocksAndFormats {

        @Test
        void lock() {
            assertThat(codes(decide(model("m").lock(LockStatus.MISMATCH), ""))).containsExactly("lock.mismatch");
            assertThat(codes(decide(model("m"), "lock: {required: true}\n"))).containsExactly("lock.required");
            assertThat(decide(model("m").lock(LockStatus.MATCH), "lock: {required: true}\n").outcome())
                    .isEqualTo(Outcome.APPROVE);
        }

        @Test
        void formatsDenyReviewAllowAndSize() {
            TestScans.Model torch = model("m").file(new FileResult("m/model.pt", "pytorch-zip", Set.of("pickle"), 5000,
                    "00", FileStatus.CLEAN, List.of(), List.of(), Map.of()))
                    .file(file("m/config.json", "json", FileStatus.CLEAN));
            assertThat(decide(torch, "formats: {deny: [pickle]}\n").reasons()).singleElement()
                    .satisfies(r -> assertThat(r).extracting(Reason::code, Reason::file)
                            .containsExactly("format.deny", "m/model.pt"));
            assertThat(codes(decide(torch, "formats: {review: [pytorch-zip]}\n"))).containsExactly("format.review");
            assertThat(codes(decide(torch, "formats: {allow: [safetensors, pytorch-zip]}\n")))
                    .containsExactly("format.unlisted");
            assertThat(decide(torch, "formats: {allow: [safetensors, pytorch-zip, pickle]}\n").outcome())
                    .isEqualTo(Outcome.APPROVE);
            assertThat(codes(decide(torch, "formats: {maxFileSize: 1K}\n"))).containsExactly("format.maxFileSize");
        }
    }

    @Nested
    class ApprovedModels {

        private static final String REGISTER = """
                approvedModels:
                  - digest: "%s"
                    approvedBy: security@example.com
                    approvedOn: 2026-12-01
                    expires: %s
                licenses: {review: [Apache-2.0]}
                """;

        @Test
        void unlistedModelsAreRejected() {
            Decision d = decide(model("m").digest("sha256:" + "cd".repeat(32)), REGISTER.formatted(DIGEST, "2027-06-01"));
            assertThat(d.outcome()).isEqualTo(Outcome.REJECT);
            assertThat(d.reasons()).extracting(Reason::code).contains("approvedModels.missing");
            assertThat(d.reasons().stream().filter(r -> r.code().equals("approvedModels.missing")).findFirst()
                    .orElseThrow().message()).contains("sha256:" + "cd".repeat(32));
            assertThat(codes(decide(model("m"), "approvedModels: []\n"))).containsExactly("approvedModels.missing");
            assertThat(codes(decide(model("m").digest(null), "approvedModels: []\n")))
                    .containsExactly("approvedModels.missing");
        }

        @Test
        void anApprovalSettlesReviewButNotRejection() {
            Decision d = decide(model("m"), REGISTER.formatted(DIGEST, "2027-06-01"));
            assertThat(d.outcome()).isEqualTo(Outcome.APPROVE);
            assertThat(d.notes()).extracting(Reason::code).contains("approvedModels.approved", "license.review");
            Decision rejected = decide(withFinding(model("m"), CRITICAL), REGISTER.formatted(DIGEST, "2027-06-01"));
            assertThat(rejected.outcome()).isEqualTo(Outcome.REJECT);
        }

        @Test
        void expiredAndExpiringApprovals() {
            assertThat(codes(decide(model("m"), REGISTER.formatted(DIGEST, "2027-01-14"))))
                    .contains("approvedModels.expired");
            Decision lastDay = decide(model("m"), REGISTER.formatted(DIGEST, "2027-01-15"));
            assertThat(lastDay.outcome()).isEqualTo(Outcome.APPROVE);
            assertThat(lastDay.notes()).extracting(Reason::code).contains("approvedModels.expiring");
        }
    }

    @Nested
    class Waivers {

        private static final String WAIVER = """
                gate: {reviewOn: medium}
                expiryWarningDays: 10
                waivers:
                  - rule: MG-PKL-002
                    path: "**/legacy/*.pkl"
                    reason: reviewed in SEC-1
                    owner: ml-platform
                    expires: %s
                  - rule: MG-PKL-001
                    path: "unused/**"
                    reason: not used
                    owner: nobody
                """;

        private TestScans.Model legacy() {
            return model("m").file(file("m/legacy/a.pkl", "pickle", FileStatus.FINDINGS,
                    finding(PickleRules.UNKNOWN_IMPORT, "m/legacy/a.pkl", "legacy.Tok")));
        }

        @Test
        void aWaiverInForceSetsTheFindingAside() {
            Decision d = decide(legacy(), WAIVER.formatted("2027-01-31"));
            assertThat(d.outcome()).isEqualTo(Outcome.APPROVE);
            assertThat(d.waivers()).singleElement().satisfies(w -> {
                assertThat(w.waiver().owner()).isEqualTo("ml-platform");
                assertThat(w.waived().ruleId()).isEqualTo("MG-PKL-002");
            });
            assertThat(d.unusedWaivers()).extracting(Waiver::rule).containsExactly("MG-PKL-001");
            assertThat(d.expiredWaivers()).isEmpty();
        }

        @Test
        void anExpiredWaiverNoLongerAppliesAndTheDecisionSaysSo() {
            Decision d = decide(legacy(), WAIVER.formatted("2027-01-14"));
            assertThat(d.outcome()).isEqualTo(Outcome.REJECT);  // the high unreviewed import stands again
            assertThat(d.reasons()).singleElement().satisfies(r ->
                    assertThat(r.message()).contains("the waiver owned by ml-platform expired on 2027-01-14"));
            assertThat(d.expiredWaivers()).extracting(Waiver::rule).containsExactly("MG-PKL-002");
            assertThat(d.notes()).extracting(Reason::code).contains("waiver.expired");
            assertThat(d.unusedWaivers()).extracting(Waiver::rule).containsExactly("MG-PKL-001");
        }

        @Test
        void theLastDayStillAppliesWithAWarning() {
            Decision d = decide(legacy(), WAIVER.formatted("2027-01-15"));
            assertThat(d.outcome()).isEqualTo(Outcome.APPROVE);
            assertThat(d.notes()).extracting(Reason::code).contains("waiver.expiring");
            assertThat(decide(legacy(), WAIVER.formatted("2027-03-01")).notes()).extracting(Reason::code)
                    .doesNotContain("waiver.expiring");
        }

        @Test
        void pathMustMatch() {
            TestScans.Model elsewhere = model("m").file(file("m/current/a.pkl", "pickle", FileStatus.FINDINGS,
                    finding(PickleRules.UNKNOWN_IMPORT, "m/current/a.pkl", "legacy.Tok")));
            Decision d = decide(elsewhere, WAIVER.formatted("2027-01-31"));
            assertThat(d.outcome()).isEqualTo(Outcome.REJECT);  // the high unreviewed import stands again
            assertThat(d.unusedWaivers()).hasSize(2);
        }

        @Test
        void decisionCodesCanBeWaivedForAModel() {
            String yaml = "licenses: {deny: [CC-BY-NC-4.0]}\nwaivers: [{rule: license.deny, path: research/*, "
                    + "reason: research only, owner: legal}]\n";
            assertThat(decide(model("research/m").license(license("CC-BY-NC-4.0", "false")), yaml).outcome())
                    .isEqualTo(Outcome.APPROVE);
            assertThat(decide(model("prod/m").license(license("CC-BY-NC-4.0", "false")), yaml).outcome())
                    .isEqualTo(Outcome.REJECT);
        }

        @Test
        void archiveEntriesMatchAsFolders() {
            assertThat(PathGlob.compile("**/legacy/*.pkl").matches("bundle.zip!legacy/a.pkl")).isTrue();
            assertThat(PathGlob.compile("**/legacy/*.pkl").matches("legacy/sub/a.pkl")).isFalse();
            assertThat(PathGlob.compile("*.pkl").matches("./a.pkl")).isTrue();
        }
    }

    @Test
    void profilesDecideDifferently() {
        TestScans.Model qwen = model("m").origin("qwen", "qwen2.5", "Alibaba Cloud (Qwen team)", "CN");
        assertThat(decide(scan(qwen.build()), Profiles.load("default", LOADER)).outcome()).isEqualTo(Outcome.APPROVE);
        assertThat(decide(scan(qwen.build()), Profiles.load("origin-review", LOADER)).outcome())
                .isEqualTo(Outcome.REVIEW);
        assertThat(decide(scan(withFinding(model("m"), MEDIUM).build()), Profiles.load("strict", LOADER)).outcome())
                .isEqualTo(Outcome.REJECT);
    }

    @Test
    void sameInputSameDecision() {
        ModelAssessment m = withFinding(model("m"), MEDIUM).build();
        Policy p = policy("gate: {reviewOn: medium}\n");
        assertThat(decide(scan(m), p)).isEqualTo(decide(scan(m), p));
    }
}
