package io.modelgate.cli.report;

import io.modelgate.assessment.ModelAssessment;
import io.modelgate.assessment.ScanAssessment;
import io.modelgate.scanner.model.FileResult;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.Severity;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * JUnit XML for CI test views: one test case per model unit and per file in no unit. A case fails for each
 * REJECT reason about it, errors when it could not be analysed completely, and lists REVIEW reasons and its
 * findings in its output. Reasons about no model or file go to a "policy" case.
 */
public final class JunitReportWriter implements StreamedAssessmentWriter {

    private static final String POLICY_CASE = "policy";

    @Override
    public void write(ScanAssessment scan, ReportDecision decision, Writer xml) throws IOException {
        Map<String, Case> cases = new LinkedHashMap<>();
        Map<String, String> caseOfFile = new LinkedHashMap<>();
        for (ModelAssessment model : scan.models()) {
            Case c = cases.computeIfAbsent(model.path(), p -> new Case("model", p));
            model.files().forEach(f -> caseOfFile.put(f.path(), model.path()));
            model.files().forEach(f -> c.findings.addAll(f.findings()));
            c.findings.addAll(model.findings());
            c.incomplete = model.isIncomplete();
        }
        for (FileResult file : scan.otherFiles()) {
            Case c = cases.computeIfAbsent(file.path(), p -> new Case("file", p));
            caseOfFile.put(file.path(), file.path());
            c.findings.addAll(file.findings());
            c.incomplete = !file.incompleteReasons().isEmpty();
        }
        Case policy = new Case("policy", POLICY_CASE);
        for (ReportDecision.Reason reason : decision.reasons()) {
            owner(reason, cases, caseOfFile, policy).reasons.add(reason);
        }
        if (!policy.reasons.isEmpty() || cases.isEmpty()) {
            cases.put(POLICY_CASE, policy);
        }
        int failures = 0;
        int errors = 0;
        for (Case c : cases.values()) {
            failures += c.failing() && !c.erring() ? 1 : 0;
            errors += c.erring() ? 1 : 0;
        }
        String counts = "tests=\"" + cases.size() + "\" failures=\"" + failures + "\" errors=\"" + errors + "\"";
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<testsuites name=\"modelgate\" ").append(counts).append(">\n");
        xml.append("  <testsuite name=\"modelgate scan\" ").append(counts).append(" skipped=\"0\" time=\"")
                .append(String.format(Locale.ROOT, "%.3f", scan.durationMillis() / 1000.0))
                .append("\" timestamp=\"").append(Xml.escape(scan.startedAt().toString())).append("\">\n");
        xml.append("    <properties>\n");
        property(xml, "decision", decision.outcome());
        property(xml, "policy", decision.policyName());
        property(xml, "toolVersion", scan.toolVersion());
        xml.append("    </properties>\n");
        for (Case c : cases.values()) {
            testcase(xml, c);
        }
        xml.append("  </testsuite>\n</testsuites>\n");
        xml.flush();
    }

    private static Case owner(ReportDecision.Reason reason, Map<String, Case> cases, Map<String, String> caseOfFile,
                              Case policy) {
        if (reason.model() != null && cases.containsKey(reason.model())) {
            return cases.get(reason.model());
        }
        if (reason.file() != null) {
            String outer = reason.file().split("!", 2)[0];
            String key = caseOfFile.get(outer);
            if (key != null) {
                return cases.get(key);
            }
        }
        return policy;
    }

    private static void property(Writer xml, String name, String value) throws IOException {
        xml.append("      <property name=\"").append(name).append("\" value=\"").append(Xml.escape(value))
                .append("\"/>\n");
    }

    private static void testcase(Writer xml, Case c) throws IOException {
        xml.append("    <testcase classname=\"modelgate.").append(c.kind).append("\" name=\"").append(Xml.escape(c.name))
                .append("\" time=\"0\">\n");
        List<ReportDecision.Reason> rejects = c.reasons.stream().filter(r -> "REJECT".equals(r.effect())).toList();
        if (c.erring()) {
            xml.append("      <error type=\"incomplete\" message=\"")
                    .append(Xml.escape("could not be analysed completely; never counts as clean")).append("\">")
                    .append(Xml.escape(lines(rejects))).append("</error>\n");
        } else if (!rejects.isEmpty()) {
            xml.append("      <failure type=\"").append(Xml.escape(rejects.get(0).code())).append("\" message=\"")
                    .append(Xml.escape(rejects.size() + " reason(s) to reject: " + rejects.get(0).message()))
                    .append("\">").append(Xml.escape(lines(rejects))).append("</failure>\n");
        }
        StringBuilder out = new StringBuilder();
        c.reasons.stream().filter(r -> !"REJECT".equals(r.effect()))
                .forEach(r -> out.append(r.effect()).append(' ').append(r.code()).append(": ").append(r.message())
                        .append('\n'));
        ReportFindings.bySeverity(c.findings).stream().filter(f -> f.severity() != Severity.INFO)
                .forEach(f -> out.append(f.severity().id().toUpperCase(Locale.ROOT)).append(' ').append(f.ruleId())
                        .append(' ').append(f.location()).append(": ").append(f.message()).append('\n'));
        if (!out.isEmpty()) {
            xml.append("      <system-out>").append(Xml.escape(out.toString())).append("</system-out>\n");
        }
        xml.append("    </testcase>\n");
    }

    private static String lines(List<ReportDecision.Reason> reasons) {
        StringBuilder text = new StringBuilder();
        reasons.forEach(r -> text.append(r.code()).append(r.ruleId() == null ? "" : " " + r.ruleId())
                .append(r.file() == null ? "" : " at " + r.file()).append(": ").append(r.message()).append('\n'));
        return text.toString();
    }

    private static final class Case {
        final String kind;
        final String name;
        final List<Finding> findings = new ArrayList<>();
        final List<ReportDecision.Reason> reasons = new ArrayList<>();
        boolean incomplete;

        Case(String kind, String name) {
            this.kind = kind;
            this.name = name;
        }

        boolean failing() {
            return reasons.stream().anyMatch(r -> "REJECT".equals(r.effect()));
        }

        boolean erring() {
            return incomplete;
        }
    }
}
