package io.modelgate.assessment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes small but valid safetensors and GGUF files for end-to-end tests: real tensor names, one-byte
 * elements, and every dimension but the vocabulary cut to 1 so the files stay small.
 */
final class ModelFileWriter {

    private ModelFileWriter() {
    }

    /** A safetensors file with U8 tensors of the given shapes. */
    static void safetensors(Path file, Map<String, List<Long>> shapes) throws IOException {
        StringBuilder header = new StringBuilder("{");
        long offset = 0;
        for (Map.Entry<String, List<Long>> t : shapes.entrySet()) {
            long size = t.getValue().stream().reduce(1L, (a, b) -> a * b);
            if (header.length() > 1) {
                header.append(',');
            }
            header.append('"').append(t.getKey()).append("\":{\"dtype\":\"U8\",\"shape\":")
                    .append(t.getValue()).append(",\"data_offsets\":[").append(offset).append(',')
                    .append(offset + size).append("]}");
            offset += size;
        }
        header.append('}');
        byte[] json = header.toString().replace(" ", "").getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(8 + json.length + (int) offset).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(json.length).put(json);
        Files.write(file, out.array());
    }

    /** A GGUF v3 file with string and uint32 metadata and I8 tensors (dimensions innermost first). */
    static void gguf(Path file, Map<String, Object> metadata, Map<String, List<Long>> tensors) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Le out = new Le(bytes);
        out.raw("GGUF".getBytes(StandardCharsets.US_ASCII));
        out.u32(3);
        out.u64(tensors.size());
        out.u64(metadata.size());
        for (Map.Entry<String, Object> kv : metadata.entrySet()) {
            out.string(kv.getKey());
            if (kv.getValue() instanceof Number n) {
                out.u32(4);
                out.u32(n.intValue());
            } else {
                out.u32(8);
                out.string(String.valueOf(kv.getValue()));
            }
        }
        long offset = 0;
        for (Map.Entry<String, List<Long>> t : tensors.entrySet()) {
            out.string(t.getKey());
            out.u32(t.getValue().size());
            t.getValue().forEach(out::u64);
            out.u32(24);
            out.u64(offset);
            offset += align(t.getValue().stream().reduce(1L, (a, b) -> a * b));
        }
        while (bytes.size() % 32 != 0) {
            bytes.write(0);
        }
        bytes.write(new byte[(int) offset]);
        Files.write(file, bytes.toByteArray());
    }

    private static long align(long n) {
        return (n + 31) / 32 * 32;
    }

    /** Little-endian primitives. */
    private record Le(ByteArrayOutputStream out) {
        void raw(byte[] b) {
            out.writeBytes(b);
        }

        void u32(long v) {
            raw(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) v).array());
        }

        void u64(long v) {
            raw(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array());
        }

        void string(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            u64(b.length);
            raw(b);
        }
    }
}
