package io.modelgate.provenance.identity;

import io.modelgate.provenance.kb.FamilyDef;
import io.modelgate.provenance.kb.GenerationDef;
import io.modelgate.provenance.kb.KnowledgeBase;
import io.modelgate.provenance.kb.LicenseDef;
import io.modelgate.provenance.license.InheritedLicense;
import io.modelgate.provenance.license.LicenseAssessment;
import io.modelgate.provenance.license.LicenseAssessor;
import io.modelgate.provenance.license.LicenseIssue;
import io.modelgate.provenance.license.OwnFamily;
import io.modelgate.scanner.model.ArtifactPath;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.Location;
import io.modelgate.scanner.model.Rule;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one unit's evidence into its provenance: family and generation, publisher and country, base chain,
 * license, confidence, and the findings a reviewer should see.
 */
public final class ProvenanceEngine {

    /** Traits must be at least this strong before a declaration is called wrong. */
    static final double STRONG = 0.6;
    private static final Set<String> RELATIONS = Set.of("finetune", "adapter", "quantized", "merge", "distill");
    private static final int MAX_MISMATCH_FINDINGS = 3;

    private final KnowledgeBase kb;
    private final FamilyIdentifier identifier;
    private final LicenseSources licenses;

    public ProvenanceEngine(KnowledgeBase kb) {
        this.kb = kb;
        this.identifier = new FamilyIdentifier(kb);
        this.licenses = new LicenseSources(kb);
    }

    public UnitAssessment assess(ModelEvidenceInput input) {
        Identification id = identifier.identify(input);
        Optional<FamilyDef> family = kb.family(id.family());
        List<Issue> issues = new ArrayList<>();
        List<BaseModel> bases = lineage(input, id, issues);
        checkDeclarations(id, issues);
        checkArchitectureLabel(id, issues);
        if (family.isEmpty() && input.hasIdentityData()) {
            issues.add(new Issue(ProvenanceRules.UNIDENTIFIED, null,
                    "No family of knowledge base " + kb.version() + " matches this unit's metadata well enough."));
        }
        LicenseAssessment license = new LicenseAssessor().assess(licenses.read(input), inherited(bases, id),
                ownFamily(bases, id, family));
        for (LicenseIssue issue : license.issues()) {
            issues.add(new Issue(issue.rule(), issue.subject(), issue.message()));
        }
        ModelProvenance model = new ModelProvenance(input.path(), input.kind(), name(id),
                id.family(), id.generation(), family.map(FamilyDef::publisher).orElse(null),
                family.map(FamilyDef::country).orElse(null), id.architectureFamily(), id.tokenizerFamily(), bases,
                id.confidence(), id.evidence(), license.verdict());
        return new UnitAssessment(model, findings(input, issues));
    }

    private record Issue(Rule rule, String subject, String message) {
    }

    private static String name(Identification id) {
        return id.declarations().of(ClaimKind.NAME).stream().findFirst()
                .or(() -> id.declarations().of(ClaimKind.FILE_NAME).stream().findFirst())
                .map(Claim::value).orElse(null);
    }

    // ---- base chain -------------------------------------------------------------------------------------

    private List<BaseModel> lineage(ModelEvidenceInput input, Identification id, List<Issue> issues) {
        List<Claim> declared = id.declarations().of(ClaimKind.BASE);
        String relation = relation(input, id, declared.size());
        List<BaseModel> bases = new ArrayList<>();
        for (Claim claim : declared) {
            Set<String> families = id.claimFamilies().get(claim);
            String family = baseFamily(id, families);
            String rel = id.distill() && family != null && family.equals(id.architectureFamily())
                    && !family.equals(id.family()) ? "distill" : relation;
            bases.add(new BaseModel(claim.value(), family, rel, true));
        }
        if (id.family() == null) {
            return bases;
        }
        if (id.distill()) {
            distillBase(id, bases, issues);
            return bases;
        }
        if (!declared.isEmpty()) {
            return bases;
        }
        boolean presentsAsFamily = namesFamily(id, id.family(), false);
        if (input.kind() == UnitKind.GGUF) {
            String name = presentsAsFamily ? name(id) : label(id.family(), id.generation()) + " (detected, not declared)";
            bases.add(new BaseModel(name, id.family(), "quantized", false));
        } else if (!presentsAsFamily) {
            bases.add(new BaseModel(label(id.family(), id.generation()) + " (detected, not declared)", id.family(),
                    relation, false));
        }
        if (!presentsAsFamily) {
            FamilyDef family = kb.family(id.family()).orElseThrow();
            issues.add(new Issue(ProvenanceRules.UNDECLARED_BASE, label(id.family(), id.generation()),
                    "The files identify a " + family.name() + " model (" + label(id.family(), id.generation())
                            + ", confidence " + id.confidence() + ") published as '" + String.valueOf(name(id))
                            + "', and no base model is declared. Its license and origin follow " + family.name()
                            + " (" + family.publisher() + ", " + family.country() + ")."));
        }
        return bases;
    }

