package io.modelgate.verification.integrity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads and writes {@code modelgate.lock} JSON, rejecting anything malformed or ambiguous. */
public final class LockFileCodec {

    /** A lock of 100,000 entries stays well below this. */
    public static final long MAX_BYTES = 64L * 1024 * 1024;

    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private LockFileCodec() {
    }

    public static LockFile read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new IOException("lock file of " + size + " bytes exceeds " + MAX_BYTES);
        }
        return parse(Files.readAllBytes(file));
    }

    public static LockFile parse(byte[] json) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IOException("not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IOException("not a JSON object");
        }
        if (root.path("lockVersion").asInt(-1) != LockFile.VERSION) {
            throw new IOException("unsupported lockVersion " + root.path("lockVersion") + " (expected 1)");
        }
        if (!"sha256".equals(root.path("algorithm").asText())) {
            throw new IOException("unsupported algorithm " + root.path("algorithm"));
        }
        List<String> ignore = new ArrayList<>();
        for (JsonNode node : array(root, "ignore")) {
            ignore.add(relativePath(node.asText()));
        }
        Map<String, Fingerprint> entries = new LinkedHashMap<>();
        for (JsonNode node : array(root, "files")) {
            String path = relativePath(node.path("path").asText());
            Fingerprint fingerprint = node.hasNonNull("link") ? Fingerprint.link(node.get("link").asText())
                    : fileFingerprint(path, node);
            if (entries.put(path, fingerprint) != null) {
                throw new IOException("duplicate path " + path);
            }
        }
        return new LockFile(ignore, entries);
    }

    private static Fingerprint fileFingerprint(String path, JsonNode node) throws IOException {
        String sha256 = node.path("sha256").asText();
        if (!HEX64.matcher(sha256).matches()) {
            throw new IOException("entry " + path + ": sha256 is not 64 lowercase hex digits");
        }
        JsonNode size = node.path("size");
        if (!size.canConvertToLong() || size.asLong() < 0) {
            throw new IOException("entry " + path + ": size is not a non-negative integer");
        }
        return Fingerprint.file(sha256, size.asLong());
    }

    private static ArrayNode array(JsonNode root, String field) throws IOException {
        JsonNode node = root.path(field);
        if (!node.isArray()) {
            throw new IOException("'" + field + "' must be an array");
        }
        return (ArrayNode) node;
    }

    /** Only plain relative paths: a lock must not name files outside the folder. */
    static String relativePath(String path) throws IOException {
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains("\0")) {
            throw new IOException("invalid path '" + path + "'");
        }
        for (String part : path.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                throw new IOException("invalid path '" + path + "'");
            }
        }
        return path;
    }

    public static byte[] write(LockFile lock, String generator) {
        ObjectNode root = JSON.createObjectNode();
        root.put("lockVersion", LockFile.VERSION);
        root.put("generator", generator);
        root.put("algorithm", "sha256");
        ArrayNode ignore = root.putArray("ignore");
        lock.ignore().forEach(ignore::add);
        ArrayNode files = root.putArray("files");
        for (Map.Entry<String, Fingerprint> e : lock.entries().entrySet()) {
            ObjectNode entry = files.addObject();
            entry.put("path", e.getKey());
            if (e.getValue().isLink()) {
                entry.put("link", e.getValue().linkTarget());
            } else {
                entry.put("size", e.getValue().size());
                entry.put("sha256", e.getValue().sha256());
            }
        }
        try {
            return (JSON.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise lock file", e);
        }
    }
}
