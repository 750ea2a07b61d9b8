package io.modelgate.provenance.identity;

import io.modelgate.provenance.kb.FamilyDef;
import io.modelgate.provenance.kb.KnowledgeBaseLoader;
import io.modelgate.testkit.RandomCases;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class LiteralHintTest {

    @Test
    void theHintIsTheLiteralEveryMatchContains() {
        assertThat(LiteralHint.of("deepseek-coder(?!-v)")).contains("deepseek-coder");
        assertThat(LiteralHint.of("qwen1\\.5")).contains("qwen1.5");
        assertThat(LiteralHint.of("\\bphi-?[1-4]")).contains("phi");
        assertThat(LiteralHint.of("llama[-_ ]?3")).contains("llama");
        assertThat(LiteralHint.of("Mixtral")).contains("mixtral");
        assertThat(LiteralHint.of("ab+c")).contains("ab");
        assertThat(LiteralHint.of("abc{0,1}")).contains("ab");
    }

    @Test
    void whatItCannotReadGivesNoHint() {
        assertThat(LiteralHint.of("qwen|llama")).isEmpty();
        assertThat(LiteralHint.of("(?:qwen|llama)")).isEmpty();
        assertThat(LiteralHint.of("(?i)qwen")).isEmpty();
        assertThat(LiteralHint.of("e?")).isEmpty();
        assertThat(LiteralHint.of(".*qwen")).isEmpty();
    }

    /** With or without hints, a name matches the same patterns: the hints only ever skip hopeless searches. */
    @Test
    void hintsNeverChangeWhichPatternsMatch() {
        List<String> patterns = new ArrayList<>();
        for (FamilyDef family : KnowledgeBaseLoader.builtIn().families()) {
            patterns.addAll(family.namePatterns());
            family.generations().forEach(g -> patterns.addAll(g.namePatterns()));
        }
        List<String> pieces = patterns.stream()
                .flatMap(p -> Stream.of(p.replaceAll("[^A-Za-z0-9.-]", ""), p.replaceAll("\\\\", "")))
                .toList();
        RandomCases.check(3000, gen -> {
            StringBuilder name = new StringBuilder();
            for (int i = gen.intBetween(1, 4); i > 0; i--) {
                String piece = gen.of(pieces);
                name.append(gen.bool() ? piece.toUpperCase() : piece).append(gen.of("-", "_", "", " ", "/", "x"))
                        .append(gen.string(3, "0123456789.bBkK-"));
            }
            return name.toString();
        }, name -> {
            for (String pattern : patterns) {
                boolean plain = Pattern.compile("(?<![\\p{L}])(?:" + pattern + ")(?:(?![\\p{L}])|(?<=[^\\p{L}]))",
                        Pattern.CASE_INSENSITIVE).matcher(name).find();
                assertThat(NameResolver.matchesAny(List.of(pattern), name)).as(pattern + " on " + name)
                        .isEqualTo(plain);
            }
        });
    }
}
