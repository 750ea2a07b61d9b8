package io.modelgate.cli.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelgate.assessment.IncompleteReason;
import io.modelgate.assessment.ModelAssessment;
import io.modelgate.assessment.ScanAssessment;
import io.modelgate.scanner.model.ArtifactPath;
import io.modelgate.scanner.model.FileResult;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.Rule;
import io.modelgate.scanner.model.Severity;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0, shaped for GitHub code scanning: one rule per rule that fired, with help text and a
 * {@code security-severity}; one result per finding, located in the file on disk, with the full path inside
 * archives ({@code model.pt!archive/data.pkl}) as a logical location and the nested members listed as artifacts
 * with their parent; a fingerprint that survives re-scans; what could not be analysed as tool notifications;
 * the decision and the model units in the run's properties.
 */
public final class SarifReportWriter implements AssessmentWriter {

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String FINGERPRINT_KEY = "modelgateFinding/v1";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public String render(ScanAssessment scan, ReportDecision decision) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        Artifacts artifacts = new Artifacts(run.putArray("artifacts"));
        scan.allFiles().forEach(artifacts::file);
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "ModelGate");
        driver.put("version", scan.toolVersion());
        driver.put("semanticVersion", scan.toolVersion());
        ArrayNode rules = driver.putArray("rules");
        ObjectNode invocation = run.putArray("invocations").addObject();
        invocation.put("executionSuccessful", true);
        invocation.put("startTimeUtc", scan.startedAt().toString());
        ArrayNode notifications = invocation.putArray("toolExecutionNotifications");
        for (IncompleteReason reason : scan.allIncomplete()) {
            ObjectNode note = notifications.addObject();
            note.put("level", "error");
            note.putObject("message").put("text", "Not analysed completely: " + reason.file() + ": " + reason.reason());
            location(note.putArray("locations").addObject(), parse(reason.file()), artifacts);
        }
        ArrayNode results = run.putArray("results");
        for (Placed placed : placedFindings(scan)) {
            Finding finding = placed.finding();
            int index = ruleIndex.computeIfAbsent(finding.ruleId(), id -> {
                rule(rules.addObject(), finding.rule());
                return rules.size() - 1;
            });
            result(results.addObject(), finding, index, placed.model(), artifacts);
        }
        run.putObject("properties").set("modelgate", properties(scan, decision));
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Placed(Finding finding, String model) {
    }

    /** Findings most serious first, each with the model unit it belongs to (null for files in no unit). */
    private static List<Placed> placedFindings(ScanAssessment scan) {
        List<Placed> placed = new ArrayList<>();
        for (ModelAssessment model : scan.models()) {
            model.files().forEach(f -> f.findings().forEach(x -> placed.add(new Placed(x, model.path()))));
            model.findings().forEach(x -> placed.add(new Placed(x, model.path())));
        }
        scan.otherFiles().forEach(f -> f.findings().forEach(x -> placed.add(new Placed(x, null))));
        scan.findings().forEach(x -> placed.add(new Placed(x, null)));
        placed.sort((a, b) -> ReportFindings.BY_SEVERITY.compare(a.finding(), b.finding()));
        return placed;
    }

    private static void rule(ObjectNode node, Rule rule) {
        String title = rule.title() == null ? rule.id() : rule.title();
        String help = rule.help() == null ? title : rule.help();
        node.put("id", rule.id());
        node.put("name", rule.id());
        node.putObject("shortDescription").put("text", title);
        node.putObject("fullDescription").put("text", help);
        ObjectNode helpNode = node.putObject("help");
        helpNode.put("text", help);
        helpNode.put("markdown", "**" + Markdown.escape(title) + "** (" + rule.id() + ")\n\n" + Markdown.escape(help));
        node.putObject("defaultConfiguration").put("level", level(rule.severity()));
        ObjectNode props = node.putObject("properties");
        props.put("security-severity", securitySeverity(rule.severity()));
        props.put("precision", "high");
        ArrayNode tags = props.putArray("tags");
        tags.add("security");
        if (rule.category() != null) {
            tags.add(rule.category());
        }
    }

    private static void result(ObjectNode node, Finding finding, int ruleIndex, String model, Artifacts artifacts) {
        node.put("ruleId", finding.ruleId());
        node.put("ruleIndex", ruleIndex);
        node.put("level", level(finding.severity()));
        String where = finding.location().path().toString();
        String text = finding.message() + (finding.subject() == null ? "" : " [" + finding.subject() + "]")
                + (finding.location().path().depth() > 0 ? " (in " + where + ")" : "");
        node.putObject("message").put("text", text);
        location(node.putArray("locations").addObject(), finding.location().path(), artifacts);
        node.putObject("partialFingerprints").put(FINGERPRINT_KEY, ReportFindings.fingerprint(finding));
        ObjectNode props = node.putObject("properties");
        props.put("severity", finding.severity().id());
        props.put("artifactPath", where);
        if (finding.location().hasOffset()) {
            props.put("offset", finding.location().offset());
        }
        if (finding.subject() != null) {
            props.put("subject", finding.subject());
        }
        if (model != null) {
            props.put("model", model);
        }
    }

    /** Unit and folder findings name the file as shown; an archive member is written with '!' as separator. */
    private static ArtifactPath parse(String shown) {
        return new ArtifactPath(List.of(shown.split(java.util.regex.Pattern.quote(ArtifactPath.SEPARATOR), -1)));
    }

    /**
     * The file on disk as the physical location (what GitHub can show); the full path through archives as a
     * logical location.
     */
    private static void location(ObjectNode node, ArtifactPath path, Artifacts artifacts) {
        ObjectNode physical = node.putObject("physicalLocation");
        String outer = path.segments().get(0);
        ObjectNode artifact = physical.putObject("artifactLocation");
        artifact.put("uri", Uris.of(outer));
        if (!Uris.isAbsolute(outer)) {
            artifact.put("uriBaseId", Uris.SOURCE_ROOT);
        }
        artifact.put("index", artifacts.outer(outer));
        // GitHub places every alert on a line; model files are binary, so the alert sits at the file's start
        // and the byte offset travels in the result's properties.
        physical.putObject("region").put("startLine", 1);
        if (path.depth() > 0) {
            ObjectNode logical = node.putArray("logicalLocations").addObject();
            logical.put("name", path.leafName());
            logical.put("fullyQualifiedName", path.toString());
            logical.put("kind", "member");
            node.putObject("properties").put("memberArtifactIndex", artifacts.member(path));
        }
    }

    private static ObjectNode properties(ScanAssessment scan, ReportDecision decision) {
        ObjectNode props = JSON.createObjectNode();
        ObjectNode d = props.putObject("decision");
        d.put("outcome", decision.outcome());
        d.put("policy", decision.policyName());
        d.put("policyVersion", decision.policyVersion());
        d.put("incomplete", decision.incomplete());
        reasons(d.putArray("reasons"), decision.reasons());
        reasons(d.putArray("notes"), decision.notes());
        ArrayNode waivers = d.putArray("waivers");
        for (ReportDecision.WaiverUse w : decision.waivers()) {
            ObjectNode n = waivers.addObject();
            n.put("rule", w.rule());
            n.put("path", w.path());
            n.put("reason", w.reason());
            n.put("owner", w.owner());
            n.put("expires", w.expires());
            w.accepted().forEach(n.putArray("accepted")::add);
        }
        ArrayNode models = props.putArray("models");
        for (ModelAssessment m : scan.models()) {
            ObjectNode n = models.addObject();
            n.put("path", m.path());
            n.put("kind", m.kind() == null ? null : m.kind().id());
            n.put("digest", m.digest());
            n.put("family", m.identity().family());
            n.put("publisher", m.identity().publisher());
            n.put("country", m.identity().country());
            n.put("license", m.license() == null ? null : m.license().id());
            n.put("signature", m.signature().status().id());
            n.put("lock", m.integrity().lock().id());
        }
        props.put("kbVersion", scan.kbVersion());
        return props;
    }

    private static void reasons(ArrayNode array, List<ReportDecision.Reason> reasons) {
        for (ReportDecision.Reason r : reasons) {
            ObjectNode n = array.addObject();
            n.put("effect", r.effect());
            n.put("code", r.code());
            n.put("model", r.model());
            n.put("ruleId", r.ruleId());
            n.put("file", r.file());
            n.put("message", r.message());
        }
    }

    static String level(Severity severity) {
        return switch (severity) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFO -> "note";
        };
    }

    /** GitHub's scale: 9.0 and above critical, 7.0 high, 4.0 medium, above 0 low. */
    static String securitySeverity(Severity severity) {
        return switch (severity) {
            case CRITICAL -> "9.5";
            case HIGH -> "8.0";
            case MEDIUM -> "5.5";
            case LOW -> "3.0";
            case INFO -> "0.0";
        };
    }

    /** The artifacts array: every file on disk, then archive members as they are named, each with its parent. */
    private static final class Artifacts {
        private final ArrayNode array;
        private final Map<String, Integer> indexes = new LinkedHashMap<>();

        Artifacts(ArrayNode array) {
            this.array = array;
        }

        void file(FileResult file) {
            int index = outer(file.path());
            ObjectNode node = (ObjectNode) array.get(index);
            if (file.size() > 0 || file.sha256() != null) {
                node.put("length", file.size());
            }
            if (file.sha256() != null) {
                node.putObject("hashes").put("sha-256", file.sha256());
            }
        }

        int outer(String path) {
            return indexes.computeIfAbsent(path, p -> {
                ObjectNode node = array.addObject();
                ObjectNode location = node.putObject("location");
                location.put("uri", Uris.of(p));
                if (!Uris.isAbsolute(p)) {
                    location.put("uriBaseId", Uris.SOURCE_ROOT);
                }
                return array.size() - 1;
            });
        }

        int member(ArtifactPath path) {
            if (path.depth() == 0) {
                return outer(path.segments().get(0));
            }
            ArtifactPath parent = new ArtifactPath(path.segments().subList(0, path.segments().size() - 1));
            int parentIndex = member(parent);
            return indexes.computeIfAbsent(path.toString(), p -> {
                ObjectNode node = array.addObject();
                node.putObject("location").put("uri", Uris.ofMember(path.leafName()));
                node.put("parentIndex", parentIndex);
                return array.size() - 1;
            });
        }
    }
}
