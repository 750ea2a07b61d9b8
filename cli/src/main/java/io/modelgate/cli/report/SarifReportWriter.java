package io.modelgate.cli.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.modelgate.assessment.IncompleteReason;
import io.modelgate.assessment.ModelAssessment;
import io.modelgate.assessment.ScanAssessment;
import io.modelgate.scanner.model.ArtifactPath;
import io.modelgate.scanner.model.FileResult;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.Rule;
import io.modelgate.scanner.model.Severity;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0, shaped for GitHub code scanning: one rule per rule that fired, with help text and a
 * {@code security-severity}; one result per finding, located in the file on disk, with the full path inside
 * archives ({@code model.pt!archive/data.pkl}) as a logical location and the nested members listed as artifacts
 * with their parent; a fingerprint that survives re-scans; what could not be analysed as tool notifications;
 * the decision and the model units in the run's properties. Written as it goes: the artifacts and rules, which
 * come before the results, are gathered in a first pass over the findings, so a scan of many files never sits in
 * memory as a tree.
 */
public final class SarifReportWriter implements StreamedAssessmentWriter {

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String FINGERPRINT_KEY = "modelgateFinding/v1";

    private static final JsonFactory JSON = new JsonFactory();

    @Override
    public void write(ScanAssessment scan, ReportDecision decision, Writer out) throws IOException {
        List<IncompleteReason> incomplete = scan.allIncomplete();
        List<Placed> placed = placedFindings(scan);
        // First pass: the artifacts and rules in the order the tree used to number them.
        Artifacts artifacts = new Artifacts();
        scan.allFiles().forEach(artifacts::file);
        incomplete.forEach(reason -> artifacts.locate(parse(reason.file())));
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        List<Rule> rules = new ArrayList<>();
        for (Placed p : placed) {
            ruleIndex.computeIfAbsent(p.finding().ruleId(), id -> {
                rules.add(p.finding().rule());
                return rules.size() - 1;
            });
            artifacts.locate(p.finding().location().path());
        }
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("$schema", SCHEMA);
            json.writeStringField("version", "2.1.0");
            json.writeArrayFieldStart("runs");
            json.writeStartObject();
            artifacts.write(json);
            tool(json, scan, rules);
            invocations(json, scan, incomplete, artifacts);
            json.writeArrayFieldStart("results");
            for (Placed p : placed) {
                result(json, p.finding(), ruleIndex.get(p.finding().ruleId()), p.model(), artifacts);
            }
            json.writeEndArray();
            json.writeObjectFieldStart("properties");
            json.writeFieldName("modelgate");
            properties(json, scan, decision);
            json.writeEndObject();
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
        }
        out.write("\n");
        out.flush();
    }

    private record Placed(Finding finding, String model) {
    }

    private static void tool(JsonGenerator json, ScanAssessment scan, List<Rule> rules) throws IOException {
        json.writeObjectFieldStart("tool");
        json.writeObjectFieldStart("driver");
        json.writeStringField("name", "ModelGate");
        json.writeStringField("version", scan.toolVersion());
        json.writeStringField("semanticVersion", scan.toolVersion());
        json.writeArrayFieldStart("rules");
        for (Rule rule : rules) {
            rule(json, rule);
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();
    }

    /** The one invocation, with what could not be analysed as its notifications. */
    private static void invocations(JsonGenerator json, ScanAssessment scan, List<IncompleteReason> incomplete,
                                    Artifacts artifacts) throws IOException {
        json.writeArrayFieldStart("invocations");
        json.writeStartObject();
        json.writeBooleanField("executionSuccessful", true);
        json.writeStringField("startTimeUtc", scan.startedAt().toString());
        json.writeArrayFieldStart("toolExecutionNotifications");
        for (IncompleteReason reason : incomplete) {
            json.writeStartObject();
            json.writeStringField("level", "error");
            text(json, "message", "Not analysed completely: " + reason.file() + ": " + reason.reason());
            json.writeArrayFieldStart("locations");
            location(json, parse(reason.file()), artifacts);
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndArray();
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

    private static void rule(JsonGenerator json, Rule rule) throws IOException {
        String title = rule.title() == null ? rule.id() : rule.title();
        String help = rule.help() == null ? title : rule.help();
        json.writeStartObject();
        json.writeStringField("id", rule.id());
        json.writeStringField("name", rule.id());
        text(json, "shortDescription", title);
        text(json, "fullDescription", help);
        json.writeObjectFieldStart("help");
        json.writeStringField("text", help);
        json.writeStringField("markdown", "**" + Markdown.escape(title) + "** (" + rule.id() + ")\n\n"
                + Markdown.escape(help));
        json.writeEndObject();
        json.writeObjectFieldStart("defaultConfiguration");
        json.writeStringField("level", level(rule.severity()));
        json.writeEndObject();
        json.writeObjectFieldStart("properties");
        json.writeStringField("security-severity", securitySeverity(rule.severity()));
        json.writeStringField("precision", "high");
        json.writeArrayFieldStart("tags");
        json.writeString("security");
        if (rule.category() != null) {
            json.writeString(rule.category());
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void result(JsonGenerator json, Finding finding, int ruleIndex, String model, Artifacts artifacts)
            throws IOException {
        String where = finding.location().path().toString();
        String text = finding.message() + (finding.subject() == null ? "" : " [" + finding.subject() + "]")
                + (finding.location().path().depth() > 0 ? " (in " + where + ")" : "");
        json.writeStartObject();
        json.writeStringField("ruleId", finding.ruleId());
        json.writeNumberField("ruleIndex", ruleIndex);
        json.writeStringField("level", level(finding.severity()));
        text(json, "message", text);
        json.writeArrayFieldStart("locations");
        location(json, finding.location().path(), artifacts);
        json.writeEndArray();
        json.writeObjectFieldStart("partialFingerprints");
        json.writeStringField(FINGERPRINT_KEY, ReportFindings.fingerprint(finding));
        json.writeEndObject();
        json.writeObjectFieldStart("properties");
        json.writeStringField("severity", finding.severity().id());
        json.writeStringField("artifactPath", where);
        if (finding.location().hasOffset()) {
            json.writeNumberField("offset", finding.location().offset());
        }
        if (finding.subject() != null) {
            json.writeStringField("subject", finding.subject());
        }
        if (model != null) {
            json.writeStringField("model", model);
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    /** An object holding one field, {@code text}. */
    private static void text(JsonGenerator json, String field, String text) throws IOException {
        json.writeObjectFieldStart(field);
        json.writeStringField("text", text);
        json.writeEndObject();
    }

    /** Unit and folder findings name the file as shown; an archive member is written with '!' as separator. */
    private static ArtifactPath parse(String shown) {
        return new ArtifactPath(List.of(shown.split(java.util.regex.Pattern.quote(ArtifactPath.SEPARATOR), -1)));
    }

    /**
     * The file on disk as the physical location (what GitHub can show); the full path through archives as a
     * logical location.
     */
    private static void location(JsonGenerator json, ArtifactPath path, Artifacts artifacts) throws IOException {
        String outer = path.segments().get(0);
        json.writeStartObject();
        json.writeObjectFieldStart("physicalLocation");
        json.writeObjectFieldStart("artifactLocation");
        json.writeStringField("uri", Uris.of(outer));
        if (!Uris.isAbsolute(outer)) {
            json.writeStringField("uriBaseId", Uris.SOURCE_ROOT);
        }
        json.writeNumberField("index", artifacts.outer(outer));
        json.writeEndObject();
        // GitHub places every alert on a line; model files are binary, so the alert sits at the file's start
        // and the byte offset travels in the result's properties.
        json.writeObjectFieldStart("region");
        json.writeNumberField("startLine", 1);
        json.writeEndObject();
        json.writeEndObject();
        if (path.depth() > 0) {
            json.writeArrayFieldStart("logicalLocations");
            json.writeStartObject();
            json.writeStringField("name", path.leafName());
            json.writeStringField("fullyQualifiedName", path.toString());
            json.writeStringField("kind", "member");
            json.writeEndObject();
            json.writeEndArray();
            json.writeObjectFieldStart("properties");
            json.writeNumberField("memberArtifactIndex", artifacts.member(path));
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private static void properties(JsonGenerator json, ScanAssessment scan, ReportDecision decision)
            throws IOException {
        json.writeStartObject();
        json.writeObjectFieldStart("decision");
        json.writeStringField("outcome", decision.outcome());
        json.writeStringField("policy", decision.policyName());
        json.writeStringField("policyVersion", decision.policyVersion());
        json.writeBooleanField("incomplete", decision.incomplete());
        reasons(json, "reasons", decision.reasons());
        reasons(json, "notes", decision.notes());
        json.writeArrayFieldStart("waivers");
        for (ReportDecision.WaiverUse w : decision.waivers()) {
            json.writeStartObject();
            json.writeStringField("rule", w.rule());
            json.writeStringField("path", w.path());
            json.writeStringField("reason", w.reason());
            json.writeStringField("owner", w.owner());
            json.writeStringField("expires", w.expires());
            JsonReportWriter.strings(json, "accepted", w.accepted());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeArrayFieldStart("models");
        for (ModelAssessment m : scan.models()) {
            json.writeStartObject();
            json.writeStringField("path", m.path());
            json.writeStringField("kind", m.kind() == null ? null : m.kind().id());
            json.writeStringField("digest", m.digest());
            json.writeStringField("family", m.identity().family());
            json.writeStringField("publisher", m.identity().publisher());
            json.writeStringField("country", m.identity().country());
            json.writeStringField("license", m.license() == null ? null : m.license().id());
            json.writeStringField("signature", m.signature().status().id());
            json.writeStringField("lock", m.integrity().lock().id());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeStringField("kbVersion", scan.kbVersion());
        json.writeEndObject();
    }

    private static void reasons(JsonGenerator json, String field, List<ReportDecision.Reason> reasons)
            throws IOException {
        json.writeArrayFieldStart(field);
        for (ReportDecision.Reason r : reasons) {
            json.writeStartObject();
            json.writeStringField("effect", r.effect());
            json.writeStringField("code", r.code());
            json.writeStringField("model", r.model());
            json.writeStringField("ruleId", r.ruleId());
            json.writeStringField("file", r.file());
            json.writeStringField("message", r.message());
            json.writeEndObject();
        }
        json.writeEndArray();
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

    /**
     * The artifacts array: every file on disk, then archive members as they are named, each with its parent;
     * numbered in the first pass, written before the results that refer to them.
     */
    private static final class Artifacts {

        /** A file on disk ({@code parent} null) or an archive member. */
        private static final class Entry {
            final String uri;
            final boolean relative;
            final Integer parent;
            Long length;
            String sha256;

            Entry(String uri, boolean relative, Integer parent) {
                this.uri = uri;
                this.relative = relative;
                this.parent = parent;
            }
        }

        private final List<Entry> entries = new ArrayList<>();
        private final Map<String, Integer> indexes = new LinkedHashMap<>();

        void file(FileResult file) {
            Entry entry = entries.get(outer(file.path()));
            if (file.size() > 0 || file.sha256() != null) {
                entry.length = file.size();
            }
            if (file.sha256() != null) {
                entry.sha256 = file.sha256();
            }
        }

        /** Numbers what a location of {@code path} refers to, as writing it does. */
        void locate(ArtifactPath path) {
            outer(path.segments().get(0));
            if (path.depth() > 0) {
                member(path);
            }
        }

        int outer(String path) {
            return indexes.computeIfAbsent(path, p -> {
                entries.add(new Entry(Uris.of(p), !Uris.isAbsolute(p), null));
                return entries.size() - 1;
            });
        }

        int member(ArtifactPath path) {
            if (path.depth() == 0) {
                return outer(path.segments().get(0));
            }
            ArtifactPath parent = new ArtifactPath(path.segments().subList(0, path.segments().size() - 1));
            int parentIndex = member(parent);
            return indexes.computeIfAbsent(path.toString(), p -> {
                entries.add(new Entry(Uris.ofMember(path.leafName()), false, parentIndex));
                return entries.size() - 1;
            });
        }

        void write(JsonGenerator json) throws IOException {
            json.writeArrayFieldStart("artifacts");
            for (Entry entry : entries) {
                json.writeStartObject();
                json.writeObjectFieldStart("location");
                json.writeStringField("uri", entry.uri);
                if (entry.relative) {
                    json.writeStringField("uriBaseId", Uris.SOURCE_ROOT);
                }
                json.writeEndObject();
                if (entry.parent != null) {
                    json.writeNumberField("parentIndex", entry.parent);
                }
                if (entry.length != null) {
                    json.writeNumberField("length", entry.length);
                }
                if (entry.sha256 != null) {
                    json.writeObjectFieldStart("hashes");
                    json.writeStringField("sha-256", entry.sha256);
                    json.writeEndObject();
                }
                json.writeEndObject();
            }
            json.writeEndArray();
        }
    }
}
