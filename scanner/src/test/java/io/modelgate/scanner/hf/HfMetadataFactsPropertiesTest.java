package io.modelgate.scanner.hf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelgate.scanner.analysis.Deadline;
import io.modelgate.scanner.io.ArrayByteSource;
import io.modelgate.testkit.Gen;
import io.modelgate.testkit.RandomCases;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The readers that turn hostile Hugging Face metadata into facts: tokenizer.json's added tokens read as a
 * stream, and JSON trees copied into bounded plain values.
 */
class HfMetadataFactsPropertiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static byte[] tokenizerJson(List<String> tokens) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", "1.0");
        ArrayNode added = root.putArray("added_tokens");
        for (int i = 0; i < tokens.size(); i++) {
            added.addObject().put("id", 1000 + i).put("content", tokens.get(i)).put("special", true);
        }
        ObjectNode model = root.putObject("model");
        model.put("type", "BPE");
        model.putObject("vocab").put("added_tokens", 0).put("a", 1);
        model.putArray("merges").addArray().add("a").add("b");
        return JSON.writeValueAsBytes(root);
    }

    private static List<String> read(byte[] bytes) throws IOException {
        return TokenizerJson.addedTokens(new ArrayByteSource(bytes), Deadline.after(Duration.ofMinutes(1)));
    }

    @Test
    void addedTokensComeBackInOrderAndNothingElse() {
        RandomCases.check(200, gen -> gen.list(40, () -> gen.string(40)), tokens ->
                assertThat(read(tokenizerJson(tokens))).containsExactlyElementsOf(tokens));
    }

    @Test
    void aDamagedTokenizerJsonIsRejectedOrReadWithinBounds() throws IOException {
        byte[] valid = tokenizerJson(List.of("<|endoftext|>", "<|im_start|>", "<|im_end|>"));
        RandomCases.check(300, gen -> damaged(gen, valid), bytes -> {
            try {
                assertThat(read(bytes)).hasSizeLessThanOrEqualTo(TokenizerJson.MAX_ADDED_TOKENS);
            } catch (IOException expected) {
                // malformed: the analyser reports the file incomplete
            }
        });
    }

    /** The valid file cut short, or with one byte overwritten. */
    private static byte[] damaged(Gen gen, byte[] valid) {
        int position = gen.intBetween(0, valid.length - 1);
        if (gen.bool()) {
            return java.util.Arrays.copyOf(valid, position);
        }
        byte[] copy = valid.clone();
        copy[position] = gen.anyByte();
        return copy;
    }

    private record Sizes(int depth, int entries) {
    }

    @Test
    void plainValuesAreBoundedInDepthAndEntries() {
        RandomCases.check(100, gen -> new Sizes(gen.intBetween(1, 40), gen.intBetween(0, 6000)),
                sizes -> plainValuesAreBounded(sizes.depth(), sizes.entries()));
    }

    private static void plainValuesAreBounded(int depth, int entries) throws IOException {
        StringBuilder nested = new StringBuilder();
        nested.append("{\"a\":".repeat(depth)).append("1").append("}".repeat(depth));
        StringBuilder wide = new StringBuilder("[");
        for (int i = 0; i < entries; i++) {
            wide.append(i == 0 ? "" : ",").append(i);
        }
        wide.append(']');
        JsonNode root = JSON.readTree("{\"nested\":" + nested + ",\"wide\":" + wide + "}");

        Map<String, Object> plain = PlainValues.object(root);

        assertThat((List<?>) plain.get("wide")).hasSize(Math.min(entries, PlainValues.MAX_ENTRIES));
        int seen = 0;
        Object level = plain.get("nested");
        while (level instanceof Map<?, ?> map && map.containsKey("a")) {
            level = map.get("a");
            seen++;
        }
        assertThat(seen).isLessThanOrEqualTo(PlainValues.MAX_DEPTH);
    }

    @Test
    void aHeadCutInsideACharacterOrLiteralStillLooksLikeJson() {
        RandomCases.check(200, gen -> gen.intBetween(20, 4000), HfMetadataFactsPropertiesTest::headCutLooksLikeJson);
    }

    private static void headCutLooksLikeJson(int cut) {
        StringBuilder doc = new StringBuilder("{\"chat_template\": \"<｜User｜>\", \"flags\": [");
        while (doc.length() < 5000) {
            doc.append("false, null, true, 12345.5e3, \"｜▁\", ");
        }
        doc.append("false]}");
        byte[] bytes = doc.toString().getBytes(StandardCharsets.UTF_8);
        byte[] head = java.util.Arrays.copyOf(bytes, Math.min(cut, bytes.length));

        assertThat(new JsonDetector().detect(new ArrayByteSource(bytes), head, "tokenizer_config.json"))
                .as("cut at %d", cut).isPresent();
    }
}
