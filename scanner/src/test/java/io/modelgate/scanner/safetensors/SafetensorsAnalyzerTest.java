package io.modelgate.scanner.safetensors;

import io.modelgate.scanner.analysis.CoreRules;
import io.modelgate.scanner.analysis.FileCollector;
import io.modelgate.scanner.model.Finding;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.modelgate.scanner.safetensors.SafetensorsBuilder.file;
import static io.modelgate.scanner.safetensors.SafetensorsBuilder.tensor;
import static io.modelgate.scanner.testing.ArtifactScan.aboveInfo;
import static io.modelgate.scanner.testing.ArtifactScan.ruleIds;
import static io.modelgate.scanner.testing.ArtifactScan.scan;
import static org.assertj.core.api.Assertions.assertThat;

class SafetensorsAnalyzerTest {

    private static final Path FIXTURES = Path.of("..", "fixtures", "safetensors");

    private static FileCollector scanFixture(String name) throws IOException {
        return scan(name, Files.readAllBytes(FIXTURES.resolve(name)));
    }

    @Test
    void benignCheckpointsAreCleanWithInventoryFacts() throws IOException {
        for (String name : List.of("tiny-llama-bf16.safetensors", "tiny-llama-f16.safetensors", "lora-kohya.safetensors")) {
            FileCollector result = scanFixture(name);
            assertThat(result.format().id()).isEqualTo("safetensors");
            assertThat(result.findings()).as(name).isEmpty();
            assertThat(result.incompleteReasons()).as(name).isEmpty();
        }
        Map<String, Object> facts = scanFixture("tiny-llama-bf16.safetensors").facts();
        assertThat(facts).containsEntry("safetensors.tensorCount", 21);
        assertThat(facts.get("safetensors.dtypes")).isEqualTo(Map.of("BF16", 17, "F32", 4));
        assertThat(facts.get("safetensors.tensorNames")).asList().contains((Object) "model.layers.1.mlp.down_proj.weight");
        assertThat(((Map<?, ?>) facts.get("safetensors.tensorShapes")).get("model.embed_tokens.weight")).isEqualTo(List.of(64L, 16L));
        assertThat(facts).containsEntry("safetensors.metadata", Map.of("format", "pt"));
        long params = 64 * 16 * 2 + 16 + 2 * (4 * 16 * 16 + 3 * 32 * 16 + 2 * 16);
        assertThat(facts).containsEntry("safetensors.parameterCount", params);
    }

    @Test
    void codeAndTemplatesInMetadataNeedReview() throws IOException {
        FileCollector result = scanFixture("hostile-metadata.safetensors");
        assertThat(ruleIds(result)).contains("MG-ST-004", "MG-ST-005");
        assertThat(result.findings()).filteredOn(f -> f.ruleId().equals("MG-ST-004"))
                .extracting(Finding::subject).containsExactlyInAnyOrder("post_load_hook", "chat_template");
    }

    @Test
    void trailingBytesAfterTheLastTensorAreReported() throws IOException {
        FileCollector result = scanFixture("polyglot-trailing.safetensors");
        assertThat(ruleIds(result)).containsExactly("MG-ST-002");
        assertThat(result.findings().get(0).message()).contains("64 bytes at the end");
    }

    @Test
    void headerLengthBeyondTheFileIsMalformedNotACrash() {
        String header = "{" + tensor("w", "F32", "[2]", 0, 8) + "}";
        for (long declared : new long[]{Long.MIN_VALUE, Long.MAX_VALUE, 1L << 62, 200_000_000L, 4096}) {
            FileCollector result = scan("w.safetensors", file(declared, header, 8));
            assertThat(result.format().id()).isEqualTo("safetensors");
            assertThat(ruleIds(result)).as("declared %d", declared).contains("MG-ST-001");
            assertThat(result.incompleteReasons()).isNotEmpty();
        }
    }

    @Test
    void duplicateKeysAreRejected() {
        String header = "{" + tensor("w", "F32", "[2]", 0, 8) + "," + tensor("w", "F32", "[2]", 0, 8) + "}";
        FileCollector result = scan("dup.safetensors", file(header, 8));
        assertThat(ruleIds(result)).contains("MG-ST-001");
        assertThat(result.findings().get(0).message()).contains("Duplicate");
        String dupField = "{\"w\":{\"dtype\":\"F32\",\"dtype\":\"I8\",\"shape\":[2],\"data_offsets\":[0,8]}}";
        assertThat(ruleIds(scan("dup2.safetensors", file(dupField, 8)))).contains("MG-ST-001");
    }

