package io.modelgate.cli.report;

import io.modelgate.provenance.kb.KnowledgeBase;
import io.modelgate.provenance.kb.KnowledgeBaseLoader;
import io.modelgate.rules.policy.Decision;
import io.modelgate.rules.policy.PolicyEngine;
import io.modelgate.rules.policy.load.PolicyLoader;
import io.modelgate.rules.policy.load.Profiles;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportTargetsTest {

    @Command(name = "scan")
    static final class Scan {
        @Option(names = "--report", converter = ReportTargets.class)
        List<ReportTarget> reports = List.of();
    }

    private static List<ReportTarget> parse(String... args) {
        Scan scan = new Scan();
        new CommandLine(scan).parseArgs(args);
        return scan.reports;
    }

    @Test
    void parsesRepeatedFormatEqualsFile() {
        assertThat(parse("--report", "sarif=out/modelgate.sarif", "--report", "HTML=report.html",
                "--report", "md=comment.md", "--report", "junit=a=b.xml"))
                .containsExactly(new ReportTarget("sarif", Path.of("out/modelgate.sarif")),
                        new ReportTarget("html", Path.of("report.html")),
                        new ReportTarget("markdown", Path.of("comment.md")),
                        new ReportTarget("junit", Path.of("a=b.xml")));
    }

    @Test
    void badValuesAreOneLineUsageErrors() {
        assertThatThrownBy(() -> parse("--report", "sarif")).isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("expected FORMAT=FILE");
        assertThatThrownBy(() -> parse("--report", "pdf=x.pdf")).hasMessageContaining("unknown report format 'pdf'");
        assertThatThrownBy(() -> parse("--report", "html=")).hasMessageContaining("no file given");
        assertThatThrownBy(() -> parse("--report", "html=a\u0000b")).hasMessageContaining("not a valid file name");
        assertThatThrownBy(() -> ReportTargets.checkDistinct(parse("--report", "html=r", "--report", "sarif=./r")))
                .hasMessage("two reports would be written to ./r");
    }

    @Test
    void everyFormatHasAWriterOnceTextAndJsonAreAdded(@TempDir Path dir) throws Exception {
        AssessmentWriters writers = AssessmentWriters.standard()
                .with("text", (scan, decision) -> "text " + decision.outcome())
                .with("json", (scan, decision) -> "{}");
        for (String format : List.of("text", "json", "sarif", "html", "markdown", "junit")) {
            assertThat(writers.forFormat(format)).isNotNull();
        }
        assertThatThrownBy(() -> AssessmentWriters.standard().forFormat("text")).isInstanceOf(IllegalStateException.class);
        SampleScan sample = SampleScan.in(dir.resolve("scan"));
        List<ReportTarget> targets = parse("--report", "sarif=" + dir.resolve("out/r.sarif"),
                "--report", "text=" + dir.resolve("r.txt"), "--report", "junit=" + dir.resolve("r.xml"));
        writers.writeAll(targets, sample.scan, sample.decision);
        assertThat(Files.readString(dir.resolve("r.txt"))).isEqualTo("text REJECT");
        assertThat(Files.readString(dir.resolve("out/r.sarif"))).contains("\"version\" : \"2.1.0\"");
        assertThat(Files.readString(dir.resolve("r.xml"))).startsWith("<?xml");
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void everyReportFormatIsWrittenFromTheSameDecision(@TempDir Path dir) throws Exception {
        SampleScan sample = SampleScan.in(dir.resolve("scan"));
        KnowledgeBase kb = KnowledgeBaseLoader.builtIn();
        Decision decision = new PolicyEngine().decide(sample.scan,
                Profiles.load(Profiles.DEFAULT, new PolicyLoader(kb)), java.time.Clock.systemUTC());
        List<ReportTarget> targets = new java.util.ArrayList<>();
        for (String format : ReportTargets.FORMATS) {
            targets.add(new ReportTarget(format, dir.resolve("out/report." + format)));
        }
        new ReportFiles(java.time.Clock.systemUTC()).writeAll(targets, sample.scan, decision);
        for (ReportTarget target : targets) {
            assertThat(Files.size(target.file())).as(target.format()).isPositive();
        }
        assertThat(Files.readString(dir.resolve("out/report.cyclonedx")))
                .contains("\"modelgate:decision\"", decision.outcome().name());
        assertThat(Files.readString(dir.resolve("out/report.json"))).contains(decision.outcome().name().toLowerCase());
        try (var left = Files.list(dir.resolve("out"))) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }
}
