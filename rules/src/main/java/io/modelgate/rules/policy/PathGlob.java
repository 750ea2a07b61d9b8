package io.modelgate.rules.policy;

import java.util.regex.Pattern;

/**
 * A path pattern: {@code **} matches any number of folders, {@code *} any characters within one folder name,
 * {@code ?} one character. Archive entries count as folders of their archive: {@code a.zip!x/y.pkl} is matched
 * as {@code a.zip/x/y.pkl}.
 */
public final class PathGlob {

    private final String text;
    private final Pattern pattern;

    private PathGlob(String text, Pattern pattern) {
        this.text = text;
        this.pattern = pattern;
    }

    public static PathGlob compile(String glob) {
        if (glob.isBlank()) {
            throw new IllegalArgumentException("an empty path pattern matches nothing; use ** for every path");
        }
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                boolean slash = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                regex.append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 3 : 2;
                continue;
            }
            if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else if (c == '[' || c == ']' || c == '{' || c == '}') {
                throw new IllegalArgumentException("'" + c + "' is not supported in path patterns (use *, ** and ?)");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
            i++;
        }
        return new PathGlob(glob, Pattern.compile(regex.toString()));
    }

    public boolean matches(String path) {
        if (path == null) {
            return false;
        }
        String normal = path.replace('\\', '/').replace('!', '/');
        while (normal.startsWith("./")) {
            normal = normal.substring(2);
        }
        return pattern.matcher(normal).matches();
    }

    @Override
    public String toString() {
        return text;
    }
}
