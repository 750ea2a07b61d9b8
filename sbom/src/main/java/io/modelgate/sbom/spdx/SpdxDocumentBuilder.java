package io.modelgate.sbom.spdx;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelgate.assessment.Identity;
import io.modelgate.assessment.ModelAssessment;
import io.modelgate.assessment.ScanAssessment;
import io.modelgate.provenance.identity.BaseModel;
import io.modelgate.rules.policy.Decision;
import io.modelgate.sbom.TextOutput;
import io.modelgate.scanner.model.FileResult;

import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * An SPDX 3.0.1 JSON-LD document of a scan: one {@code ai_AIPackage} per model unit (supplier, digest,
 * declared license, architecture) containing its {@code software_File}s, base models as packages the model
 * descends from, bundling packages that contain models, and ModelGate's verified facts and decision as
 * annotations. Profiles: core, software, ai, simpleLicensing.
 */
public final class SpdxDocumentBuilder {

    public static final String CONTEXT = "https://spdx.org/rdf/3.0.1/spdx-context.jsonld";
    private static final Pattern LICENSE_REF = Pattern.compile("LicenseRef-[A-Za-z0-9.-]+");
    private static final Pattern SPDX_EXPRESSION = Pattern.compile("[A-Za-z0-9.+-]+( (AND|OR|WITH) [A-Za-z0-9.+-]+)*");
    private static final Pattern NOT_IN_LICENSE_REF = Pattern.compile("[^A-Za-z0-9.-]");

    private final Clock clock;

    public SpdxDocumentBuilder(Clock clock) {
        this.clock = clock;
    }

    /** @param decision the policy decision, null when none was made */
    public String build(ScanAssessment scan, Decision decision) {
        return TextOutput.of(out -> write(scan, decision, out));
    }

    /**
     * Writes the document to {@code target}, which stays open: each model's elements as soon as it is
     * described, so that only the elements' IRIs are held until the document element lists them at the end.
     *
     * @param decision the policy decision, null when none was made
     */
    public void write(ScanAssessment scan, Decision decision, Writer target) throws IOException {
        write(scan, decision, target, true);
    }

