package io.modelgate.scanner.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The binary form the build compiles shipped data into (the knowledge base, the policy profiles): a tree of maps,
 * lists, texts, numbers kept as their text, booleans and nulls. A scan reads its data at start-up, before any code
 * is compiled; a JSON parser spent most of that time setting itself up and tokenising, this form is read with a
 * few length-prefixed copies. The data is the build's own output, and the reader is still strict: every count
 * and length is checked against what is left; malformed UTF-8, duplicate keys and trailing bytes are errors.
 *
 * <p>Layout: the magic {@code MGCT}, a version byte, then one value. A value is a tag byte: {@code M} with a
 * count and that many key texts and values, {@code L} with a count and values, {@code S} or {@code N} with a
 * text, {@code T}, {@code F} or {@code Z}. Counts and text lengths are 4-byte big-endian; texts are UTF-8.
 */
public final class CompactTree {

    /** A number as its source wrote it: readers convert it to the type they need. */
    public record NumberText(String text) {
    }

    private static final byte[] MAGIC = {'M', 'G', 'C', 'T', 1};
    private static final int MAX_DEPTH = 32;

    private CompactTree() {
    }

    /**
     * The tree {@code data} holds: {@code Map<String, Object>} (in order), {@code List<Object>}, {@code String},
     * {@link NumberText}, {@code Boolean} or null.
     *
     * @throws IOException when the bytes are not a whole, well-formed tree
     */
    public static Object read(byte[] data) throws IOException {
        for (int i = 0; i < MAGIC.length; i++) {
            if (data.length <= i || data[i] != MAGIC[i]) {
                throw new IOException("not a compiled data file of this version");
            }
        }
        Reader reader = new Reader(data, MAGIC.length);
        Object root = reader.value(0);
        if (reader.at != data.length) {
            throw new IOException("bytes after the end of the tree at offset " + reader.at);
        }
        return root;
    }

    /**
     * Writes the tree of the same value types {@link #read} returns.
     *
     * @throws IllegalArgumentException for another type, a text that is not well-formed Unicode or deeper nesting
     *                                  than a reader accepts
     */
    public static byte[] write(Object tree) {
        Writer writer = new Writer();
        writer.out.write(MAGIC, 0, MAGIC.length);
        writer.value(tree, 0);
        return writer.out.toByteArray();
    }

    private static final class Reader {
        private final byte[] data;
        private int at;

        Reader(byte[] data, int at) {
            this.data = data;
            this.at = at;
        }

        Object value(int depth) throws IOException {
            if (depth > MAX_DEPTH) {
                throw new IOException("tree nested deeper than " + MAX_DEPTH);
            }
            need(1);
            byte tag = data[at++];
            switch (tag) {
                case 'M' -> {
                    int count = count(5);
                    Map<String, Object> map = new LinkedHashMap<>(Math.max(4, count * 2));
                    for (int i = 0; i < count; i++) {
                        String key = text();
                        if (map.containsKey(key)) {
                            throw new IOException("duplicate key '" + key + "'");
                        }
                        map.put(key, value(depth + 1));
                    }
                    return map;
                }
                case 'L' -> {
                    int count = count(1);
                    List<Object> list = new ArrayList<>(count);
                    for (int i = 0; i < count; i++) {
                        list.add(value(depth + 1));
                    }
                    return list;
                }
                case 'S' -> {
                    return text();
                }
                case 'N' -> {
                    return new NumberText(text());
                }
                case 'T' -> {
                    return Boolean.TRUE;
                }
                case 'F' -> {
                    return Boolean.FALSE;
                }
                case 'Z' -> {
                    return null;
                }
                default -> throw new IOException("unknown tag " + (tag & 0xff) + " at offset " + (at - 1));
            }
        }

        /** A count of items each taking at least {@code minBytes}: more than the bytes left is an error. */
        private int count(int minBytes) throws IOException {
            int count = int32();
            if (count < 0 || count > (data.length - at) / minBytes) {
                throw new IOException("count " + count + " at offset " + (at - 4) + " exceeds the data");
            }
            return count;
        }

        private String text() throws IOException {
            int length = int32();
            if (length < 0 || length > data.length - at) {
                throw new IOException("text length " + length + " at offset " + (at - 4) + " exceeds the data");
            }
            String text = new String(data, at, length, StandardCharsets.UTF_8);
            // the replacement character is what malformed UTF-8 decodes to; checked strictly only then
            if (text.indexOf('\uFFFD') >= 0) {
                try {
                    StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(data, at, length));
                } catch (CharacterCodingException e) {
                    throw new IOException("text at offset " + at + " is not UTF-8");
                }
            }
            at += length;
            return text;
        }

        private int int32() throws IOException {
            need(4);
            int value = (data[at] & 0xff) << 24 | (data[at + 1] & 0xff) << 16 | (data[at + 2] & 0xff) << 8
                    | (data[at + 3] & 0xff);
            at += 4;
            return value;
        }

        private void need(int bytes) throws IOException {
            if (data.length - at < bytes) {
                throw new IOException("truncated at offset " + at);
            }
        }
    }

    private static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        void value(Object value, int depth) {
            if (depth > MAX_DEPTH) {
                throw new IllegalArgumentException("tree nested deeper than " + MAX_DEPTH);
            }
            if (value instanceof Map<?, ?> map) {
                out.write('M');
                int32(map.size());
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    if (!(entry.getKey() instanceof String key)) {
                        throw new IllegalArgumentException("a map key is not a text: " + entry.getKey());
                    }
                    text(key);
                    value(entry.getValue(), depth + 1);
                }
            } else if (value instanceof List<?> list) {
                out.write('L');
                int32(list.size());
                for (Object item : list) {
                    value(item, depth + 1);
                }
            } else if (value instanceof String text) {
                out.write('S');
                text(text);
            } else if (value instanceof NumberText number) {
                out.write('N');
                text(number.text());
            } else if (value instanceof Boolean flag) {
                out.write(flag ? 'T' : 'F');
            } else if (value == null) {
                out.write('Z');
            } else {
                throw new IllegalArgumentException("no compact form for " + value.getClass().getSimpleName());
            }
        }

        private void text(String text) {
            byte[] bytes;
            try {
                // strictly: getBytes would write a lone surrogate as '?', a text other than the one given
                ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(text));
                bytes = new byte[encoded.remaining()];
                encoded.get(bytes);
            } catch (CharacterCodingException e) {
                throw new IllegalArgumentException("a text that is not well-formed Unicode has no compact form");
            }
            int32(bytes.length);
            out.write(bytes, 0, bytes.length);
        }

        private void int32(int value) {
            out.write(value >>> 24);
            out.write(value >>> 16);
            out.write(value >>> 8);
            out.write(value);
        }
    }
}