    @Test
    void overlappingAndGappedRangesAreReported() {
        String overlap = "{" + tensor("a", "F32", "[4]", 0, 16) + "," + tensor("b", "F32", "[4]", 8, 24) + "}";
        FileCollector overlapping = scan("o.safetensors", file(overlap, 24));
        assertThat(overlapping.findings()).extracting(Finding::message).anyMatch(m -> m.contains("overlaps tensor 'a'"));
        String gap = "{" + tensor("a", "F32", "[2]", 0, 8) + "," + tensor("b", "F32", "[2]", 16, 24) + "}";
        assertThat(scan("g.safetensors", file(gap, 24)).findings()).extracting(Finding::message)
                .anyMatch(m -> m.contains("8 bytes before this tensor belong to no tensor"));
        String past = "{" + tensor("a", "F32", "[4]", 0, 16) + "}";
        assertThat(scan("p.safetensors", file(past, 8)).findings()).extracting(Finding::message)
                .anyMatch(m -> m.contains("runs past the 8-byte data section"));
    }

    @Test
    void sizesAreCheckedWithoutOverflow() {
        String huge = "{" + tensor("a", "F64", "[4294967296,4294967296,16]", 0, 8) + "}";
        assertThat(scan("h.safetensors", file(huge, 8)).findings()).extracting(Finding::message)
                .anyMatch(m -> m.contains("overflows"));
        String wrong = "{" + tensor("a", "BF16", "[3]", 0, 8) + "}";
        assertThat(scan("w.safetensors", file(wrong, 8)).findings()).extracting(Finding::message)
                .anyMatch(m -> m.contains("needs 6 bytes but data_offsets span 8"));
        String subByte = "{" + tensor("a", "F4", "[3]", 0, 2) + "}";
        assertThat(scan("s.safetensors", file(subByte, 2)).findings()).extracting(Finding::message)
                .anyMatch(m -> m.contains("not a whole number of bytes"));
        String bigOffset = "{" + tensor("a", "F32", "[2]", 0, Long.MAX_VALUE) + "}";
        assertThat(ruleIds(scan("b.safetensors", file(bigOffset, 8)))).contains("MG-ST-002");
        String u64 = "{\"a\":{\"dtype\":\"F32\",\"shape\":[18446744073709551615],\"data_offsets\":[0,8]}}";
        assertThat(ruleIds(scan("u.safetensors", file(u64, 8)))).contains("MG-ST-001");
    }

    @Test
    void newerDtypesAreKnownAndUnknownOnesReportedAsUnknown() {
        String newer = "{" + tensor("a", "F8_E4M3", "[4]", 0, 4) + "," + tensor("b", "F6_E2M3", "[4]", 4, 7) + ","
                + tensor("c", "F8_E8M0", "[1]", 7, 8) + "}";
        assertThat(scan("n.safetensors", file(newer, 8)).findings()).isEmpty();
        String unknown = "{" + tensor("a", "Q4_K", "[4]", 0, 8) + "}";
        FileCollector unknownDtype = scan("u.safetensors", file(unknown, 8));
        assertThat(ruleIds(unknownDtype)).containsExactly("MG-ST-003", CoreRules.INCOMPLETE.id());
        assertThat(unknownDtype.incompleteReasons()).singleElement().asString()
                .contains("dtype this reader does not know").contains("'Q4_K'");
    }

    @Test
    void malformedEntriesGiveFindings() {
        List<String> headers = List.of("{\"a\":1}", "{\"a\":{\"dtype\":\"F32\",\"shape\":[2]}}",
                "{\"a\":{\"dtype\":\"F32\",\"shape\":[-2],\"data_offsets\":[0,8]}}",
                "{\"a\":{\"dtype\":\"F32\",\"shape\":[2.5],\"data_offsets\":[0,8]}}",
                "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8,9]}}",
                "{\"__metadata__\":{\"k\":1}}", "{\"__metadata__\":{\"k\":\"v\"}} {}", "{\"a\":{\"dtype\":",
                "{\"a\":" + "[".repeat(5000) + "}", "{\"a\":\"\uD800\"}");
        for (String header : headers) {
            FileCollector result = scan("m.safetensors", file(header, 8));
            assertThat(ruleIds(result)).as(header.substring(0, Math.min(40, header.length()))).contains("MG-ST-001");
        }
    }

    @Test
    void invalidUtf8HeaderIsMalformed() {
        byte[] bytes = file("{\"a\":\"xx\"}", 0);
        bytes[14] = (byte) 0xff;
        assertThat(ruleIds(scan("bad.safetensors", bytes))).contains("MG-ST-001");
    }

    @Test
    void emptyTensorsAndScalarsAreValid() {
        String header = "{" + tensor("empty", "F32", "[0,4]", 0, 0) + "," + tensor("scalar", "I64", "[]", 0, 8) + "}";
        FileCollector result = scan("e.safetensors", file(header, 8));
        assertThat(aboveInfo(result)).isEmpty();
        assertThat(result.facts()).containsEntry("safetensors.parameterCount", 1L);
    }

    @Test
    void metadataSecretsAreFound() {
        String token = "hf_" + "aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dE2f";
        String header = "{\"__metadata__\":{\"note\":\"upload with " + token + "\"}}";
        FileCollector result = scan("s.safetensors", file(header, 0));
        assertThat(ruleIds(result)).containsExactly("MG-SEC-002");
        assertThat(result.findings().get(0).message()).doesNotContain(token);
    }
}
