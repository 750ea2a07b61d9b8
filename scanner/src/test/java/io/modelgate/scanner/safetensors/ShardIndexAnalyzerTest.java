package io.modelgate.scanner.safetensors;

import io.modelgate.scanner.Scanner;
import io.modelgate.scanner.model.FileResult;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.ScanReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static io.modelgate.scanner.testing.ScanReports.findings;
import static io.modelgate.scanner.testing.ScanReports.findingsAt;
import static org.assertj.core.api.Assertions.assertThat;

class ShardIndexAnalyzerTest {

    private static final Path SHARDED = Path.of("..", "fixtures", "safetensors", "sharded");

    @TempDir
    Path dir;

    private static ScanReport scan(Path folder) throws IOException {
        return Scanner.withDefaults().scan(List.of(folder));
    }

    private static FileResult file(ScanReport report, String suffix) {
        return report.files().stream().filter(f -> f.path().endsWith(suffix)).findFirst().orElseThrow();
    }

    @Test
    void consistentShardedCheckpointIsClean() throws IOException {
        ScanReport report = scan(SHARDED.resolve("ok"));
        assertThat(findings(report)).isEmpty();
        assertThat(file(report, "model-00001-of-00002.safetensors").status().id()).isEqualTo("clean");
        assertThat(report.folders()).allSatisfy(f -> assertThat(f.incomplete()).isEmpty());
    }

    @Test
    void missingShardIsReportedAtItsPathAndTheIndexIsIncomplete() throws IOException {
        ScanReport report = scan(SHARDED.resolve("missing-shard"));
        assertThat(findings(report)).filteredOn(f -> f.location().path().toString()
                .endsWith("model-00003-of-00003.safetensors")).extracting(Finding::ruleId).containsExactly("MG-ST-010");
        assertThat(report.folders()).singleElement().satisfies(folder -> assertThat(folder.incomplete())
                .containsOnlyKeys(folder.path() + "/model.safetensors.index.json"));
    }

    @Test
    void wrongTotalSizeIsReported() throws IOException {
        ScanReport report = scan(SHARDED.resolve("wrong-total-size"));
        assertThat(findings(report)).extracting(Finding::ruleId).containsExactly("MG-ST-012");
        assertThat(findings(report).get(0).message()).contains("123456");
    }

    @Test
    void tensorNotWhereTheMapSaysIsReported() throws IOException {
        ScanReport report = scan(SHARDED.resolve("misplaced-tensor"));
        assertThat(findings(report)).extracting(Finding::ruleId, Finding::subject)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("MG-ST-011", "lm_head.weight"));
        assertThat(findings(report).get(0).message())
                .contains("'model-00001-of-00002.safetensors' but it is in 'model-00002-of-00002.safetensors'");
    }

    @Test
    void duplicatedTensorsUnindexedTensorsAndStrayShardsAreReported() throws IOException {
        copy(SHARDED.resolve("ok"));
        // a third shard holding a tensor already in shard 1 plus one the index does not know
        byte[] stray = SafetensorsBuilder.file("{" + SafetensorsBuilder.tensor("model.embed_tokens.weight", "F32", "[1]", 0, 4)
                + "," + SafetensorsBuilder.tensor("extra.weight", "F32", "[1]", 4, 8) + "}", 8);
        Files.write(dir.resolve("model-00003-of-00002.safetensors"), stray);
        String index = Files.readString(dir.resolve("model.safetensors.index.json"))
                .replace("\"weight_map\": {", "\"weight_map\": {\n    \"extra.weight\": \"model-00003-of-00002.safetensors\",");
        Files.writeString(dir.resolve("model.safetensors.index.json"), index);
        Files.write(dir.resolve("model-00004-of-00004.safetensors"), stray);
        List<String> messages = findings(scan(dir)).stream().map(f -> f.ruleId() + " " + f.message()).toList();
        assertThat(messages).anyMatch(m -> m.startsWith("MG-ST-011") && m.contains("is in both"))
                .anyMatch(m -> m.startsWith("MG-ST-013") && m.contains("model-00004-of-00004.safetensors"))
                .anyMatch(m -> m.startsWith("MG-ST-012"));
    }

    @Test
    void pathTraversalInTheWeightMapIsMalformed() throws IOException {
        copy(SHARDED.resolve("ok"));
        String index = Files.readString(dir.resolve("model.safetensors.index.json"))
                .replace("\"lm_head.weight\": \"model-00002-of-00002.safetensors\"", "\"lm_head.weight\": \"../../etc/passwd\"");
        Files.writeString(dir.resolve("model.safetensors.index.json"), index);
        List<Finding> findings = findings(scan(dir));
        assertThat(findings).extracting(Finding::ruleId).contains("MG-ST-014");
    }

    @Test
    void brokenIndexJsonIsMalformedButOtherIndexNamedFilesAreIgnored() throws IOException {
        Files.writeString(dir.resolve("model.safetensors.index.json"), "{\"weight_map\": {\"a\": \"x\", \"a\": \"y\"}}");
        Files.writeString(dir.resolve("search.index.json"), "{\"entries\": []}");
        ScanReport report = scan(dir);
        assertThat(findingsAt(report, "model.safetensors.index.json")).extracting(Finding::ruleId).contains("MG-ST-014");
        assertThat(findingsAt(report, "search.index.json")).isEmpty();
    }

    @Test
    void pytorchBinIndexChecksPresenceOnly() throws IOException {
        Files.writeString(dir.resolve("pytorch_model.bin.index.json"), "{\"metadata\": {\"total_size\": 8}, \"weight_map\": "
                + "{\"a\": \"pytorch_model-00001-of-00002.bin\", \"b\": \"pytorch_model-00002-of-00002.bin\"}}");
        Files.write(dir.resolve("pytorch_model-00001-of-00002.bin"), new byte[]{(byte) 0xfe});
        List<Finding> findings = findings(scan(dir));
        assertThat(findings).extracting(Finding::ruleId).containsExactly("MG-ST-010");
        assertThat(findings.get(0).location().path().toString()).endsWith("pytorch_model-00002-of-00002.bin");
    }

    private void copy(Path from) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
    }
}
