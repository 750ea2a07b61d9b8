package io.modelgate.scanner.template;

import io.modelgate.testkit.Gen;
import io.modelgate.testkit.RandomCases;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The template lexer, parser and checker on hostile input: any string either parses and is checked, or is
 * rejected with one of the two template exceptions; nothing else escapes, and output stays bounded.
 * The seed is fixed so CI is repeatable; {@code -Dmodelgate.cases=100000} runs a longer campaign.
 */
class TemplateParserPropertiesTest {

    private static final int MAX_CHARS = 4096;

    private static final int CASES = 200;
    private static final String[] PIECES = {"{{", "}}", "{%", "%}", "{#", "#}", "{%-", "-%}", " set ", " if ",
        " for ", " in ", " endset ", " endif ", " endfor ", " raw ", " endraw ", " macro ", " call ",
        "x", "y", "'__'", "'cla'", "\"ss\"", "~", "+", "*", "%", "|", "attr", "join", "format", "replace",
        "reverse", "(", ")", "[", "]", "{", "}", ",", ".", "=", ":", "'\\x5f'", "'\\N{LOW LINE}'",
        "'\\N{", "'\\u00", "__class__", "lipsum", "namespace(", "1", "-", "\n", " ", "\"", "'"};

    @Test
    void anyTextIsParsedOrRejectedCleanly() {
        RandomCases.check(CASES, gen -> gen.string(MAX_CHARS), TemplateParserPropertiesTest::assertHandled);
    }

    @Test
    void jinjaLikeFragmentsAreParsedOrRejectedCleanly() {
        RandomCases.check(CASES, TemplateParserPropertiesTest::fragments, TemplateParserPropertiesTest::assertHandled);
    }

    @Test
    void deepConcatenationsInBlockSetsStayBounded() {
        RandomCases.check(CASES, TemplateParserPropertiesTest::blockSet, TemplateParserPropertiesTest::assertHandled);
    }

    /** Up to 200 pieces of Jinja syntax and escapes, in any order. */
    private static String fragments(Gen gen) {
        return String.join("", gen.list(200, () -> gen.of(PIECES)));
    }

    private static String blockSet(Gen gen) {
        return "{% set a %}" + "x{{ b }}".repeat(gen.intBetween(1, 3000)) + "{% endset %}{{ c|attr(a) }}";
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
