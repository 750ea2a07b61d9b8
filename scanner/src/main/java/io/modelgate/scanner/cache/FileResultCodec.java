package io.modelgate.scanner.cache;

import io.modelgate.scanner.facts.EmbeddedArtifact;
import io.modelgate.scanner.facts.LicenseTextFact;
import io.modelgate.scanner.facts.MetadataDocument;
import io.modelgate.scanner.facts.ModelCardFact;
import io.modelgate.scanner.model.ArtifactPath;
import io.modelgate.scanner.model.FileResult;
import io.modelgate.scanner.model.FileStatus;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.Location;
import io.modelgate.scanner.model.Rule;
import io.modelgate.scanner.model.Severity;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a {@link FileResult} as bytes and reads it back. Reading treats the bytes as hostile (a cache folder
 * may be shared or damaged): every count is checked against what is left, nesting is bounded, and anything
 * unexpected is an {@link IOException}, i.e. a cache miss. A value of a type it does not know is not written
 * ({@link Uncacheable}): the file is then simply analysed every time.
 */
final class FileResultCodec {

    /** A fact value of a type the codec does not know. */
    static final class Uncacheable extends Exception {
        Uncacheable(String what) {
            super(what, null, false, false);
        }
    }

    private static final int MAX_DEPTH = 64;

    private static final int NULL = 0;
    private static final int STRING = 1;
    private static final int LONG = 2;
    private static final int INT = 3;
    private static final int DOUBLE = 4;
    private static final int BOOLEAN = 5;
    private static final int LIST = 6;
    private static final int SET = 7;
    private static final int MAP = 8;
    private static final int EMBEDDED = 9;
    private static final int LICENSE_TEXT = 10;
    private static final int METADATA = 11;
    private static final int CARD = 12;
    private static final int FLOAT = 13;

    private FileResultCodec() {
    }

