package io.modelgate.scanner.metadata;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises code, templates and URLs in free-text metadata values. Patterns need real syntax
 * (an import statement, a call to a process API, a pipe into a shell, a closed Jinja block), so
 * prose that merely mentions Python or shells does not trigger. All quantifiers are bounded.
 */
public final class TextSignals {

    private static final List<Pattern> CODE = List.of(
            Pattern.compile("(?m)^[ \\t]{0,16}(?:import[ \\t]{1,8}[A-Za-z_][\\w.]{0,64}|from[ \\t]{1,8}[A-Za-z_][\\w.]{0,64}[ \\t]{1,8}import[ \\t])"),
            Pattern.compile("__import__\\s{0,4}\\("),
            Pattern.compile("\\b(?:exec|eval)\\s{0,4}\\(\\s{0,4}[\"'A-Za-z_(]"),
            Pattern.compile("\\bos\\.(?:system|popen|exec[lv]p?e?|spawn[lv]p?e?)\\s{0,4}\\("),
            Pattern.compile("\\bsubprocess\\.(?:run|call|Popen|check_output|check_call|getoutput)\\s{0,4}\\("),
            Pattern.compile("\\b(?:pickle|marshal)\\.loads?\\s{0,4}\\("),
            Pattern.compile("\\b(?:curl|wget)\\s[^\\n|]{1,300}\\|\\s{0,4}(?:sudo\\s{1,4})?(?:ba|z|da)?sh\\b"),
            Pattern.compile("\\b(?:ba|z|da)?sh\\s{1,4}-c\\s{1,4}[\"']"),
            Pattern.compile("/bin/(?:ba|z|da)?sh\\b"),
            Pattern.compile("\\brm\\s{1,4}-(?:rf|fr)\\s{1,4}[/~$]"),
            Pattern.compile("\\bchmod\\s{1,4}(?:\\+x|[0-7]?7[0-7]{2})\\s"),
            Pattern.compile("(?i)\\bpowershell(?:\\.exe)?\\s{1,4}-(?:e|enc|encodedcommand|c|command|nop)\\b"),
            Pattern.compile("\\bbase64\\s{1,4}(?:-d|--decode)\\b"),
            Pattern.compile("\\bnc(?:at)?\\s{1,4}(?:-[a-z]{1,4}\\s{1,4}){0,3}-e\\s"),
            Pattern.compile("\\$\\((?:curl|wget)\\s"));
    private static final List<Pattern> TEMPLATE = List.of(
            Pattern.compile("\\{%-?\\s{0,8}[a-z]{2,12}\\b[^%]{0,400}%\\}"),
            Pattern.compile("\\{\\{-?\\s{0,8}[A-Za-z_][^{}]{0,400}\\}\\}"));
    private static final Pattern URL = Pattern.compile("\\b(?:https?|ftp|s3|gs|hf)://[^\\s\"'<>]{3,2000}");
    private static final int EVIDENCE_CHARS = 80;

    private TextSignals() {
    }

    /** The signals found in {@code text}, each with a short excerpt of the first match as evidence. */
    public static Map<TextSignal, String> inspect(CharSequence text) {
        Map<TextSignal, String> found = new EnumMap<>(TextSignal.class);
        firstMatch(text, CODE).ifPresent(e -> found.put(TextSignal.CODE, e));
        firstMatch(text, TEMPLATE).ifPresent(e -> found.put(TextSignal.TEMPLATE, e));
        firstMatch(text, List.of(URL)).ifPresent(e -> found.put(TextSignal.URL, e));
        return found;
    }

    private static java.util.Optional<String> firstMatch(CharSequence text, List<Pattern> patterns) {
        for (Pattern p : patterns) {
            Matcher m = p.matcher(text);
            if (m.find()) {
                return java.util.Optional.of(excerpt(m.group()));
            }
        }
        return java.util.Optional.empty();
    }

    static String excerpt(String s) {
        String flat = s.strip().replaceAll("\\s+", " ");
        return flat.length() <= EVIDENCE_CHARS ? flat : flat.substring(0, EVIDENCE_CHARS) + "…";
    }
}
