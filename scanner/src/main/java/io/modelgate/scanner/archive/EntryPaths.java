package io.modelgate.scanner.archive;

import io.modelgate.scanner.model.Rule;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Judges entry names and link targets the way an extractor on any OS could interpret them: both '/' and
 * '\' separate segments, and drive letters or UNC prefixes make a path absolute.
 */
public final class EntryPaths {

    /** A problem with a name: the rule it breaks and why. */
    public record Problem(Rule rule, String reason) {
    }

    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*", Pattern.DOTALL);
    private static final Pattern SEPARATORS = Pattern.compile("[/\\\\]+");

    private EntryPaths() {
    }

    /** The one top-level folder every entry name lives in, with its trailing '/', if there is one. */
    public static Optional<String> topFolder(List<String> names) {
        String prefix = null;
        for (String name : names) {
            int slash = name.indexOf('/');
            if (slash <= 0) {
                return Optional.empty();
            }
            String top = name.substring(0, slash + 1);
            if (prefix == null) {
                prefix = top;
            } else if (!prefix.equals(top)) {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(prefix);
    }

    /** Checks an entry name. */
    public static Optional<Problem> checkName(String name) {
        if (name.indexOf('\0') >= 0) {
            return problem(ArchiveRules.ABSOLUTE_PATH, "entry name contains a NUL byte");
        }
        if (isAbsolute(name)) {
            return problem(ArchiveRules.ABSOLUTE_PATH, "entry name is an absolute path");
        }
        if (climbsAboveRoot("", name)) {
            return problem(ArchiveRules.PATH_TRAVERSAL, "entry name climbs above the archive root with '..'");
        }
        return Optional.empty();
    }

    /**
     * Checks a link target. Symbolic links resolve against the entry's directory, hard links against the
     * archive root.
     */
    public static Optional<Problem> checkLink(String entryName, String target, boolean symbolic) {
        if (target.isEmpty()) {
            return Optional.empty();
        }
        if (target.indexOf('\0') >= 0 || isAbsolute(target)) {
            return problem(ArchiveRules.LINK_ESCAPE, "link target '" + target + "' is an absolute path");
        }
        String base = symbolic ? parentOf(entryName) : "";
        if (climbsAboveRoot(base, target)) {
            return problem(ArchiveRules.LINK_ESCAPE, "link target '" + target + "' resolves outside the archive");
        }
        return Optional.empty();
    }

    static boolean isAbsolute(String path) {
        return path.startsWith("/") || path.startsWith("\\") || DRIVE.matcher(path).matches();
    }

    /** Walks {@code base} then {@code path} segment by segment; true when '..' goes above the root. */
    private static boolean climbsAboveRoot(String base, String path) {
        int depth = 0;
        for (String part : (base + "/" + path).split(SEPARATORS.pattern())) {
            if (part.equals("..")) {
                depth--;
                if (depth < 0) {
                    return true;
                }
            } else if (!part.isEmpty() && !part.equals(".")) {
                depth++;
            }
        }
        return false;
    }

    private static String parentOf(String name) {
        String trimmed = name.replaceAll("[/\\\\]+$", "");
        int cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
        return cut < 0 ? "" : trimmed.substring(0, cut);
    }

    private static Optional<Problem> problem(Rule rule, String reason) {
        return Optional.of(new Problem(rule, reason));
    }
}
