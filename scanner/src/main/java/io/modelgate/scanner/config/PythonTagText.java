package io.modelgate.scanner.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python tags found in raw text, for YAML this reader cannot parse: PyYAML may accept what it refuses, and a tag
 * that runs code must be reported whether or not the rest of the file reads. Handles {@code !!python/},
 * verbatim {@code !<tag:yaml.org,2002:python/...>} and {@code %TAG} handles bound to the Python or core prefix.
 */
final class PythonTagText {

    private static final Pattern TAG_DIRECTIVE = Pattern.compile(
            "(?m)^%TAG\\s+(!\\w*!?)\\s+tag:yaml\\.org,2002:(python/)?\\s*$");
    private static final String SUFFIX = "([a-z]+(?:/[a-z]+)?)(?::([A-Za-z0-9_.]+))?";
    private static final int MAX_TAGS = 100;
    /** A marker cheap to search for before deciding to read a text as YAML. */
    static final Pattern MARKER = Pattern.compile("!!python/|tag:yaml\\.org,2002:python/|%TAG");

    private PythonTagText() {
    }

    static boolean mentioned(CharSequence text) {
        return MARKER.matcher(text).find();
    }

    /** The same test on raw bytes, before any text is decoded: the markers are ASCII. */
    static boolean mentioned(byte[] bytes) {
        return contains(bytes, "python/") || contains(bytes, "%TAG");
    }

    private static boolean contains(byte[] bytes, String ascii) {
        byte first = (byte) ascii.charAt(0);
        outer:
        for (int i = 0; i <= bytes.length - ascii.length(); i++) {
            if (bytes[i] != first) {
                continue;
            }
            for (int k = 1; k < ascii.length(); k++) {
                if (bytes[i + k] != (byte) ascii.charAt(k)) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    static List<PythonTag> find(String text) {
        Set<String> prefixes = new LinkedHashSet<>(List.of("!!python/", "!<tag:yaml.org,2002:python/"));
        Matcher directive = TAG_DIRECTIVE.matcher(text);
        while (directive.find()) {
            prefixes.add(directive.group(1) + (directive.group(2) == null ? "python/" : ""));
        }
        List<PythonTag> found = new ArrayList<>();
        for (String prefix : prefixes) {
            Matcher m = Pattern.compile(Pattern.quote(prefix) + SUFFIX).matcher(text);
            while (m.find() && found.size() < MAX_TAGS) {
                String tag = PythonTag.PREFIX + m.group(1) + (m.group(2) == null ? "" : ":" + m.group(2));
                // only tags that name a target: a bare kind in prose is no instruction to a loader
                PythonTag.of(tag, "line " + lineOf(text, m.start()), "").filter(t -> !t.target().isEmpty())
                        .ifPresent(found::add);
            }
        }
        return found;
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
