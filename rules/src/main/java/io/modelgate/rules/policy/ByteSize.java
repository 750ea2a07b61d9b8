package io.modelgate.rules.policy;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Byte sizes written as {@code 1048576}, {@code 500M}, {@code 200G} (binary units, optional {@code B}/{@code iB}). */
public final class ByteSize {

    private static final Pattern FORM = Pattern.compile("(\\d{1,15})\\s*([kmgt]i?b?|b)?");

    private ByteSize() {
    }

    public static long parse(String text) {
        Matcher m = FORM.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size (examples: 500M, 200G)");
        }
        long amount = Long.parseLong(m.group(1));
        int shift = switch (m.group(2) == null ? 'b' : m.group(2).charAt(0)) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            case 't' -> 40;
            default -> 0;
        };
        if (amount > (Long.MAX_VALUE >> shift)) {
            throw new IllegalArgumentException("size '" + text + "' is too large");
        }
        return amount << shift;
    }
}
