package io.modelgate.sbom.cyclonedx;

import io.modelgate.assessment.ModelAssessment;
import io.modelgate.assessment.ScanAssessment;
import io.modelgate.provenance.identity.BaseModel;
import io.modelgate.rules.policy.Decision;
import io.modelgate.rules.policy.Reason;
import io.modelgate.scanner.model.FileResult;
import io.modelgate.sbom.ModelGateProperties;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Dependency;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.metadata.ToolInformation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Builds a CycloneDX 1.6 ML-BOM from a scan's assessment and the policy decision: one
 * {@code machine-learning-model} component per model unit with its files nested under it, models bundled in
 * archives or packages nested under a component for the package, findings as vulnerabilities, and
 * dependencies from packages to models and from models to their files and bases. Apart from the timestamp and
 * the serial number, the same input gives the same BOM.
 */
public final class CycloneDxBomBuilder {

    private final Clock clock;

    public CycloneDxBomBuilder(Clock clock) {
        this.clock = clock;
    }

    /** @param decision the policy decision, null when none was made */
    public Bom build(ScanAssessment scan, Decision decision) {
        Bom bom = new Bom();
        bom.setSerialNumber("urn:uuid:" + UUID.randomUUID());
        bom.setVersion(1);
        bom.setMetadata(metadata(scan, decision));
        List<Component> components = new ArrayList<>();
        List<Dependency> dependencies = new ArrayList<>();
        Map<String, Component> packages = new LinkedHashMap<>();
        Map<String, Dependency> packageDependencies = new LinkedHashMap<>();
        for (ModelAssessment model : scan.models()) {
            Component component = ModelComponents.of(model);
            dependencies.add(modelDependency(model));
            if (model.container() == null) {
                components.add(component);
                continue;
            }
            String ref = BomRefs.container(model.container());
            packages.computeIfAbsent(ref, k -> {
                Component pkg = PackageComponents.of(model.container());
                components.add(pkg);
                return pkg;
            }).addComponent(component);
            packageDependencies.computeIfAbsent(ref, Dependency::new)
                    .addDependency(new Dependency(BomRefs.model(model)));
        }
        for (FileResult file : scan.otherFiles()) {
            components.add(FileComponents.of(file));
        }
        dependencies.addAll(packageDependencies.values());
        bom.setComponents(components);
        bom.setDependencies(dependencies);
        bom.setVulnerabilities(vulnerabilities(scan, decision, refsOf(components)));
        return bom;
    }

    private Metadata metadata(ScanAssessment scan, Decision decision) {
        Metadata metadata = new Metadata();
        metadata.setTimestamp(Date.from(clock.instant()));
        Component tool = new Component();
        tool.setType(Component.Type.APPLICATION);
        tool.setName("ModelGate");
        tool.setVersion(scan.toolVersion());
        ToolInformation tools = new ToolInformation();
        tools.setComponents(List.of(tool));
        metadata.setToolChoice(tools);
        Component target = new Component();
        target.setType(Component.Type.DATA);
        target.setBomRef("target");
        target.setName(String.join(", ", scan.roots()));
        metadata.setComponent(target);
        Properties properties = new Properties().add(ModelGateProperties.KB_VERSION, scan.kbVersion());
        if (decision != null) {
            properties.add(ModelGateProperties.DECISION, decision.outcome().name())
                    .add(ModelGateProperties.POLICY, decision.policyName())
                    .addAll(ModelGateProperties.DECISION_REASON,
                            decision.reasons().stream().map(Reason::message).toList());
        }
        metadata.setProperties(properties.orNull());
        return metadata;
    }

    private static Dependency modelDependency(ModelAssessment model) {
        Dependency dependency = new Dependency(BomRefs.model(model));
        for (FileResult file : model.files()) {
            dependency.addDependency(new Dependency(BomRefs.file(file.path())));
        }
        for (BaseModel base : model.identity().baseModels()) {
            dependency.addDependency(new Dependency(BomRefs.base(base)));
        }
        return dependency;
    }

    private static List<org.cyclonedx.model.vulnerability.Vulnerability> vulnerabilities(ScanAssessment scan,
            Decision decision, Set<String> refs) {
        FindingVulnerabilities vulnerabilities = new FindingVulnerabilities(refs, decision);
        for (ModelAssessment model : scan.models()) {
            String ref = BomRefs.model(model);
            model.files().forEach(file -> file.findings().forEach(f -> vulnerabilities.add(f, ref)));
            model.findings().forEach(f -> vulnerabilities.add(f, ref));
        }
        scan.otherFiles().forEach(file -> file.findings().forEach(f -> vulnerabilities.add(f, null)));
        scan.findings().forEach(f -> vulnerabilities.add(f, null));
        List<org.cyclonedx.model.vulnerability.Vulnerability> all = vulnerabilities.all();
        return all.isEmpty() ? null : all;
    }

    /** Every bom-ref of the components, nested ones included. */
    private static Set<String> refsOf(List<Component> components) {
        Set<String> refs = new HashSet<>();
        List<Component> pending = new ArrayList<>(components);
        while (!pending.isEmpty()) {
            Component next = pending.remove(pending.size() - 1);
            refs.add(next.getBomRef());
            if (next.getComponents() != null) {
                pending.addAll(next.getComponents());
            }
        }
        return refs;
    }
}
