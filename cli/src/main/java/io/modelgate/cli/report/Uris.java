package io.modelgate.cli.report;

import java.nio.charset.StandardCharsets;

/** Paths as SARIF URI references: relative paths stay relative to the source root, bytes are percent-encoded. */
final class Uris {

    static final String SOURCE_ROOT = "%SRCROOT%";

    private Uris() {
    }

    static boolean isAbsolute(String path) {
        return path.startsWith("/");
    }

    static String of(String path) {
        String encoded = encode(path, true);
        return isAbsolute(path) ? "file://" + encoded : encoded;
    }

    /** An archive member name: a relative reference under its parent artifact ('/' kept, a leading one dropped). */
    static String ofMember(String entryName) {
        String name = entryName;
        while (name.startsWith("/")) {
            name = name.substring(1);
        }
        return encode(name, true); // ':' is encoded, so a member never reads as a scheme
    }

    private static String encode(String text, boolean keepSlash) {
        StringBuilder out = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || (keepSlash && c == '/');
            if (unreserved) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return out.toString();
    }
}
