package io.modelgate.cli.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelgate.rules.gate.GateResult;
import io.modelgate.provenance.identity.ProvenanceResult;
import io.modelgate.scanner.ToolInfo;
import io.modelgate.scanner.model.FileResult;
import io.modelgate.scanner.model.FileStatus;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.FolderResult;
import io.modelgate.scanner.model.ScanReport;
import io.modelgate.scanner.model.Severity;

import java.io.UncheckedIOException;
import java.util.Map;

/** The versioned JSON report documented in docs/report-schema.md. */
public final class JsonReportWriter implements ReportWriter {

    public static final String SCHEMA_VERSION = "1.1";

    private final ObjectMapper mapper = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    @Override
    public String render(ScanReport report, GateResult gate) {
        try {
            return mapper.writeValueAsString(toJson(report, gate)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String render(ProvenanceResult result, GateResult gate) {
        try {
            ObjectNode root = toJson(result.report(), gate);
            if (result.kbVersion() != null) {
                ((ObjectNode) root.get("tool")).put("knowledgeBase", result.kbVersion());
            }
            root.set("models", ModelsJson.of(mapper, result.models(), result.report().folders()));
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ObjectNode toJson(ScanReport report, GateResult gate) {
        ObjectNode root = mapper.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        ObjectNode tool = root.putObject("tool");
        tool.put("name", ToolInfo.NAME);
        tool.put("version", report.toolVersion());
        ObjectNode scan = root.putObject("scan");
        scan.put("startedAt", report.startedAt().toString());
        scan.put("durationMs", report.durationMillis());
        JsonArrays.putStrings(scan, "roots", report.roots());
        root.set("gate", gate(gate));
        root.set("summary", summary(report));
        ArrayNode files = root.putArray("files");
        for (FileResult file : report.files()) {
            files.add(file(file));
        }
        ArrayNode folders = root.putArray("folders");
        for (FolderResult folder : report.folders()) {
            ObjectNode node = folders.addObject();
            node.put("path", folder.path());
            node.set("facts", mapper.valueToTree(folder.facts()));
        }
        return root;
    }

    private ObjectNode gate(GateResult gate) {
        ObjectNode node = mapper.createObjectNode();
        node.put("result", gate.passed() ? "pass" : "fail");
        node.put("outcome", gate.outcome().id());
        node.put("failOn", gate.policy().failOn().id());
        node.put("strict", gate.policy().strict());
        node.put("allowIncomplete", gate.policy().allowIncomplete());
        node.put("blockingFindings", gate.blocking().size());
        node.put("incompleteFiles", gate.incompleteFiles().size());
        return node;
    }

    private ObjectNode summary(ScanReport report) {
        ObjectNode node = mapper.createObjectNode();
        node.put("files", report.files().size());
        node.put("findings", report.allFindings().size());
        ObjectNode bySeverity = node.putObject("bySeverity");
        for (Map.Entry<Severity, Integer> e : report.countBySeverity().entrySet()) {
            bySeverity.put(e.getKey().id(), e.getValue());
        }
        ObjectNode byStatus = node.putObject("byStatus");
        for (Map.Entry<FileStatus, Integer> e : report.countByStatus().entrySet()) {
            byStatus.put(e.getKey().id(), e.getValue());
        }
        return node;
    }

    private ObjectNode file(FileResult file) {
        ObjectNode node = mapper.createObjectNode();
        node.put("path", file.path());
        node.put("format", file.format());
        JsonArrays.putStrings(node, "innerFormats", file.innerFormats().stream().sorted());
        node.put("size", file.size());
        if (file.sha256() == null) {
            node.putNull("sha256");
        } else {
            node.put("sha256", file.sha256());
        }
        node.put("status", file.status().id());
        JsonArrays.putStrings(node, "incompleteReasons", file.incompleteReasons());
        ArrayNode findings = node.putArray("findings");
        for (Finding finding : file.findings()) {
            findings.add(finding(finding));
        }
        node.set("facts", mapper.valueToTree(file.facts()));
        return node;
    }

    private ObjectNode finding(Finding finding) {
        ObjectNode node = mapper.createObjectNode();
        node.put("ruleId", finding.ruleId());
        node.put("severity", finding.severity().id());
        node.put("category", finding.rule().category());
        node.put("title", finding.rule().title());
        node.put("message", finding.message());
        if (finding.subject() == null) {
            node.putNull("subject");
        } else {
            node.put("subject", finding.subject());
        }
        ObjectNode location = node.putObject("location");
        location.put("path", finding.location().path().toString());
        location.put("file", finding.location().path().segments().get(0));
        JsonArrays.putStrings(location, "entries", finding.location().path().segments().stream().skip(1));
        if (finding.location().hasOffset()) {
            location.put("offset", finding.location().offset());
        } else {
            location.putNull("offset");
        }
        return node;
    }
}
