package io.modelgate.cli.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import io.modelgate.assessment.IncompleteReason;
import io.modelgate.assessment.ModelAssessment;
import io.modelgate.assessment.ScanAssessment;
import io.modelgate.rules.policy.Decision;
import io.modelgate.rules.policy.ReasonCodes;
import io.modelgate.rules.policy.SecurityGate;
import io.modelgate.scanner.ToolInfo;
import io.modelgate.scanner.facts.TypedFact;
import io.modelgate.scanner.model.FileResult;
import io.modelgate.scanner.model.FileStatus;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.Severity;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The versioned JSON report documented in docs/report-schema.md, streamed: each file and model is written
 * as it is reached, so the report of a scan of any size never sits in memory as a whole.
 */
public final class JsonReportWriter implements ReportWriter {

    public static final String SCHEMA_VERSION = "1.2";

    private static final JsonFactory JSON = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    @Override
    public void write(ScanAssessment scan, Decision decision, Writer out) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("schemaVersion", SCHEMA_VERSION);
            json.writeObjectFieldStart("tool");
            json.writeStringField("name", ToolInfo.NAME);
            json.writeStringField("version", scan.toolVersion());
            if (scan.kbVersion() != null) {
                json.writeStringField("knowledgeBase", scan.kbVersion());
            }
            json.writeEndObject();
            json.writeObjectFieldStart("scan");
            json.writeStringField("startedAt", scan.startedAt().toString());
            json.writeNumberField("durationMs", scan.durationMillis());
            strings(json, "roots", scan.roots());
            json.writeEndObject();
            json.writeFieldName("decision");
            DecisionJson.write(json, decision);
            gate(json, decision);
            summary(json, scan);
            json.writeArrayFieldStart("files");
            for (ModelAssessment model : scan.models()) {
                for (FileResult file : model.files()) {
                    file(json, file);
                }
            }
            for (FileResult file : scan.otherFiles()) {
                file(json, file);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("models");
            for (ModelAssessment model : scan.models()) {
                ModelJson.write(json, model);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("findings");
            for (Finding finding : scan.findings()) {
                finding(json, finding);
            }
            json.writeEndArray();
            incomplete(json, scan.incomplete());
            FoldersJson.write(json, scan.models());
            json.writeEndObject();
        }
        out.write('\n');
        out.flush();
    }

    /** The security part of the decision, in the form 1.x readers know. */
    private static void gate(JsonGenerator json, Decision decision) throws IOException {
        SecurityGate gate = decision.gate();
        long blocking = decision.count(ReasonCodes.FINDING, ReasonCodes.FINDING_UNREVIEWED);
        long incomplete = decision.count(ReasonCodes.INCOMPLETE);
        json.writeObjectFieldStart("gate");
        json.writeStringField("result", blocking + incomplete == 0 ? "pass" : "fail");
        json.writeStringField("outcome", blocking > 0 ? "fail-findings" : incomplete > 0 ? "fail-incomplete" : "pass");
        json.writeStringField("failOn", gate.failOn() == null ? "none" : gate.failOn().id());
        json.writeBooleanField("strict", gate.strict());
        json.writeBooleanField("allowIncomplete", gate.allowIncomplete());
        json.writeNumberField("blockingFindings", blocking);
        json.writeNumberField("incompleteFiles", incomplete);
        json.writeEndObject();
    }

    private static void summary(JsonGenerator json, ScanAssessment scan) throws IOException {
        json.writeObjectFieldStart("summary");
        json.writeNumberField("files", scan.otherFiles().size()
                + scan.models().stream().mapToInt(m -> m.files().size()).sum());
        json.writeNumberField("findings", scan.allFindings().size());
        json.writeNumberField("models", scan.models().size());
        json.writeObjectFieldStart("bySeverity");
        for (Map.Entry<Severity, Integer> e : scan.countBySeverity().entrySet()) {
            json.writeNumberField(e.getKey().id(), e.getValue());
        }
        json.writeEndObject();
        json.writeObjectFieldStart("byStatus");
        for (Map.Entry<FileStatus, Integer> e : scan.countByStatus().entrySet()) {
            json.writeNumberField(e.getKey().id(), e.getValue());
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void file(JsonGenerator json, FileResult file) throws IOException {
        json.writeStartObject();
        json.writeStringField("path", file.path());
        json.writeStringField("format", file.format());
        strings(json, "innerFormats", file.innerFormats().stream().sorted().toList());
        json.writeNumberField("size", file.size());
        json.writeStringField("sha256", file.sha256());
        json.writeStringField("status", file.status().id());
        strings(json, "incompleteReasons", file.incompleteReasons());
        json.writeArrayFieldStart("findings");
        for (Finding finding : file.findings()) {
            finding(json, finding);
        }
        json.writeEndArray();
        json.writeObjectFieldStart("facts");
        for (Map.Entry<String, Object> fact : new TreeMap<>(file.facts()).entrySet()) {
            // Typed facts feed the assessment; models[] shows what was made of them.
            if (!(fact.getValue() instanceof TypedFact)) {
                json.writeFieldName(fact.getKey());
                FactJson.write(json, fact.getValue());
            }
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    static void finding(JsonGenerator json, Finding finding) throws IOException {
        json.writeStartObject();
        json.writeStringField("ruleId", finding.ruleId());
        json.writeStringField("severity", finding.severity().id());
        json.writeStringField("category", finding.rule().category());
        json.writeStringField("title", finding.rule().title());
        json.writeStringField("message", finding.message());
        json.writeStringField("subject", finding.subject());
        json.writeObjectFieldStart("location");
        json.writeStringField("path", finding.location().path().toString());
        json.writeStringField("file", finding.location().path().segments().get(0));
        strings(json, "entries", finding.location().path().segments().subList(1,
                finding.location().path().segments().size()));
        if (finding.location().hasOffset()) {
            json.writeNumberField("offset", finding.location().offset());
        } else {
            json.writeNullField("offset");
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    static void incomplete(JsonGenerator json, List<IncompleteReason> reasons) throws IOException {
        json.writeArrayFieldStart("incompleteReasons");
        for (IncompleteReason reason : reasons) {
            json.writeStartObject();
            json.writeStringField("path", reason.file());
            json.writeStringField("reason", reason.reason());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    static void strings(JsonGenerator json, String field, List<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }
}
