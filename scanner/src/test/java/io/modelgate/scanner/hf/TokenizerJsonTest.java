package io.modelgate.scanner.hf;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelgate.scanner.analysis.Deadline;
import io.modelgate.scanner.io.ArrayByteSource;
import io.modelgate.testkit.RandomCases;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** tokenizer.json reduced to lineage facts: vocabulary counted as it streams past, pre- and post-processing read. */
class TokenizerJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SPLIT = "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}";

    private static TokenizerFacts read(ObjectNode root) throws IOException {
        return TokenizerJson.read(new ArrayByteSource(JSON.writeValueAsBytes(root)), Deadline.after(Duration.ofMinutes(1)));
    }

    /** A byte-level BPE tokenizer laid out as the tokenizers library writes one: template BOS, split then byte level. */
    private static ObjectNode byteLevelBpe(int vocab, int added, int merges) {
        ObjectNode root = JSON.createObjectNode().put("version", "1.0");
        root.putNull("truncation");
        ArrayNode addedTokens = root.putArray("added_tokens");
        for (int i = 0; i < added; i++) {
            addedTokens.addObject().put("id", vocab + i).put("content", "<|reserved_" + i + "|>").put("special", true);
        }
        root.putNull("normalizer");
        ObjectNode pre = root.putObject("pre_tokenizer").put("type", "Sequence");
        ArrayNode chain = pre.putArray("pretokenizers");
        ObjectNode split = chain.addObject().put("type", "Split");
        split.putObject("pattern").put("Regex", SPLIT);
        split.put("behavior", "Isolated").put("invert", false);
        chain.addObject().put("type", "ByteLevel").put("add_prefix_space", false);
        ObjectNode post = root.putObject("post_processor").put("type", "Sequence");
        ArrayNode processors = post.putArray("processors");
        processors.addObject().put("type", "ByteLevel");
        ObjectNode template = processors.addObject().put("type", "TemplateProcessing");
        ArrayNode single = template.putArray("single");
        single.addObject().putObject("SpecialToken").put("id", "<|reserved_0|>").put("type_id", 0);
        single.addObject().putObject("Sequence").put("id", "A").put("type_id", 0);
        single.addObject().putObject("SpecialToken").put("id", "<|reserved_1|>").put("type_id", 0);
        template.putObject("special_tokens");
        ObjectNode model = root.putObject("model").put("type", "BPE");
        model.putNull("dropout");
        ObjectNode entries = model.putObject("vocab");
        for (int i = 0; i < vocab; i++) {
            entries.put("t" + i, i);
        }
        ArrayNode mergeList = model.putArray("merges");
        for (int i = 0; i < merges; i++) {
            mergeList.addArray().add("t" + i).add("t" + (i + 1));
        }
        return root;
    }

    @Test
    void byteLevelBpeGivesCountsPatternsAndBoundaryTokens() throws IOException {
        TokenizerFacts facts = read(byteLevelBpe(1000, 4, 900));

        assertThat(facts.modelType()).isEqualTo("BPE");
        assertThat(facts.vocabCount()).isEqualTo(1000);
        assertThat(facts.tokenCount()).isEqualTo(1004);
        assertThat(facts.mergesCount()).isEqualTo(900);
        assertThat(facts.preTokenizers()).containsExactly("Sequence", "Split", "ByteLevel");
        assertThat(facts.prePatterns()).containsExactly(SPLIT);
        assertThat(facts.bos()).isEqualTo("<|reserved_0|>");
        assertThat(facts.eos()).isEqualTo("<|reserved_1|>");
        assertThat(facts.addedTokens()).hasSize(4);
    }

    @Test
    void unigramVocabularyIsAListAndBertProcessorsNameClsAndSep() throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.putArray("added_tokens").addObject().put("id", 3).put("content", "<unk>");
        root.putObject("pre_tokenizer").put("type", "Metaspace").put("replacement", "\u2581");
        ObjectNode post = root.putObject("post_processor").put("type", "RobertaProcessing");
        post.putArray("sep").add("</s>").add(2);
        post.putArray("cls").add("<s>").add(0);
        ObjectNode model = root.putObject("model").put("type", "Unigram").put("unk_id", 3);
        ArrayNode vocab = model.putArray("vocab");
        for (int i = 0; i < 250; i++) {
            vocab.addArray().add("p" + i).add(-1.5 * i);
        }

        TokenizerFacts facts = read(root);

        assertThat(facts.modelType()).isEqualTo("Unigram");
        assertThat(facts.vocabCount()).isEqualTo(250);
        assertThat(facts.tokenCount()).isEqualTo(250);
        assertThat(facts.mergesCount()).isZero();
        assertThat(facts.preTokenizers()).containsExactly("Metaspace");
        assertThat(facts.prePatterns()).isEmpty();
        assertThat(facts.bos()).isEqualTo("<s>");
        assertThat(facts.eos()).isEqualTo("</s>");
        assertThat(facts.content()).containsEntry("vocab_count", 250L).containsEntry("merges_count", 0L)
                .doesNotContainKey("pre_tokenizer_patterns");
    }

    @Test
    void countsMatchWhateverTheSizesAndTheKeyOrder() {
        RandomCases.check(60, gen -> List.of(gen.intBetween(0, 3000), gen.intBetween(0, 40), gen.intBetween(0, 500),
                gen.intBetween(0, 1)), sizes -> {
            ObjectNode root = byteLevelBpe(sizes.get(0), sizes.get(1), sizes.get(2));
            if (sizes.get(3) == 1) {
                // model first, added tokens last: the reader must not depend on the order the library writes
                ObjectNode reordered = JSON.createObjectNode();
                reordered.set("model", root.get("model"));
                reordered.set("added_tokens", root.get("added_tokens"));
                root = reordered;
            }
            TokenizerFacts facts = read(root);
            assertThat(facts.vocabCount()).isEqualTo(sizes.get(0).longValue());
            assertThat(facts.mergesCount()).isEqualTo(sizes.get(2).longValue());
            assertThat(facts.tokenCount()).isEqualTo((long) sizes.get(0) + sizes.get(1));
        });
    }

    @Test
    void aMalformedTailIsStillAnError() throws IOException {
        byte[] valid = JSON.writeValueAsBytes(byteLevelBpe(10, 1, 5));
        byte[] cut = java.util.Arrays.copyOf(valid, valid.length - 3);

        assertThatThrownBy(() -> TokenizerJson.read(new ArrayByteSource(cut), Deadline.after(Duration.ofMinutes(1))))
                .isInstanceOf(IOException.class);
    }

    @Test
    void hostileShapesStayBoundedAndDoNotLoseTheFieldsAfterThem() throws IOException {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode post = root.putObject("post_processor").put("type", "TemplateProcessing");
        ArrayNode single = post.putArray("single");
        single.add("not a piece").add(7).addArray().add("x");
        single.addObject().putObject("SpecialToken").putArray("id").add("<not a string>");
        single.addObject().put("SpecialToken", "scalar");
        single.addObject().putObject("SpecialToken").put("id", "<bos>");
        post.putArray("sep").addObject().put("nested", "<sep>");
        ObjectNode pre = root.putObject("pre_tokenizer").put("type", "Sequence");
        ArrayNode chain = pre.putArray("pretokenizers");
        for (int i = 0; i < 1000; i++) {
            ObjectNode split = chain.addObject().put("type", "Split");
            split.putObject("pattern").put("Regex", "p" + i);
        }
        ObjectNode model = root.putObject("model").put("type", "BPE");
        model.put("vocab", "not a vocabulary");
        model.putObject("merges").put("a", "b");
        root.putArray("added_tokens").addObject().put("id", "1").put("content", "<after>");

        TokenizerFacts facts = read(root);

        assertThat(facts.bos()).isEqualTo("<bos>");
        assertThat(facts.eos()).isNull();
        assertThat(facts.preTokenizers()).hasSize(TokenizerFacts.MAX_PRE_TOKENIZERS);
        assertThat(facts.prePatterns()).hasSize(TokenizerFacts.MAX_PRE_TOKENIZERS);
        assertThat(facts.vocabCount()).isZero();
        assertThat(facts.mergesCount()).isZero();
        assertThat(facts.addedTokens()).containsExactly("<after>");
        assertThat(facts.tokenCount()).isZero();
    }

    @Test
    void aVocabularyOfAMillionEntriesIsCountedNotKept() throws IOException {
        StringBuilder doc = new StringBuilder("{\"model\": {\"type\": \"WordLevel\", \"vocab\": {");
        for (int i = 0; i < 1_000_000; i++) {
            doc.append(i == 0 ? "" : ",").append("\"w").append(i).append("\":").append(i);
        }
        doc.append("}}}");

        TokenizerFacts facts = TokenizerJson.read(new ArrayByteSource(doc.toString().getBytes(
                java.nio.charset.StandardCharsets.UTF_8)), Deadline.after(Duration.ofMinutes(1)));

        assertThat(facts.vocabCount()).isEqualTo(1_000_000L);
        assertThat(facts.tokenCount()).isEqualTo(1_000_000L);
        assertThat(facts.content().toString()).hasSizeLessThan(200);
    }
}