    /**
     * The family of a declared base: the one the files show when the declaration names it or names nothing
     * known, and also when the declaration names another family the traits clearly rule out (trust the files;
     * the mismatch is reported separately).
     */
    private static String baseFamily(Identification id, Set<String> named) {
        if (named.contains(id.architectureFamily())) {
            return id.architectureFamily();
        }
        if (named.contains(id.family())) {
            return id.family();
        }
        boolean contradicted = named.stream().noneMatch(f -> id.detected(f) >= FamilyIdentifier.IDENTIFIED)
                && id.detected(id.architectureFamily()) >= STRONG;
        return named.isEmpty() || contradicted ? id.architectureFamily() : named.iterator().next();
    }

    /** A distill: the body's family is a base even when undeclared; an undeclared tokenizer family is a finding. */
    private void distillBase(Identification id, List<BaseModel> bases, List<Issue> issues) {
        String body = id.architectureFamily();
        boolean bodyListed = bases.stream().anyMatch(b -> body.equals(b.family()));
        if (!bodyListed) {
            bases.add(new BaseModel(label(body, id.architectureGeneration()) + " (detected, not declared)", body,
                    "distill", false));
        }
        boolean tokenizerNamed = namesFamily(id, id.tokenizerFamily(), true);
        boolean bodyNamed = namesFamily(id, body, true);
        if (!tokenizerNamed || !bodyNamed) {
            String missing = !tokenizerNamed ? id.tokenizerFamily() : body;
            issues.add(new Issue(ProvenanceRules.UNDECLARED_DISTILL, id.tokenizerFamily() + " + " + body,
                    "The tokenizer and chat format are " + displayName(id.tokenizerFamily()) + "'s, the body ("
                            + "architecture, vocabulary, layout) is " + displayName(body) + "'s, but the metadata never "
                            + "names " + displayName(missing) + ". Both families' terms may apply."));
        }
    }

    private static String relation(ModelEvidenceInput input, Identification id, int declaredBases) {
        String declared = id.declarations().relation();
        if (declared != null && RELATIONS.contains(declared)) {
            return declared;
        }
        if (input.kind() == UnitKind.ADAPTER) {
            return "adapter";
        }
        if (input.kind() == UnitKind.GGUF) {
            return "quantized";
        }
        return declaredBases > 1 ? "merge" : "finetune";
    }

    /** True when a name (or, with {@code anyClaim}, any declaration) of the unit points at the family. */
    private static boolean namesFamily(Identification id, String family, boolean anyClaim) {
        return id.claimFamilies().entrySet().stream()
                .filter(e -> anyClaim || e.getKey().kind() == ClaimKind.NAME || e.getKey().kind() == ClaimKind.FILE_NAME)
                .anyMatch(e -> e.getValue().contains(family));
    }

    // ---- declared versus detected -----------------------------------------------------------------------

    private void checkDeclarations(Identification id, List<Issue> issues) {
        if (id.family() == null || id.detected(id.family()) < STRONG && id.detected(id.architectureFamily()) < STRONG) {
            return;
        }
        Set<String> detected = new LinkedHashSet<>(List.of(id.family(), id.architectureFamily(), id.tokenizerFamily()));
        int reported = 0;
        for (var entry : id.claimFamilies().entrySet()) {
            Claim claim = entry.getKey();
            Set<String> named = entry.getValue();
            if (claim.kind() == ClaimKind.FILE_NAME || named.isEmpty() || named.stream().anyMatch(detected::contains)
                    || named.stream().anyMatch(f -> id.detected(f) >= FamilyIdentifier.IDENTIFIED)) {
                continue;
            }
            if (reported++ >= MAX_MISMATCH_FINDINGS) {
                break;
            }
            String claimed = displayName(named.iterator().next());
            issues.add(new Issue(ProvenanceRules.DECLARED_MISMATCH, claimed + " vs " + displayName(id.family()),
                    "Declared: " + claim.value() + " (" + claim.source() + ") points at " + claimed
                            + ". Detected: the files' traits identify " + label(id.family(), id.generation())
                            + " (traits alone " + Scores.round(id.detected(id.family())) + ", " + claimed + " "
                            + Scores.round(id.detected(named.iterator().next())) + ")."));
        }
    }

