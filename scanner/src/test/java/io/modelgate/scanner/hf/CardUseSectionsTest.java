package io.modelgate.scanner.hf;

import io.modelgate.scanner.facts.ModelCardFact.CardUses;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CardUseSectionsTest {

    /** The shape of the Hugging Face card template, part filled in as real cards are. */
    private static final String TEMPLATE_CARD = """
            # Model Card for tiny-chat

            ## Uses

            <!-- Address questions around how the model is intended to be used. -->

            ### Direct Use

            Chat assistants for **customer support**, see [the guide](https://example.org/guide).

            ### Downstream Use [optional]

            [More Information Needed]

            ### Out-of-Scope Use

            [More Information Needed]

            ## Bias, Risks, and Limitations

            - May produce *incorrect* answers.
            - Not evaluated on medical text.

            ```python
            print("code is not prose")
            ```

            ## How to Get Started with the Model
            """;

    @Test
    void takesTheMostSpecificFilledSectionsAndDropsMarkupAndPlaceholders() {
        CardUses uses = CardBody.read(TEMPLATE_CARD).uses();
        assertThat(uses.intendedUse()).isEqualTo("Chat assistants for customer support, see the guide.");
        assertThat(uses.outOfScopeUse()).isNull();
        assertThat(uses.limitations()).isEqualTo("May produce incorrect answers. Not evaluated on medical text.");
        assertThat(uses.risks()).isEqualTo(uses.limitations());
    }

    @Test
    void handWrittenHeadingsAreRecognised() {
        CardUses uses = CardBody.read("""
                # model
                ## Intended uses & limitations
                Use it for English sentiment analysis.
                ## Limitations
                Short texts only.
                ## Ethical considerations
                Trained on reviews that carry the biases of their writers.
                ## 4. Out of scope uses
                Legal advice.
                """).uses();
        assertThat(uses.intendedUse()).isEqualTo("Use it for English sentiment analysis.");
        assertThat(uses.limitations()).isEqualTo("Short texts only.");
        assertThat(uses.risks()).isEqualTo("Trained on reviews that carry the biases of their writers.");
        assertThat(uses.outOfScopeUse()).isEqualTo("Legal advice.");
    }

    @Test
    void aCardWithoutSuchSectionsHasNone() {
        assertThat(CardBody.read("# model\n\nweights for a classifier\n## Training\nthree epochs\n").uses().isEmpty())
                .isTrue();
    }

    @Test
    void aLongSectionIsCutAtAWordToTheBound() {
        String card = "## Limitations\n" + "word ".repeat(5_000) + "\n";
        String limitations = CardBody.read(card).uses().limitations();
        assertThat(limitations).hasSizeLessThanOrEqualTo(CardUseSections.MAX_EXCERPT_CHARS).endsWith("word…");
    }
}
