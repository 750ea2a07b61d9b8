package io.modelgate.sbom.cyclonedx;

import io.modelgate.rules.policy.AppliedWaiver;
import io.modelgate.rules.policy.Decision;
import io.modelgate.rules.policy.Reason;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.Severity;
import org.cyclonedx.model.vulnerability.Vulnerability;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Findings as CycloneDX vulnerabilities: the rule id as id, the severity as rating, the file (or model) it is
 * about as {@code affects}, the explanation as description; a finding a policy waiver set aside carries an
 * analysis that says so. Info findings are recorded facts, not dangers, and stay out.
 */
final class FindingVulnerabilities {

    private final Set<String> knownRefs;
    private final Decision decision;
    private final List<Vulnerability> vulnerabilities = new ArrayList<>();
    private final Set<String> seen = new LinkedHashSet<>();

    /**
     * @param knownRefs bom-refs of the components in the BOM (a finding affects one of them)
     * @param decision  the policy decision, for waivers; null when no policy was applied
     */
    FindingVulnerabilities(Set<String> knownRefs, Decision decision) {
        this.knownRefs = knownRefs;
        this.decision = decision;
    }

    /** Adds a finding about a file of {@code ownerRef} (a model, or null for files in no model). */
    void add(Finding finding, String ownerRef) {
        if (finding.severity() == Severity.INFO) {
            return;
        }
        String location = finding.location().toString();
        String ref = "finding:" + finding.ruleId() + ":" + location
                + (finding.subject() == null ? "" : ":" + finding.subject());
        if (!seen.add(ref)) {
            return;
        }
        Vulnerability vulnerability = new Vulnerability();
        vulnerability.setBomRef(ref);
        vulnerability.setId(finding.ruleId());
        Vulnerability.Source source = new Vulnerability.Source();
        source.setName("ModelGate");
        vulnerability.setSource(source);
        Vulnerability.Rating rating = new Vulnerability.Rating();
        rating.setSource(source);
        rating.setSeverity(severity(finding.severity()));
        rating.setMethod(Vulnerability.Rating.Method.OTHER);
        vulnerability.setRatings(List.of(rating));
        vulnerability.setDescription(finding.message());
        vulnerability.setDetail(finding.rule().help());
        vulnerability.setProperties(new Properties()
                .add("modelgate:location", location)
                .add("modelgate:subject", finding.subject())
                .orNull());
        affected(finding, ownerRef).ifPresent(target -> {
            Vulnerability.Affect affect = new Vulnerability.Affect();
            affect.setRef(target);
            vulnerability.setAffects(List.of(affect));
        });
        waiver(finding).ifPresent(vulnerability::setAnalysis);
        vulnerabilities.add(vulnerability);
    }

    List<Vulnerability> all() {
        return List.copyOf(vulnerabilities);
    }

    /** The outer file the finding is in when it is a component of the BOM, else the model it belongs to. */
    private Optional<String> affected(Finding finding, String ownerRef) {
        String file = BomRefs.file(finding.location().path().segments().get(0));
        if (knownRefs.contains(file)) {
            return Optional.of(file);
        }
        return Optional.ofNullable(ownerRef);
    }

    private Optional<Vulnerability.Analysis> waiver(Finding finding) {
        if (decision == null) {
            return Optional.empty();
        }
        for (AppliedWaiver applied : decision.waivers()) {
            Reason waived = applied.waived();
            if (finding.ruleId().equals(waived.ruleId()) && matchesFile(finding, waived.file())) {
                Vulnerability.Analysis analysis = new Vulnerability.Analysis();
                analysis.setState(Vulnerability.Analysis.State.EXPLOITABLE);
                analysis.setResponses(List.of(Vulnerability.Analysis.Response.WILL_NOT_FIX));
                analysis.setDetail("Accepted by a policy waiver: " + applied.waiver().reason()
                        + " (owner " + applied.waiver().owner() + ", expires " + applied.waiver().expires() + ")");
                return Optional.of(analysis);
            }
        }
        return Optional.empty();
    }

    private static boolean matchesFile(Finding finding, String file) {
        return file == null || file.equals(finding.location().path().toString())
                || file.equals(finding.location().toString())
                || file.equals(finding.location().path().segments().get(0));
    }

    private static Vulnerability.Rating.Severity severity(Severity severity) {
        return switch (severity) {
            case CRITICAL -> Vulnerability.Rating.Severity.CRITICAL;
            case HIGH -> Vulnerability.Rating.Severity.HIGH;
            case MEDIUM -> Vulnerability.Rating.Severity.MEDIUM;
            case LOW -> Vulnerability.Rating.Severity.LOW;
            case INFO -> Vulnerability.Rating.Severity.INFO;
        };
    }
}
