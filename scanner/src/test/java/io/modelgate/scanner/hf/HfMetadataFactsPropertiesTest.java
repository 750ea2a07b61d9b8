package io.modelgate.scanner.hf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelgate.scanner.analysis.Deadline;
import io.modelgate.scanner.io.ArrayByteSource;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

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

    @Property(tries = 200, seed = "20261202")
    void addedTokensComeBackInOrderAndNothingElse(@ForAll @Size(max = 40) List<@net.jqwik.api.constraints.StringLength(max = 40) String> tokens)
            throws IOException {
        assertThat(read(tokenizerJson(tokens))).containsExactlyElementsOf(tokens);
    }

    @Property(tries = 300, seed = "20261202")
    void aDamagedTokenizerJsonIsRejectedOrReadWithinBounds(@ForAll("damaged") byte[] bytes) {
        try {
            assertThat(read(bytes)).hasSizeLessThanOrEqualTo(TokenizerJson.MAX_ADDED_TOKENS);
        } catch (IOException expected) {
            // malformed: the analyser reports the file incomplete
        }
    }

    @Provide
    Arbitrary<byte[]> damaged() throws IOException {
        byte[] valid = tokenizerJson(List.of("<|endoftext|>", "<|im_start|>", "<|im_end|>"));
        Arbitrary<Integer> position = Arbitraries.integers().between(0, valid.length - 1);
        Arbitrary<Byte> value = Arbitraries.bytes();
        return Arbitraries.oneOf(
                position.map(end -> java.util.Arrays.copyOf(valid, end)),
                net.jqwik.api.Combinators.combine(position, value).as((at, b) -> {
                    byte[] copy = valid.clone();
                    copy[at] = b;
                    return copy;
                }));
    }

    @Property(tries = 100, seed = "20261202")
    void plainValuesAreBoundedInDepthAndEntries(@ForAll @IntRange(min = 1, max = 40) int depth,
                                                @ForAll @IntRange(min = 0, max = 6000) int entries) throws IOException {
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

    @Property(tries = 200, seed = "20261202")
    void aHeadCutInsideACharacterOrLiteralStillLooksLikeJson(@ForAll @IntRange(min = 20, max = 4000) int cut) {
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
