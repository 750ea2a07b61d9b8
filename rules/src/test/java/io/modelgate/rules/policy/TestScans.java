package io.modelgate.rules.policy;

import io.modelgate.assessment.Identity;
import io.modelgate.assessment.IncompleteReason;
import io.modelgate.assessment.Integrity;
import io.modelgate.assessment.LockStatus;
import io.modelgate.assessment.ModelAssessment;
import io.modelgate.assessment.ScanAssessment;
import io.modelgate.assessment.Signature;
import io.modelgate.assessment.SignatureStatus;
import io.modelgate.provenance.identity.BaseModel;
import io.modelgate.provenance.identity.UnitKind;
import io.modelgate.provenance.license.LicenseVerdict;
import io.modelgate.scanner.model.ArtifactPath;
import io.modelgate.scanner.model.FileResult;
import io.modelgate.scanner.model.FileStatus;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.Location;
import io.modelgate.scanner.model.Rule;
import io.modelgate.scanner.model.Severity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds assessments for engine tests straight from the records. */
final class TestScans {

    static final String DIGEST = "sha256:" + "ab".repeat(32);

    private TestScans() {
    }

    static Finding finding(Rule rule, String file, String subject) {
        return Finding.of(rule, Location.at(ArtifactPath.of(file), 12), subject, "explanation");
    }

    static FileResult file(String path, String format, FileStatus status, Finding... findings) {
        return new FileResult(path, format, Set.of(), 100, "00", status, List.of(findings), List.of(), Map.of());
    }

    static FileResult incompleteFile(String path, String reason) {
        return new FileResult(path, "pickle", Set.of(), 100, "00", FileStatus.INCOMPLETE, List.of(),
                List.of(reason), Map.of());
    }

    static ScanAssessment scan(ModelAssessment... models) {
        return new ScanAssessment("test", Instant.EPOCH, 0, List.of("."), "kb", List.of(models), List.of(),
                List.of(), List.of());
    }

    static ScanAssessment scanWithOthers(List<ModelAssessment> models, List<FileResult> others) {
        return new ScanAssessment("test", Instant.EPOCH, 0, List.of("."), "kb", models, others, List.of(),
                List.of());
    }

    static LicenseVerdict license(String id, String commercialUse) {
        return new LicenseVerdict(id, id, "README.md", commercialUse, List.of(), List.of());
    }

    /** A model with a clean weights file, an Apache-2.0 license and a US family, unsigned. */
    static Model model(String path) {
        return new Model(path);
    }

    /** A mutable description turned into a {@link ModelAssessment} by {@link #build()}. */
    static final class Model {
        final String path;
        String digest = DIGEST;
        List<FileResult> files = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        Identity identity = new Identity("llama", "llama3.1", "Meta Platforms", "US", "llama", "llama", List.of(),
                0.9, List.of());
        LicenseVerdict license = TestScans.license("Apache-2.0", "true");
        Integrity integrity = Integrity.notChecked();
        Signature signature = Signature.absent();
        List<IncompleteReason> incomplete = new ArrayList<>();

        Model(String path) {
            this.path = path;
            files.add(TestScans.file(path + "/model.safetensors", "safetensors", FileStatus.CLEAN));
        }

        Model file(FileResult file) {
            files.add(file);
            return this;
        }

        Model unitFinding(Rule rule) {
            findings.add(TestScans.finding(rule, path + "/README.md", null));
            return this;
        }

        Model license(LicenseVerdict verdict) {
            license = verdict;
            return this;
        }

        Model origin(String family, String generation, String publisher, String country, BaseModel... bases) {
            identity = new Identity(family, generation, publisher, country, family, family, List.of(bases), 0.9,
                    List.of());
            return this;
        }

        /** The identity as it is, with another confidence. */
        Model confidence(double confidence) {
            identity = new Identity(identity.family(), identity.generation(), identity.publisher(), identity.country(),
                    identity.architectureFamily(), identity.tokenizerFamily(), identity.baseModels(), confidence,
                    identity.evidence());
            return this;
        }

        Model signature(SignatureStatus status, String method, String signer, String verifiedWith) {
            signature = new Signature(status, method, signer, verifiedWith, digest, List.of(), List.of());
            return this;
        }

        Model lock(LockStatus status) {
            integrity = new Integrity(status, "model.lock", List.of(), List.of());
            return this;
        }

        Model digest(String value) {
            digest = value;
            return this;
        }

        ModelAssessment build() {
            return new ModelAssessment(path, UnitKind.HF_FOLDER, path, digest, files, findings, identity, license,
                    integrity, signature, null, incomplete);
        }
    }

    static final Rule CRITICAL = new Rule("MG-PKL-001", Severity.CRITICAL, "code-execution", "t", "h");
    static final Rule MEDIUM = new Rule("MG-TST-002", Severity.MEDIUM, "review", "t", "h");
    static final Rule LOW = new Rule("MG-TST-004", Severity.LOW, "review", "t", "h");
}
