package io.modelgate.scanner.safetensors;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.modelgate.scanner.analysis.Deadline;
import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.io.LimitExceededException;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a safetensors header with bounded memory: the length is checked against the file and a
 * maximum before anything is read, the JSON is streamed (never materialised as a tree) with
 * duplicate keys rejected, and tensor and metadata counts are capped.
 */
public final class SafetensorsHeaderReader {

    /** The reference implementation's MAX_HEADER_SIZE. */
    public static final long MAX_HEADER_BYTES = 100_000_000L;
    /** More tensors than any real single file holds; caps the memory of the entry list. */
    public static final int MAX_TENSORS = 300_000;
    private static final int MAX_METADATA_ENTRIES = 10_000;
    private static final int MAX_DIMS = 1024;
    private static final int MAX_NESTING = 16;

    /** Factories are costly to build and thread-safe: one per string limit in use. */
    private static final java.util.concurrent.ConcurrentMap<Integer, JsonFactory> FACTORIES =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final JsonFactory factory;

    public SafetensorsHeaderReader(int maxStringBytes) {
        this.factory = FACTORIES.computeIfAbsent(maxStringBytes, SafetensorsHeaderReader::factory);
    }

    private static JsonFactory factory(int maxStringBytes) {
        return JsonFactory.builder()
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING)
                        .maxStringLength(maxStringBytes)
                        .maxNameLength(Math.min(maxStringBytes, 1 << 20))
                        .maxNumberLength(40)
                        .build())
                // tensor names are attacker-chosen: interning them would cost CPU and never pay back. Names stay
                // canonicalized: without it the byte parser decodes names without checking their UTF-8, and the
                // real loader rejects a header whose names are not valid UTF-8.
                .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
                .build();
    }

    /** Reads only the 8-byte length and checks it; the header JSON is not touched. */
    public static long headerLength(ByteSource source) throws IOException {
        if (source.size() < 8) {
            throw new MalformedSafetensorsException("file of " + source.size() + " bytes is shorter than the 8-byte header length");
        }
        byte[] raw = source.readFully(0, 8);
        long n = 0;
        for (int i = 7; i >= 0; i--) {
            n = (n << 8) | (raw[i] & 0xff);
        }
        if (n < 0 || n > MAX_HEADER_BYTES) {
            throw new MalformedSafetensorsException("header length " + Long.toUnsignedString(n)
                    + " exceeds the maximum of " + MAX_HEADER_BYTES + " bytes");
        }
        if (n > source.size() - 8) {
            throw new MalformedSafetensorsException("header length " + n + " runs past the end of the "
                    + source.size() + "-byte file");
        }
        if (n < 2) {
            throw new MalformedSafetensorsException("header length " + n + " is too small for a JSON object");
        }
        return n;
    }

    public SafetensorsHeader read(ByteSource source, Deadline deadline) throws IOException {
        long n = headerLength(source);
        List<TensorEntry> tensors = new ArrayList<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        try (InputStream in = new BufferedInputStream(source.slice(8, n).open(), 64 * 1024);
             JsonParser parser = factory.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw malformed(parser, "header is not a JSON object");
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                parser.nextToken();
                if (key.equals("__metadata__")) {
                    readMetadata(parser, metadata);
                } else {
                    if (tensors.size() >= MAX_TENSORS) {
                        throw new LimitExceededException("safetensors header lists more than " + MAX_TENSORS + " tensors");
                    }
                    tensors.add(readTensor(parser, key));
                }
                if ((tensors.size() & 1023) == 0) {
                    deadline.check();
                }
            }
            if (token != JsonToken.END_OBJECT) {
                throw malformed(parser, "header object is not closed");
            }
            if (parser.nextToken() != null) {
                throw malformed(parser, "content after the header object (only space padding is allowed)");
            }
        } catch (JsonProcessingException e) {
            throw new MalformedSafetensorsException("invalid header JSON: " + e.getOriginalMessage());
        }
        return new SafetensorsHeader(n, source.size() - 8 - n, List.copyOf(tensors), metadata);
    }

    private static void readMetadata(JsonParser parser, Map<String, String> metadata) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw malformed(parser, "__metadata__ is not an object");
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            if (parser.nextToken() != JsonToken.VALUE_STRING) {
                throw malformed(parser, "__metadata__ value of '" + key + "' is not a string");
            }
            if (metadata.size() >= MAX_METADATA_ENTRIES) {
                throw new LimitExceededException("__metadata__ has more than " + MAX_METADATA_ENTRIES + " entries");
            }
            metadata.put(key, parser.getText());
        }
    }

    private static TensorEntry readTensor(JsonParser parser, String name) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw malformed(parser, "entry of tensor '" + name + "' is not an object");
        }
        String dtype = null;
        long[] shape = null;
        long[] offsets = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "dtype" -> {
                    if (value != JsonToken.VALUE_STRING) {
                        throw malformed(parser, "dtype of tensor '" + name + "' is not a string");
                    }
                    dtype = parser.getText();
                }
                case "shape" -> shape = readIntArray(parser, name, "shape", MAX_DIMS);
                case "data_offsets" -> offsets = readIntArray(parser, name, "data_offsets", 2);
                default -> parser.skipChildren();
            }
        }
        if (dtype == null || shape == null || offsets == null) {
            throw malformed(parser, "tensor '" + name + "' lacks dtype, shape or data_offsets");
        }
        if (offsets.length != 2) {
            throw malformed(parser, "data_offsets of tensor '" + name + "' must hold two numbers");
        }
        return new TensorEntry(name, dtype, shape, offsets[0], offsets[1]);
    }

    private static long[] readIntArray(JsonParser parser, String tensor, String field, int max) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw malformed(parser, field + " of tensor '" + tensor + "' is not an array");
        }
        long[] values = new long[Math.min(max, 8)];
        int count = 0;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token != JsonToken.VALUE_NUMBER_INT) {
                throw malformed(parser, field + " of tensor '" + tensor + "' holds a non-integer");
            }
            if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER || parser.getLongValue() < 0) {
                throw malformed(parser, field + " of tensor '" + tensor + "' holds " + parser.getText()
                        + ", outside 0..2^63-1");
            }
            if (count >= max) {
                throw malformed(parser, field + " of tensor '" + tensor + "' has more than " + max + " values");
            }
            if (count == values.length) {
                values = java.util.Arrays.copyOf(values, Math.min(max, values.length * 2));
            }
            values[count++] = parser.getLongValue();
        }
        return java.util.Arrays.copyOf(values, count);
    }

    private static MalformedSafetensorsException malformed(JsonParser parser, String message) {
        long at = parser.currentTokenLocation().getByteOffset();
        return new MalformedSafetensorsException(at >= 0 ? message + " (header byte " + at + ")" : message);
    }
}
