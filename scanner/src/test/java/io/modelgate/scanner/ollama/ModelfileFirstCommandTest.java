package io.modelgate.scanner.ollama;

import io.modelgate.testkit.Gen;
import io.modelgate.testkit.RandomCases;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The detector's quick look at the first command agrees with the parser on generated texts. */
class ModelfileFirstCommandTest {

    private static final String[] LINES = {"FROM llama3", "from x import y", "From\tmodel.gguf", "FROM", "FROMx a",
        "  # a comment", "#FROM x", "", "   ", "\r", "\t", "PARAMETER temperature 1", "SYSTEM \"\"\"", "\"\"\"",
        "import os", "{\"a\": 1}", "\u00a0FROM x", "\u2003from y", "ＦＲＯＭ x", "FROM\u2003x"};

    @Test
    void firstCommandIsFromAsTheParserReadsIt() {
        RandomCases.check(3_000, ModelfileFirstCommandTest::text, text -> {
            boolean quick = Modelfile.firstCommandIsFrom(text);
            assertThat(quick).as("reference").isEqualTo(referenceFirstCommandIsFrom(text));
            try {
                Modelfile parsed = Modelfile.parse(text);
                assertThat(quick).as("parsed").isEqualTo(!parsed.instructions().isEmpty()
                        && parsed.instructions().get(0).command().equals("FROM"));
            } catch (Modelfile.ParseException e) {
                // the detector's other path also needs FROM first
            }
        });
    }

    private static String text(Gen gen) {
        StringBuilder out = new StringBuilder();
        for (String line : gen.list(6, () -> gen.oneOf(() -> gen.of(LINES), () -> gen.string(12)))) {
            out.append(line).append(gen.of("\n", "\r\n", "\n\n"));
        }
        return gen.bool() ? out.toString() : out.toString().strip();
    }

    /** The first instruction as Modelfile.parse finds it, lines split as it splits them. */
    private static boolean referenceFirstCommandIsFrom(String text) {
        for (String raw : text.split("\r?\n", -1)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int end = 0;
            while (end < line.length() && !Character.isWhitespace(line.charAt(end))) {
                end++;
            }
            return line.substring(0, end).toUpperCase(Locale.ROOT).equals("FROM");
        }
        return false;
    }
}
