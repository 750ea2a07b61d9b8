package io.modelgate.scanner.template;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The template lexer, parser and checker on hostile input: any string either parses and is checked, or is
 * rejected with one of the two template exceptions; nothing else escapes, and output stays bounded.
 * The seed is fixed so CI is repeatable; {@code -Djqwik.tries.default=100000} runs a longer campaign.
 */
class TemplateParserProperties {

    private static final int MAX_CHARS = 4096;

    @Property(seed = "20261202")
    void anyTextIsParsedOrRejectedCleanly(@ForAll @StringLength(max = MAX_CHARS) String text) {
        assertHandled(text);
    }

    @Property(seed = "20261202")
    void jinjaLikeFragmentsAreParsedOrRejectedCleanly(@ForAll("fragments") String text) {
        assertHandled(text);
    }

    @Property(seed = "20261202")
    void deepConcatenationsInBlockSetsStayBounded(@ForAll("blockSets") String text) {
        assertHandled(text);
    }

    @Provide
    Arbitrary<String> fragments() {
        Arbitrary<String> piece = Arbitraries.of("{{", "}}", "{%", "%}", "{#", "#}", "{%-", "-%}", " set ", " if ",
                " for ", " in ", " endset ", " endif ", " endfor ", " raw ", " endraw ", " macro ", " call ",
                "x", "y", "'__'", "'cla'", "\"ss\"", "~", "+", "*", "%", "|", "attr", "join", "format", "replace",
                "reverse", "(", ")", "[", "]", "{", "}", ",", ".", "=", ":", "'\\x5f'", "'\\N{LOW LINE}'",
                "'\\N{", "'\\u00", "__class__", "lipsum", "namespace(", "1", "-", "\n", " ", "\"", "'");
        return piece.list().ofMaxSize(200).map(p -> String.join("", p));
    }

    @Provide
    Arbitrary<String> blockSets() {
        return Arbitraries.integers().between(1, 3000).map(n -> "{% set a %}" + "x{{ b }}".repeat(n)
                + "{% endset %}{{ c|attr(a) }}");
    }

    private static void assertHandled(String text) {
        try {
            List<TemplateToken> tokens = TemplateLexer.tokenize(text, ChatTemplateInspector.MAX_TOKENS,
                    ChatTemplateInspector.MAX_EXPRESSION_DEPTH);
            assertThat(tokens.size()).isLessThanOrEqualTo(ChatTemplateInspector.MAX_TOKENS + 1);
            ParsedTemplate parsed = TemplateParser.parse(tokens, ChatTemplateInspector.MAX_EXPRESSION_DEPTH,
                    ChatTemplateInspector.MAX_BLOCK_DEPTH);
            List<TemplateIssue> issues = TemplateChecker.check(parsed, true);
            assertThat(issues.size()).isLessThanOrEqualTo(tokens.size() * 4 + 4);
        } catch (TemplateSyntaxException | TemplateLimitException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }
}
