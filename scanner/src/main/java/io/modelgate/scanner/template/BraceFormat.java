package io.modelgate.scanner.template;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python's {@code str.format} for plain positional fields ({@code {}}, {@code {0}}) and
 * {@code {{ }}} escapes; fields with attributes, keys or specs give "not constant".
 */
final class BraceFormat {

    private static final Pattern FIELD = Pattern.compile("\\{\\{|}}|\\{(\\d*)}|[{}]");

    private BraceFormat() {
    }

    static String format(String pattern, List<?> args) {
        Matcher m = FIELD.matcher(pattern);
        StringBuilder out = new StringBuilder();
        int auto = 0;
        int last = 0;
        while (m.find()) {
            out.append(pattern, last, m.start());
            last = m.end();
            String token = m.group();
            if (token.equals("{{") || token.equals("}}")) {
                out.append(token.charAt(0));
                continue;
            }
            if (m.group(1) == null) {
                return null;
            }
            int index = m.group(1).isEmpty() ? auto++ : parseIndex(m.group(1));
            if (index < 0 || index >= args.size()) {
                return null;
            }
            out.append(ConstantFolder.text(args.get(index)));
            if (out.length() > ConstantFolder.MAX_LENGTH) {
                return null;
            }
        }
        out.append(pattern.substring(last));
        return out.toString();
    }

    private static int parseIndex(String digits) {
        return digits.length() > 4 ? -1 : Integer.parseInt(digits);
    }
}
