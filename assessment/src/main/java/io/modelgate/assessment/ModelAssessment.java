package io.modelgate.assessment;

import io.modelgate.provenance.identity.UnitKind;
import io.modelgate.provenance.license.LicenseVerdict;
import io.modelgate.scanner.model.FileResult;
import io.modelgate.scanner.model.Finding;

import java.util.List;

/**
 * One model unit: a Hugging Face style folder, an adapter folder, a single GGUF/ONNX/checkpoint file, or a
 * model found inside an archive or software package. Immutable.
 *
 * @param path       the unit as shown in reports: a folder, a file, or an artifact path inside a container
 *                   ({@code bundle.zip!models/bert})
 * @param kind       how the unit is packaged
 * @param name       the name it goes by, when it declares one
 * @param digest     {@code sha256:<hex>} whole-model digest over the unit's files, computed as the OpenSSF
 *                   model_signing subject is (so a signed model's digest equals its signature subject digest);
 *                   null when a file of the unit could not be read
 * @param files      the unit's files with their digests, status and findings as the scanner left them
 * @param findings   unit-level findings: provenance, license, integrity, signature, folder checks; each
 *                   finding's location names the file concerned
 * @param identity   what the model is and who publishes it
 * @param license    the license verdict; null only when provenance analysis could not run
 * @param integrity  expected-digest checks over the unit (lock, Hugging Face cache, LFS pointers, …)
 * @param signature  signature verification of the unit
 * @param container  the archive or software package holding the unit, null when it is on disk
 * @param incomplete unit-level reasons why a check could not finish (a folder check that failed, an unusable
 *                   lock); any of them makes the scan incomplete, as an incomplete file does
 * @param card       what the unit's model card declares about its use (task, datasets, languages)
 */
public record ModelAssessment(String path, UnitKind kind, String name, String digest, List<FileResult> files,
                              List<Finding> findings, Identity identity, LicenseVerdict license, Integrity integrity,
                              Signature signature, PackageRef container, List<IncompleteReason> incomplete,
                              CardFacts card) {

    /** A unit whose card declares nothing (or that has no card). */
    public ModelAssessment(String path, UnitKind kind, String name, String digest, List<FileResult> files,
                           List<Finding> findings, Identity identity, LicenseVerdict license, Integrity integrity,
                           Signature signature, PackageRef container, List<IncompleteReason> incomplete) {
        this(path, kind, name, digest, files, findings, identity, license, integrity, signature, container,
                incomplete, CardFacts.none());
    }

    public ModelAssessment {
        files = List.copyOf(files);
        findings = List.copyOf(findings);
        identity = identity == null ? Identity.unknown() : identity;
        integrity = integrity == null ? Integrity.notChecked() : integrity;
        signature = signature == null ? Signature.absent() : signature;
        incomplete = List.copyOf(incomplete);
        card = card == null ? CardFacts.none() : card;
    }

    /** True when a file or a check of this unit could not be analysed completely. */
    public boolean isIncomplete() {
        return !incomplete.isEmpty() || files.stream().anyMatch(f -> !f.incompleteReasons().isEmpty());
    }
}
