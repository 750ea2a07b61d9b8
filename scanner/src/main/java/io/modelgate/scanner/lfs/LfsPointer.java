package io.modelgate.scanner.lfs;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Git LFS pointer (formats reference §2.1): small UTF-8 text, first line the spec version, then
 * sorted {@code key value} lines; {@code oid sha256:<64 hex>} and {@code size <bytes>} are required.
 *
 * @param oid  the SHA-256 of the real content, lowercase hex
 * @param size the size of the real content in bytes
 */
public record LfsPointer(String oid, long size) {

    /** Tools only consider blobs below this size as pointers. */
    public static final int MAX_POINTER_BYTES = 1024;
    private static final String[] VERSIONS = {"version https://git-lfs.github.com/spec/v1\n",
            "version https://hawser.github.com/spec/v1\n"};
    private static final Pattern KEY = Pattern.compile("[a-z0-9.-]{1,64}");
    private static final Pattern OID = Pattern.compile("sha256:([0-9a-f]{64})");
    private static final Pattern SIZE = Pattern.compile("0|[1-9][0-9]{0,18}");

    /** True when the bytes start with a pointer version line and are small enough to be a pointer. */
    public static boolean looksLikePointer(byte[] head, long fileSize) {
        if (fileSize >= MAX_POINTER_BYTES) {
            return false;
        }
        for (String version : VERSIONS) {
            byte[] v = version.getBytes(StandardCharsets.US_ASCII);
            if (head.length >= v.length && java.util.Arrays.equals(head, 0, v.length, v, 0, v.length)) {
                return true;
            }
        }
        return false;
    }

    /** Parses a pointer; empty when a required key is missing or malformed. */
    public static Optional<LfsPointer> parse(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int space = line.indexOf(' ');
            if (space < 0 || !KEY.matcher(line.substring(0, space)).matches()) {
                return Optional.empty();
            }
            fields.putIfAbsent(line.substring(0, space), line.substring(space + 1));
        }
        var oid = OID.matcher(fields.getOrDefault("oid", ""));
        String size = fields.getOrDefault("size", "");
        if (!oid.matches() || !SIZE.matcher(size).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new LfsPointer(oid.group(1), Long.parseLong(size)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
