package io.modelgate.scanner.template;

import java.util.List;

/**
 * Python's {@code %} string formatting for the conversions obfuscation uses ({@code %s %c %d %r
 * %%}); Jinja's {@code format} filter is this operator. Anything else gives "not constant".
 */
final class PercentFormat {

    private PercentFormat() {
    }

    static String format(String pattern, List<?> args) {
        StringBuilder out = new StringBuilder();
        int next = 0;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (++i >= pattern.length()) {
                return null;
            }
            char conv = pattern.charAt(i);
            if (conv == '%') {
                out.append('%');
                continue;
            }
            if (next >= args.size()) {
                return null;
            }
            Object arg = args.get(next++);
            switch (conv) {
                case 's', 'r' -> out.append(ConstantFolder.text(arg));
                case 'd', 'i' -> {
                    if (!(arg instanceof Long)) {
                        return null;
                    }
                    out.append(arg);
                }
                case 'c' -> {
                    if (arg instanceof Long cp && cp >= 0 && cp <= Character.MAX_CODE_POINT) {
                        out.appendCodePoint(cp.intValue());
                    } else if (arg instanceof String s && s.length() == 1) {
                        out.append(s);
                    } else {
                        return null;
                    }
                }
                default -> {
                    return null;
                }
            }
            if (out.length() > ConstantFolder.MAX_LENGTH) {
                return null;
            }
        }
        return out.toString();
    }
}
