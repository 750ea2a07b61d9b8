package io.modelgate.scanner.hf;

import io.modelgate.scanner.facts.ModelCardFact.CardUses;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The use and limitation sections of a model card, as the Hugging Face card template and common hand-written
 * cards head them ("Direct Use", "Intended uses & limitations", "Out-of-Scope Use", "Bias, Risks, and
 * Limitations", ...). The most specific heading wins: a "Uses" section is taken only when it has no "Direct Use".
 */
public final class CardUseSections {

    /** An AI-SBOM quotes the card; it does not carry it whole. */
    static final int MAX_EXCERPT_CHARS = 2_000;
    private static final int MAX_SECTION_CHARS = 16_000;
    private static final String NUMBER = "(?:\\d+(?:\\.\\d+)*[.)]?\\s*)?";
    private static final List<Pattern> INTENDED = titles(
            "direct\\s+uses?", "intended\\s+uses?(?:\\s*(?:&|and)\\s*limitations)?", "intended\\s+use\\s+cases?",
            "use\\s+cases?", "uses");
    private static final List<Pattern> OUT_OF_SCOPE = titles(
            "out[-\\s]of[-\\s]scope\\s+uses?", "(?:misuse|misuses)(?:,)?\\s+(?:and\\s+)?out[-\\s]of[-\\s]scope\\s+uses?",
            "prohibited\\s+uses?");
    private static final List<Pattern> LIMITATIONS = titles(
            "limitations", "known\\s+limitations", "limitations\\s+and\\s+(?:bias|biases)",
            "technical\\s+limitations", "bias,?\\s+risks,?\\s+and\\s+limitations");
    private static final List<Pattern> RISKS = titles(
            "bias,?\\s+risks,?\\s+and\\s+limitations", "risks", "risks\\s+and\\s+limitations",
            "ethical\\s+considerations(?:\\s+and\\s+limitations)?", "bias(?:es)?", "safety");
    /** What the card template leaves in a section nobody filled in. */
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "(?i)\\[?\\s*(?:more\\s+information\\s+needed|needs\\s+more\\s+information|tbd|todo|n/?a|coming\\s+soon)"
                    + "\\s*\\]?\\.?");

    private CardUseSections() {
    }

    static CardUses of(MarkdownSections sections) {
        return new CardUses(excerpt(sections, INTENDED), excerpt(sections, OUT_OF_SCOPE),
                excerpt(sections, LIMITATIONS), excerpt(sections, RISKS));
    }

    private static List<Pattern> titles(String... names) {
        return java.util.Arrays.stream(names)
                .map(name -> Pattern.compile("(?i)^" + NUMBER + "(?:model\\s+)?" + name + "[:.]?$"))
                .toList();
    }

    private static String excerpt(MarkdownSections sections, List<Pattern> titles) {
        for (Pattern title : titles) {
            Optional<String> text = sections.first(title, MAX_SECTION_CHARS)
                    .map(s -> PlainProse.of(s.body(), MAX_EXCERPT_CHARS))
                    .filter(t -> !t.isBlank() && !PLACEHOLDER.matcher(t).matches());
            if (text.isPresent()) {
                return text.get();
            }
        }
        return null;
    }
}
