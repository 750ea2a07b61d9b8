package io.modelgate.cli.report;

import io.modelgate.assessment.IncompleteReason;
import io.modelgate.assessment.Integrity;
import io.modelgate.assessment.IntegrityCheck;
import io.modelgate.assessment.LockStatus;
import io.modelgate.assessment.ModelAssessment;
import io.modelgate.assessment.PackageRef;
import io.modelgate.assessment.ScanAssessment;
import io.modelgate.assessment.Signature;
import io.modelgate.assessment.SignatureStatus;
import io.modelgate.provenance.identity.BaseModel;
import io.modelgate.provenance.identity.Evidence;
import io.modelgate.assessment.Identity;
import io.modelgate.provenance.identity.Stance;
import io.modelgate.provenance.identity.UnitKind;
import io.modelgate.provenance.license.LicenseVerdict;
import io.modelgate.scanner.Scanner;
import io.modelgate.scanner.model.FileResult;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.ScanReport;
import io.modelgate.scanner.model.Severity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A scan of real files for the writer tests: the quick-start model folder, a malicious PyTorch checkpoint under a
 * hostile file name, a nested archive, and facts (identity, license, signature, lock) the way the assessment
 * carries them, with hostile text where scanned files could put it. Built from a real scan; the identity facts
 * are set by hand because the writers must show whatever the assessment says.
 */
final class SampleScan {

    /** Markup a hostile model could carry in names and metadata; it must never act in any report. */
    static final String SCRIPT = "<script>document.body.setAttribute('data-pwned','1')</script>";
    static final String IMG = "\"><img src=x onerror=alert(1)>";
    static final String MD_LINK = "[click](https://evil.example/x) **bold** | pipe `tick`";

    static final String EVIL_NAME = "evil " + IMG + ".pt";

    final ScanAssessment scan;
    final ReportDecision decision;
    final Path root;

    private SampleScan(ScanAssessment scan, ReportDecision decision, Path root) {
        this.scan = scan;
        this.decision = decision;
        this.root = root;
    }

    static SampleScan in(Path dir) throws IOException {
        Path fixtures = Path.of("..", "fixtures");
        if (!Files.exists(dir.resolve("notes.txt"))) { // a second call scans the same files again
            Path model = Files.createDirectories(dir.resolve("tiny-classifier"));
            for (String name : List.of("config.json", "pytorch_model.bin")) {
                Files.copy(fixtures.resolve("examples/quickstart/tiny-classifier").resolve(name), model.resolve(name));
            }
            Files.copy(fixtures.resolve("torch/evil_reduce.pt"), dir.resolve(EVIL_NAME));
            Files.copy(fixtures.resolve("archives/nested.zip"), dir.resolve("nested.zip"));
            Files.writeString(dir.resolve("notes.txt"), "not a model");
        }
        ScanReport report = Scanner.withDefaults().scan(List.of(dir));
        String root = dir.toString();
        List<FileResult> folderFiles = new ArrayList<>();
        FileResult evil = null;
        List<FileResult> others = new ArrayList<>();
        for (FileResult f : report.files()) {
            if (f.path().startsWith(root + "/tiny-classifier/")) {
                folderFiles.add(f);
            } else if (f.path().endsWith(EVIL_NAME)) {
                evil = f;
            } else {
                others.add(f);
            }
        }
        if (evil == null || folderFiles.size() != 2) {
            throw new IllegalStateException("sample files not scanned as expected: " + report.files());
        }
        ModelAssessment folder = new ModelAssessment(root + "/tiny-classifier", UnitKind.HF_FOLDER, "tiny-classifier",
                "sha256:" + "ab".repeat(32), folderFiles, List.of(),
                new Identity("llama", "llama-3", "Meta", "US", "llama", "llama",
                        List.of(new BaseModel("meta-llama/Llama-3.1-8B", "llama", "finetune", true)), 0.93,
                        List.of(new Evidence("vocab_size", "128256", "config.json#/vocab_size", 0.6, "llama",
                                Stance.SUPPORTS))),
                new LicenseVerdict("Apache-2.0", "Apache License 2.0", "README.md", "true",
                        List.of("Keep the NOTICE file with redistributions"), List.of()),
                new Integrity(LockStatus.MATCH, "modelgate.lock",
                        List.of(new IntegrityCheck("lock", "match", 2, null, "modelgate.lock", 0, List.of(), List.of(),
                                List.of(), List.of())), List.of()),
                new Signature(SignatureStatus.VALID, "key", "release@example.org", "keys/release.pub",
                        "sha256:" + "ab".repeat(32), List.of(), List.of()),
                null, List.of());
        ModelAssessment hostile = new ModelAssessment(evil.path(), UnitKind.CHECKPOINT, SCRIPT, null, List.of(evil),
                List.of(), new Identity(null, null, SCRIPT, "XX", null, null,
                        List.of(new BaseModel(MD_LINK, null, "merge", false)), 0.1, List.of()),
                new LicenseVerdict(null, IMG, "model card " + SCRIPT, "unknown", List.of(MD_LINK),
                        List.of("card says MIT, config says " + SCRIPT)),
                Integrity.notChecked(), new Signature(SignatureStatus.INVALID, "pgp", IMG, null, null,
                List.of("no keyring given"), List.of()),
                new PackageRef("bundle.zip", "zip", SCRIPT, "1.0"), List.of());
        ScanAssessment scan = new ScanAssessment(report.toolVersion(), report.startedAt(), report.durationMillis(),
                report.roots(), "2026.11.1", List.of(folder, hostile), others, List.of(),
                List.of(new IncompleteReason(root + "/tiny-classifier", "shard index lists a file " + SCRIPT)));
        List<ReportDecision.Reason> reasons = new ArrayList<>();
        for (Finding f : scan.allFindings()) {
            if (f.severity().atLeast(Severity.HIGH)) {
                String owner = f.location().path().segments().get(0).equals(evil.path()) ? evil.path() : null;
                reasons.add(new ReportDecision.Reason("REJECT", "finding", owner, f.ruleId(), f.location().toString(),
                        f.message()));
            }
        }
        reasons.add(new ReportDecision.Reason("REVIEW", "origin.country.review", evil.path(), null, null,
                "publisher country XX is on the review list " + MD_LINK));
        ReportDecision decision = new ReportDecision("REJECT", reasons,
                List.of(new ReportDecision.WaiverUse("MG-LIC-001", "**/tiny-classifier/**", "licensed by contract "
                        + SCRIPT, "legal@example.org", "2027-06-30", List.of("MG-LIC-001 at config.json"))),
                List.of("MG-PKL-002 on vendor/** (line 12)"), List.of("MG-GEN-003 on ** (expired 2026-01-01)"),
                "strict-" + IMG, "3", true, List.of(new ReportDecision.Reason("APPROVE", "pickle.import.accepted",
                        null, null, null, "torch._utils._rebuild_tensor_v2 accepted by the policy")));
        return new SampleScan(scan, decision, dir);
    }
}