    private void checkArchitectureLabel(Identification id, List<Issue> issues) {
        if (id.architectureFamily() == null || id.detected(id.architectureFamily()) < STRONG) {
            return;
        }
        List<Evidence> labels = id.evidence().stream()
                .filter(e -> e.stance() == Stance.CONTRADICTS)
                .filter(e -> e.kind().equals("architecture") || e.kind().equals("gguf_arch"))
                .toList();
        if (labels.isEmpty()) {
            return;
        }
        Evidence label = labels.get(0);
        List<String> betrayed = id.evidence().stream()
                .filter(e -> e.stance() == Stance.SUPPORTS && e.family().equals(id.architectureFamily()))
                .filter(e -> !e.kind().startsWith("declared"))
                .map(e -> e.kind() + " " + e.value()).distinct().limit(4).toList();
        issues.add(new Issue(ProvenanceRules.RELABELLED_ARCHITECTURE, label.value(),
                "Declared architecture " + label.value() + " (" + label.source() + ") is " + displayName(label.family())
                        + "'s, but the weights are " + displayName(id.architectureFamily()) + "'s: "
                        + String.join("; ", betrayed) + "."));
    }

    // ---- licenses -----------------------------------------------------------------------------------------

    private List<InheritedLicense> inherited(List<BaseModel> bases, Identification id) {
        List<InheritedLicense> out = new ArrayList<>();
        for (BaseModel base : bases) {
            if (base.family() == null) {
                continue;
            }
            FamilyDef family = kb.family(base.family()).orElseThrow();
            String generation = base.family().equals(id.architectureFamily()) ? id.architectureGeneration()
                    : base.family().equals(id.family()) ? id.generation() : null;
            Optional<GenerationDef> fromName = identifier.names().generation(family, base.name());
            GenerationDef gen = fromName.orElseGet(() -> generationById(family, generation));
            List<String> sizeHints = new ArrayList<>(NameResolver.sizes(base.name()));
            if (!base.declared()) {
                id.declarations().claims().forEach(c -> sizeHints.addAll(NameResolver.sizes(c.value())));
            }
            licenseOf(family, gen, sizeHints).ifPresent(l -> out.add(new InheritedLicense(
                    base.name() + (gen != null && !base.name().contains(gen.id()) ? " (" + gen.id() + ")" : ""), l)));
        }
        return out;
    }

    private OwnFamily ownFamily(List<BaseModel> bases, Identification id, Optional<FamilyDef> family) {
        if (family.isEmpty() || !bases.isEmpty()) {
            return null;
        }
        GenerationDef gen = generationById(family.get(), id.generation());
        List<String> sizes = new ArrayList<>();
        id.declarations().claims().forEach(c -> sizes.addAll(NameResolver.sizes(c.value())));
        return new OwnFamily(family.get().name(), licenseOf(family.get(), gen, sizes).orElse(null),
                family.get().licenses());
    }

    private Optional<LicenseDef> licenseOf(FamilyDef family, GenerationDef generation, List<String> sizes) {
        String id = family.license();
        if (generation != null) {
            if (generation.license() != null) {
                id = generation.license();
            }
            for (String size : sizes) {
                if (generation.sizeLicenses().containsKey(size)) {
                    id = generation.sizeLicenses().get(size);
                    break;
                }
            }
        }
        return kb.license(id);
    }

    private static GenerationDef generationById(FamilyDef family, String id) {
        return id == null ? null
                : family.generations().stream().filter(g -> g.id().equals(id)).findFirst().orElse(null);
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private String displayName(String familyId) {
        return kb.family(familyId).map(FamilyDef::name).orElse(String.valueOf(familyId));
    }

    private String label(String family, String generation) {
        return generation != null ? generation : family;
    }

    private static List<Finding> findings(ModelEvidenceInput input, List<Issue> issues) {
        ArtifactPath anchor = input.anchor();
        return issues.stream().map(i -> Finding.of(i.rule(), Location.of(anchor), i.subject(), i.message())).toList();
    }
}