    /**
     * @param eachModel write each model's elements once it is described (as a scan does); false holds every
     *                  element to the end, which the tests use to show that writing early changes nothing
     */
    void write(ScanAssessment scan, Decision decision, Writer target, boolean eachModel) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        JsonGenerator json = mapper.createGenerator(target);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.writeStartObject();
        json.writeStringField("@context", CONTEXT);
        json.writeArrayFieldStart("@graph");
        SpdxGraph graph = new SpdxGraph("urn:uuid:" + UUID.randomUUID(), node -> mapper.writeTree(json, node));
        graph.add(creationInfo(graph));
        ObjectNode tool = graph.element("SoftwareAgent", "modelgate");
        tool.put("name", "ModelGate " + scan.toolVersion());
        List<String> roots = new ArrayList<>();
        Map<String, List<String>> packaged = new LinkedHashMap<>();
        int index = 0;
        for (ModelAssessment model : scan.models()) {
            String local = "model-" + (++index);
            model(graph, local, model);
            if (model.container() == null) {
                roots.add(local);
            } else {
                String pkg = "package-" + model.container().path();
                ObjectNode node = graph.element("software_Package", pkg);
                node.put("name", model.container().name() != null ? model.container().name()
                        : model.container().path());
                if (model.container().version() != null) {
                    node.put("software_packageVersion", model.container().version());
                }
                node.put("software_primaryPurpose", "library");
                packaged.computeIfAbsent(pkg, k -> new ArrayList<>()).add(local);
            }
            if (eachModel) {
                graph.flush();
            }
        }
        packaged.forEach((pkg, models) -> {
            graph.relate(pkg, "contains", models);
            roots.add(pkg);
        });
        if (decision != null) {
            annotate(graph, "decision", roots.isEmpty() ? "modelgate" : roots.get(0),
                    "modelgate:decision=" + decision.outcome().name() + "; policy=" + decision.policyName());
        }
        int before = graph.elementIris().size();   // every element but the document itself
        ObjectNode document = graph.element("SpdxDocument", "document");
        document.put("name", "ModelGate AI-SBOM of " + String.join(", ", scan.roots()));
        ArrayNode profiles = document.putArray("profileConformance");
        List.of("core", "software", "ai", "simpleLicensing").forEach(profiles::add);
        ArrayNode rootElements = document.putArray("rootElement");
        roots.forEach(r -> rootElements.add(graph.iri(r)));
        ArrayNode elements = document.putArray("element");
        graph.elementIris().subList(0, before).forEach(elements::add);
        graph.flush();
        json.writeEndArray();
        json.writeEndObject();
        json.flush();
        target.write("\n");
        target.flush();
    }

    private ObjectNode creationInfo(SpdxGraph graph) {
        ObjectNode info = JsonNodeFactory.instance.objectNode();
        info.put("type", "CreationInfo");
        info.put("@id", SpdxGraph.CREATION_INFO);
        info.put("specVersion", "3.0.1");
        info.put("created", DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS)));
        info.putArray("createdBy").add(graph.iri("modelgate"));
        return info;
    }

    /** The card's words on intended use and limits, quoted as declared. */
    private static void uses(ObjectNode node, io.modelgate.scanner.facts.ModelCardFact.CardUses uses) {
        if (uses.intendedUse() != null) {
            node.put("ai_informationAboutApplication", uses.intendedUse());
        }
        List<String> limits = new ArrayList<>(uses.limits());
        if (uses.risksBeyondLimits() != null) {
            limits.add("Risks: " + uses.risksBeyondLimits());
        }
        if (!limits.isEmpty()) {
            node.put("ai_limitation", String.join(" ", limits));
        }
    }

    private static void model(SpdxGraph graph, String local, ModelAssessment model) {
        ObjectNode node = graph.element("ai_AIPackage", local);
        Identity identity = model.identity();
        node.put("name", model.name() != null ? model.name() : model.path());
        node.put("software_primaryPurpose", "model");
        node.put("ai_autonomyType", "noAssertion");
        String architecture = identity.architectureFamily() != null ? identity.architectureFamily()
                : identity.family();
        if (architecture != null) {
            node.putArray("ai_typeOfModel").add(architecture);
        }
        hash(node, model.digest());
        uses(node, model.card().uses());
        if (identity.publisher() != null) {
            String org = "org-" + identity.publisher();
            graph.element("Organization", org).put("name", identity.publisher());
            node.put("suppliedBy", graph.iri(org));
        }
        List<String> files = new ArrayList<>();
        for (FileResult file : model.files()) {
            String fileLocal = local + "-file-" + file.path();
            ObjectNode f = graph.element("software_File", fileLocal);
            f.put("name", file.path());
            f.put("software_primaryPurpose", "file");
            if (file.sha256() != null) {
                hash(f, "sha256:" + file.sha256());
            }
            files.add(fileLocal);
        }
        graph.relate(local, "contains", files);
        license(graph, local, model);
        List<String> bases = new ArrayList<>();
        for (BaseModel base : identity.baseModels()) {
            String baseLocal = "base-" + base.name();
            ObjectNode b = graph.element("ai_AIPackage", baseLocal);
            b.put("name", base.name());
            b.put("software_primaryPurpose", "model");
            bases.add(baseLocal);
        }
        graph.relate(local, "descendantOf", bases);
        annotate(graph, "facts-" + local, local, facts(model));
    }

    private static void license(SpdxGraph graph, String local, ModelAssessment model) {
        if (model.license() == null || model.license().id() == null) {
            return;
        }
        String expression = expression(model.license().id());
        String licenseLocal = "license-" + expression;
        graph.element("simplelicensing_LicenseExpression", licenseLocal)
                .put("simplelicensing_licenseExpression", expression);
        graph.relate(local, "hasDeclaredLicense", List.of(licenseLocal));
    }

    /** An SPDX license expression; a name that is none becomes a LicenseRef so the expression stays valid. */
    static String expression(String id) {
        if (SPDX_EXPRESSION.matcher(id).matches() || LICENSE_REF.matcher(id).matches()) {
            return id;
        }
        return "LicenseRef-" + NOT_IN_LICENSE_REF.matcher(id).replaceAll("-");
    }

    private static String facts(ModelAssessment model) {
        Identity identity = model.identity();
        StringBuilder out = new StringBuilder();
        append(out, "family", identity.family());
        append(out, "generation", identity.generation());
        append(out, "publisher", identity.publisher());
        append(out, "countryOfOrigin", identity.country());
        append(out, "confidence", identity.family() == null ? null
                : String.format(Locale.ROOT, "%.2f", identity.confidence()));
        append(out, "license.commercialUse", model.license() == null ? null : model.license().commercialUse());
        append(out, "signature.status", model.signature().status().id());
        append(out, "signature.signer", model.signature().signer());
        append(out, "lock.status", model.integrity().lock().id());
        return out.toString();
    }

    private static void append(StringBuilder out, String name, String value) {
        if (value != null) {
            out.append(out.isEmpty() ? "" : "; ").append("modelgate:").append(name).append('=').append(value);
        }
    }

    private static void annotate(SpdxGraph graph, String local, String subject, String statement) {
        ObjectNode annotation = graph.element("Annotation", "annotation-" + local);
        annotation.put("annotationType", "other");
        annotation.put("subject", graph.iri(subject));
        annotation.put("statement", statement);
    }

    private static void hash(ObjectNode node, String digest) {
        if (digest == null || !digest.startsWith("sha256:")) {
            return;
        }
        ObjectNode hash = node.putArray("verifiedUsing").addObject();
        hash.put("type", "Hash");
        hash.put("algorithm", "sha256");
        hash.put("hashValue", digest.substring("sha256:".length()));
    }
}
