package io.modelgate.scanner.ollama;

import io.modelgate.scanner.detect.Detection;
import io.modelgate.scanner.detect.FormatDetector;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.text.TextDetector;
import io.modelgate.scanner.text.Utf8Text;

import java.util.Locale;
import java.util.Optional;

/**
 * A Modelfile from its text: the first instruction is FROM, and every line of the head outside quoted
 * arguments is a Modelfile command or a comment. (A Dockerfile also starts with FROM, but its RUN, COPY or
 * ENV lines are not Modelfile commands.) Without the Modelfile name, commands must be written in capitals.
 */
public final class ModelfileDetector implements FormatDetector {

    private static boolean named(String name) {
        return name.endsWith("Modelfile") || name.toLowerCase(Locale.ROOT).endsWith(".modelfile");
    }

    private static boolean startsWithFrom(String text) {
        return Modelfile.firstInstruction(text).map(line -> line.regionMatches(true, 0, "FROM ", 0, 5)
                || line.regionMatches(true, 0, "FROM\t", 0, 5)).orElse(false);
    }

    @Override
    public Optional<Detection> detect(ByteSource source, byte[] head, String name) {
        boolean truncated = source.size() > head.length;
        if (head.length < 6 || !TextDetector.isText(head, !truncated)) {
            return Optional.empty();
        }
        String text = Utf8Text.headText(head);
        if (truncated) {
            int lastLine = text.lastIndexOf('\n');
            text = lastLine < 0 ? text : text.substring(0, lastLine);
        }
        if (!Modelfile.firstCommandIsFrom(text)) {
            return Optional.empty();   // neither path below claims a text whose first command is not FROM
        }
        try {
            Modelfile parsed = Modelfile.parse(text);
            boolean startsWithFrom = !parsed.instructions().isEmpty()
                    && parsed.instructions().get(0).command().equals("FROM");
            // Ollama reads commands in any case, but without the name only capitals count: Python files made of
            // 'from x import y' lines would parse too
            boolean capitals = named(name) || parsed.instructions().stream().allMatch(Modelfile.Instruction::capitals);
            return startsWithFrom && capitals ? Optional.of(new Detection(ModelFormat.OLLAMA_MODELFILE, "Ollama Modelfile instructions"))
                    : Optional.empty();
        } catch (Modelfile.ParseException e) {
            // under the Modelfile name, a text starting with FROM is one (the analyser says why it does not parse)
            return named(name) && startsWithFrom(text)
                    ? Optional.of(new Detection(ModelFormat.OLLAMA_MODELFILE, "Ollama Modelfile name, FROM first"))
                    : Optional.empty();
        }
    }
}
