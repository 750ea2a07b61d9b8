package io.modelgate.scanner.config;

import java.util.regex.Pattern;

/** Where a path a loader follows leads: inside the model, out of it, or to another host. */
final class ConfigPaths {

    enum Reach { INSIDE, LEAVES, REMOTE }

    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*", Pattern.DOTALL);
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:[\\\\/].*", Pattern.DOTALL);

    private ConfigPaths() {
    }

    static Reach of(String value) {
        String path = value.strip();
        if (SCHEME.matcher(path).matches()) {
            return path.regionMatches(true, 0, "file:", 0, 5) ? Reach.LEAVES : Reach.REMOTE;
        }
        if (path.startsWith("/") || path.startsWith("\\") || path.startsWith("~") || DRIVE.matcher(path).matches()) {
            return Reach.LEAVES;
        }
        for (String segment : path.split("[/\\\\]")) {
            if (segment.equals("..")) {
                return Reach.LEAVES;
            }
        }
        return Reach.INSIDE;
    }

    static String describe(Reach reach) {
        return reach == Reach.REMOTE ? "a URL: the file is downloaded at load time"
                : "a path outside the model folder (absolute or climbing out with '..')";
    }
}
