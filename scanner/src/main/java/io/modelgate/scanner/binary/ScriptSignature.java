package io.modelgate.scanner.binary;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A "#!" line naming an absolute interpreter path, the way the kernel runs a script. */
public final class ScriptSignature {

    private static final Pattern SHEBANG = Pattern.compile("#![ \\t]{0,8}(/[\\w./+-]{1,200})(?:[ \\t]{1,8}([\\w.+-]{1,64}))?[^\\n]{0,200}(?:\\r?\\n|$)");

    private ScriptSignature() {
    }

    /** The interpreter a script names (for {@code /usr/bin/env X}: X), or empty when not a script. */
    public static Optional<String> interpreter(byte[] head) {
        if (head.length < 3 || head[0] != '#' || head[1] != '!') {
            return Optional.empty();
        }
        int end = 0;
        while (end < head.length && end < 512 && head[end] != '\n') {
            end++;
        }
        Matcher m = SHEBANG.matcher(new String(head, 0, Math.min(head.length, end + 1), StandardCharsets.UTF_8));
        if (!m.lookingAt()) {
            return Optional.empty();
        }
        String path = m.group(1);
        String program = path.substring(path.lastIndexOf('/') + 1);
        return Optional.of(program.equals("env") && m.group(2) != null ? m.group(2) : program);
    }
}
