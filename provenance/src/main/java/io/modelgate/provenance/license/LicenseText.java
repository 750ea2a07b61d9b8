package io.modelgate.provenance.license;

import java.util.Locale;

/**
 * Normalisation of license texts and phrases before matching: lower case, every run of characters other than
 * letters and digits becomes one space, except a dot inside a version number ("3.1"). Line breaks, bullet
 * styles, quotes and punctuation therefore do not matter.
 */
public final class LicenseText {

    private LicenseText() {
    }

    public static String normalize(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        boolean space = true;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            boolean keep = Character.isLetterOrDigit(c)
                    || (c == '.' && i > 0 && i + 1 < lower.length()
                    && Character.isDigit(lower.charAt(i - 1)) && Character.isDigit(lower.charAt(i + 1)));
            if (keep) {
                out.append(c);
                space = false;
            } else if (!space) {
                out.append(' ');
                space = true;
            }
        }
        int end = out.length();
        if (end > 0 && out.charAt(end - 1) == ' ') {
            out.setLength(end - 1);
        }
        return out.toString();
    }
}
