package io.modelgate.scanner.safetensors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Whether the safetensors loader accepts a file, checked as its specification states, independently of the
 * scanner's reader (the oracle of the property tests): an 8-byte little-endian header length within the
 * limit, a UTF-8 JSON object, string-to-string {@code __metadata__}, every tensor with a known dtype, a shape
 * of non-negative integers and data offsets, the tensors' byte ranges exactly tiling the data buffer.
 */
final class SafetensorsSpec {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SafetensorsSpec() {
    }

    private record Range(long begin, long end, long bytes) {
    }

    static boolean accepts(byte[] file) {
        try {
            return check(file);
        } catch (RuntimeException | CharacterCodingException | com.fasterxml.jackson.core.JsonProcessingException e) {
            return false;
        }
    }

    private static boolean check(byte[] file) throws CharacterCodingException,
            com.fasterxml.jackson.core.JsonProcessingException {
        if (file.length < 8) {
            return false;
        }
        long n = ByteBuffer.wrap(file, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (n <= 0 || n > SafetensorsHeaderReader.MAX_HEADER_BYTES || n > file.length - 8L) {
            return false;
        }
        String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(file, 8, (int) n)).toString();
        JsonNode header = JSON.readTree(text);
        if (header == null || !header.isObject()) {
            return false;
        }
        List<Range> ranges = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode value = entry.getValue();
            if (entry.getKey().equals("__metadata__")) {
                for (JsonNode v : value) {
                    if (!v.isTextual()) {
                        return false;
                    }
                }
                if (!value.isObject()) {
                    return false;
                }
                continue;
            }
            JsonNode dtype = value.get("dtype");
            JsonNode shape = value.get("shape");
            JsonNode offsets = value.get("data_offsets");
            if (dtype == null || !dtype.isTextual() || shape == null || !shape.isArray() || offsets == null
                    || !offsets.isArray() || offsets.size() != 2) {
                return false;
            }
            var bits = SafetensorsDtype.bits(dtype.asText());
            if (bits.isEmpty()) {
                return false;
            }
            long elements = 1;
            for (JsonNode d : shape) {
                if (!d.canConvertToLong() || !d.isIntegralNumber() || d.asLong() < 0) {
                    return false;
                }
                elements = Math.multiplyExact(elements, d.asLong());
            }
            long totalBits = Math.multiplyExact(elements, bits.getAsInt());
            if (totalBits % 8 != 0 || !offsets.get(0).canConvertToLong() || !offsets.get(1).canConvertToLong()) {
                return false;
            }
            ranges.add(new Range(offsets.get(0).asLong(), offsets.get(1).asLong(), totalBits / 8));
        }
        ranges.sort(Comparator.comparingLong(Range::begin).thenComparingLong(Range::end));
        long position = 0;
        for (Range r : ranges) {
            if (r.begin() != position || r.end() < r.begin() || r.end() - r.begin() != r.bytes()) {
                return false;
            }
            position = r.end();
        }
        return position == file.length - 8L - n;
    }
}