    static byte[] encode(FileResult result) throws Uncacheable {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            string(out, result.path());
            string(out, result.format());
            strings(out, result.innerFormats());
            out.writeLong(result.size());
            string(out, result.sha256());
            out.writeUTF(result.status().name());
            out.writeInt(result.findings().size());
            for (Finding finding : result.findings()) {
                finding(out, finding);
            }
            strings(out, result.incompleteReasons());
            value(out, result.facts(), 0);
        } catch (IOException e) {
            throw new Uncacheable("cannot encode: " + e.getMessage());
        }
        return bytes.toByteArray();
    }

    static FileResult decode(byte[] data) throws IOException {
        Reader in = new Reader(data);
        String path = in.string();
        String format = in.string();
        Set<String> innerFormats = new LinkedHashSet<>(in.strings());
        long size = in.data.readLong();
        String sha256 = in.string();
        FileStatus status = in.constant(FileStatus.class);
        int findingCount = in.count();
        List<Finding> findings = new ArrayList<>(findingCount);
        for (int i = 0; i < findingCount; i++) {
            findings.add(in.finding());
        }
        List<String> incomplete = in.strings();
        Object facts = in.value(0);
        if (!(facts instanceof Map<?, ?> map) || in.data.available() != 0 || path == null || format == null) {
            throw new IOException("malformed cache entry");
        }
        Map<String, Object> factMap = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw new IOException("malformed cache entry");
            }
            factMap.put(key, entry.getValue());
        }
        try {
            return new FileResult(path, format, innerFormats, size, sha256, status, findings, incomplete, factMap);
        } catch (RuntimeException e) {
            throw new IOException("malformed cache entry", e);
        }
    }

    private static void finding(DataOutputStream out, Finding finding) throws IOException {
        Rule rule = finding.rule();
        string(out, rule.id());
        out.writeUTF(rule.severity().name());
        string(out, rule.category());
        string(out, rule.title());
        string(out, rule.help());
        out.writeUTF(finding.severity().name());
        strings(out, finding.location().path().segments());
        out.writeLong(finding.location().offset());
        string(out, finding.subject());
        string(out, finding.message());
    }

    private static void strings(DataOutputStream out, Collection<String> values) throws IOException {
        out.writeInt(values.size());
        for (String value : values) {
            string(out, value);
        }
    }

    /** Strings as a presence byte, a length and UTF-8 (writeUTF stops at 64 KiB). */
    private static void string(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeByte(0);
            return;
        }
        byte[] utf8 = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeByte(1);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static void value(DataOutputStream out, Object value, int depth) throws IOException, Uncacheable {
        if (depth > MAX_DEPTH) {
            throw new Uncacheable("nested too deeply");
        }
        if (value == null) {
            out.writeByte(NULL);
        } else if (value instanceof String s) {
            out.writeByte(STRING);
            string(out, s);
        } else if (value instanceof Long l) {
            out.writeByte(LONG);
            out.writeLong(l);
        } else if (value instanceof Integer i) {
            out.writeByte(INT);
            out.writeInt(i);
        } else if (value instanceof Double d) {
            out.writeByte(DOUBLE);
            out.writeDouble(d);
        } else if (value instanceof Float f) {
            out.writeByte(FLOAT);
            out.writeFloat(f);
        } else if (value instanceof Boolean b) {
            out.writeByte(BOOLEAN);
            out.writeBoolean(b);
        } else if (value instanceof List<?> list) {
            out.writeByte(LIST);
            items(out, list, depth);
        } else if (value instanceof Set<?> set) {
            out.writeByte(SET);
            items(out, set, depth);
        } else if (value instanceof Map<?, ?> map) {
            out.writeByte(MAP);
            out.writeInt(map.size());
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                value(out, entry.getKey(), depth + 1);
                value(out, entry.getValue(), depth + 1);
            }
        } else if (value instanceof EmbeddedArtifact e) {
            out.writeByte(EMBEDDED);
            string(out, e.format());
            out.writeLong(e.size());
        } else if (value instanceof LicenseTextFact t) {
            out.writeByte(LICENSE_TEXT);
            string(out, t.excerpt());
            out.writeBoolean(t.truncated());
        } else if (value instanceof MetadataDocument d) {
            out.writeByte(METADATA);
            out.writeUTF(d.kind().name());
            value(out, d.content(), depth + 1);
        } else if (value instanceof ModelCardFact c) {
            out.writeByte(CARD);
            value(out, c.frontMatter(), depth + 1);
            string(out, c.title());
        } else {
            throw new Uncacheable("fact value of type " + value.getClass().getSimpleName());
        }
    }

    private static void items(DataOutputStream out, Collection<?> items, int depth) throws IOException, Uncacheable {
        out.writeInt(items.size());
        for (Object item : items) {
            value(out, item, depth + 1);
        }
    }

    /** Reads what {@link #encode} wrote, checking every count against the bytes left. */
    private static final class Reader {
        private final DataInputStream data;

        Reader(byte[] bytes) {
            this.data = new DataInputStream(new ByteArrayInputStream(bytes));
        }

        int count() throws IOException {
            int n = data.readInt();
            // every item takes at least one byte
            if (n < 0 || n > data.available()) {
                throw new IOException("malformed cache entry");
            }
            return n;
        }

        String string() throws IOException {
            int present = data.readUnsignedByte();
            if (present == 0) {
                return null;
            }
            if (present != 1) {
                throw new IOException("malformed cache entry");
            }
            byte[] utf8 = new byte[count()];
            data.readFully(utf8);
            return new String(utf8, java.nio.charset.StandardCharsets.UTF_8);
        }

        List<String> strings() throws IOException {
            int n = count();
            List<String> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String s = string();
                if (s == null) {
                    throw new IOException("malformed cache entry");
                }
                out.add(s);
            }
            return out;
        }

        <E extends Enum<E>> E constant(Class<E> type) throws IOException {
            try {
                return Enum.valueOf(type, data.readUTF());
            } catch (IllegalArgumentException e) {
                throw new IOException("malformed cache entry", e);
            }
        }

        Finding finding() throws IOException {
            try {
                Rule rule = new Rule(string(), constant(Severity.class), string(), string(), string());
                Severity severity = constant(Severity.class);
                ArtifactPath path = new ArtifactPath(strings());
                long offset = data.readLong();
                return new Finding(rule, severity, new Location(path, offset), string(), string());
            } catch (RuntimeException e) {
                throw new IOException("malformed cache entry", e);
            }
        }

        Object value(int depth) throws IOException {
            if (depth > MAX_DEPTH) {
                throw new IOException("cache entry nested too deeply");
            }
            int tag = data.readUnsignedByte();
            try {
                return switch (tag) {
                    case NULL -> null;
                    case STRING -> string();
                    case LONG -> data.readLong();
                    case INT -> data.readInt();
                    case DOUBLE -> data.readDouble();
                    case FLOAT -> data.readFloat();
                    case BOOLEAN -> data.readBoolean();
                    case LIST -> items(new ArrayList<>(), depth);
                    case SET -> items(new LinkedHashSet<>(), depth);
                    case MAP -> map(depth);
                    case EMBEDDED -> new EmbeddedArtifact(string(), data.readLong());
                    case LICENSE_TEXT -> new LicenseTextFact(string(), data.readBoolean());
                    case METADATA -> new MetadataDocument(constant(MetadataDocument.Kind.class), stringMap(depth));
                    case CARD -> new ModelCardFact(stringMap(depth), string());
                    default -> throw new IOException("malformed cache entry");
                };
            } catch (RuntimeException e) {
                throw new IOException("malformed cache entry", e);
            }
        }

        private <C extends Collection<Object>> C items(C out, int depth) throws IOException {
            int n = count();
            for (int i = 0; i < n; i++) {
                out.add(value(depth + 1));
            }
            return out;
        }

        private Map<Object, Object> map(int depth) throws IOException {
            int n = count();
            Map<Object, Object> out = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                out.put(value(depth + 1), value(depth + 1));
            }
            return out;
        }

        private Map<String, Object> stringMap(int depth) throws IOException {
            Object value = value(depth + 1);
            if (!(value instanceof Map<?, ?> map)) {
                throw new IOException("malformed cache entry");
            }
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    throw new IOException("malformed cache entry");
                }
                out.put(key, entry.getValue());
            }
            return out;
        }
    }
}
