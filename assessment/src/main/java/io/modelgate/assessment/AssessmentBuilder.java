package io.modelgate.assessment;

import io.modelgate.provenance.identity.ModelProvenance;
import io.modelgate.provenance.identity.ModelUnit;
import io.modelgate.scanner.facts.ModelCardFact;
import io.modelgate.provenance.identity.ProvenanceAnalysis;
import io.modelgate.provenance.identity.UnitAssessment;
import io.modelgate.provenance.identity.UnitDiscovery;
import io.modelgate.provenance.identity.UnitKind;
import io.modelgate.provenance.kb.KnowledgeBase;
import io.modelgate.scanner.model.FileResult;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.FolderResult;
import io.modelgate.scanner.model.ScanReport;
import io.modelgate.verification.integrity.IntegrityFacts;
import io.modelgate.verification.signing.SignatureFacts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Builds the {@link ScanAssessment} of a finished scan: finds the model units (on disk and inside archives
 * and packages), and gives each its files, provenance, license, integrity, signature, whole-model digest and
 * the folder checks' findings about it. Nothing of the scan report is changed.
 */
public final class AssessmentBuilder {

    private final ProvenanceAnalysis provenance;

    public AssessmentBuilder(KnowledgeBase kb) {
        this.provenance = new ProvenanceAnalysis(kb);
    }

    public ScanAssessment build(ScanReport report) {
        long t0 = System.nanoTime();
        // By identity: the results are the scan's own objects, and a record's hash walks all its findings.
        Set<FileResult> claimed = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Draft> drafts = new ArrayList<>();
        List<ModelUnit> units = UnitDiscovery.discover(report.files());
        // Units are independent and a folder of small files holds thousands of them: identify them in parallel,
        // then claim files in discovery order so the outcome does not depend on timing.
        List<Optional<UnitAssessment>> assessed = units.parallelStream().map(provenance::assess).toList();
        for (int u = 0; u < units.size(); u++) {
            ModelUnit unit = units.get(u);
            Optional<UnitAssessment> identified = assessed.get(u);
            if (identified.isEmpty()) {
                continue;
            }
            List<FileResult> files = new ArrayList<>();
            for (var artifact : unit.artifacts()) {
                if (claimed.add(artifact.file())) {
                    files.add(artifact.file());
                }
            }
            drafts.add(new Draft(unit, identified.get(), files, folderOf(unit)));
        }
        FolderOutcomes outcomes = FolderOutcomes.assign(report.folders(), drafts.stream()
                .map(d -> new FolderOutcomes.Owner(d.folder(), d.files().stream().map(FileResult::path).toList()))
                .toList());
        Map<String, FolderResult> foldersByPath = new HashMap<>();
        report.folders().forEach(folder -> foldersByPath.putIfAbsent(folder.path(), folder));
        // Each unit's digest, checks and card are its own: finished in parallel, kept in discovery order.
        List<ModelAssessment> models = IntStream.range(0, drafts.size()).parallel()
                .mapToObj(i -> drafts.get(i).finish(outcomes.owned(i), foldersByPath)).toList();
        List<FileResult> others = report.files().stream().filter(f -> !claimed.contains(f)).toList();
        long millis = report.durationMillis() + (System.nanoTime() - t0) / 1_000_000;
        return new ScanAssessment(report.toolVersion(), report.startedAt(), millis, report.roots(),
                provenance.kbVersion(), models, others, outcomes.unowned().findings(),
                outcomes.unowned().incomplete());
    }

    /** The folder whose checks (lock, signature, caches) apply to a unit on disk; null inside a container. */
    private static String folderOf(ModelUnit unit) {
        if (unit.container() != null) {
            return null;
        }
        boolean fileUnit = unit.kind() == UnitKind.GGUF || unit.kind() == UnitKind.CHECKPOINT;
        if (!fileUnit) {
            return unit.path();
        }
        int slash = unit.path().lastIndexOf('/');
        return slash < 0 ? "." : unit.path().substring(0, slash);
    }

    /** A unit whose files are known, waiting for the folder checks' outcomes. */
    private record Draft(ModelUnit unit, UnitAssessment provenance, List<FileResult> files, String folder) {

        ModelAssessment finish(FolderOutcomes.Owned owned, Map<String, FolderResult> folders) {
            List<Finding> findings = new ArrayList<>(provenance.findings());
            findings.addAll(owned.findings());
            findings.sort(Finding.REPORT_ORDER);
            ModelProvenance model = provenance.model();
            String digest = unit.container() == null ? ModelDigest.of(unit, files) : null;
            Integrity integrity = nearest(folders, folder, IntegrityFacts.class).map(IntegrityView::of)
                    .orElse(Integrity.notChecked());
            Signature signature = nearest(folders, folder, SignatureFacts.class).map(SignatureView::of)
                    .orElse(Signature.absent());
            return new ModelAssessment(unit.path(), unit.kind(), model.name(), digest, files, findings,
                    Identities.of(model), model.license(), integrity, signature,
                    unit.container() == null ? null : Containers.of(unit.container()), owned.incomplete(),
                    card(unit));
        }

        /** The declarations of the unit's model card, when it has one. */
        private static CardFacts card(ModelUnit unit) {
            return unit.artifacts().stream()
                    .flatMap(a -> a.fact(ModelCardFact.KEY, ModelCardFact.class).stream())
                    .findFirst().map(CardFacts::of).orElse(CardFacts.none());
        }

        /**
         * The fact of the nearest folder holding the unit that recorded one: a lock, cache or signature over
         * a scanned folder covers the units in its subfolders too.
         */
        private static <T> Optional<T> nearest(Map<String, FolderResult> folders, String folder, Class<T> type) {
            for (String p = folder; p != null; p = p.lastIndexOf('/') > 0 ? p.substring(0, p.lastIndexOf('/')) : null) {
                Optional<T> fact = Optional.ofNullable(folders.get(p)).flatMap(f -> f.fact(type));
                if (fact.isPresent()) {
                    return fact;
                }
            }
            return Optional.empty();
        }
    }
}
