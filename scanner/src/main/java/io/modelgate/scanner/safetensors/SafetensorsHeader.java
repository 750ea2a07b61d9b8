package io.modelgate.scanner.safetensors;

import java.util.List;
import java.util.Map;

/**
 * A parsed safetensors header.
 *
 * @param headerLength the JSON length N from the first 8 bytes
 * @param dataLength   bytes after the header (the data section)
 * @param tensors      tensor entries in file order
 * @param metadata     the {@code __metadata__} map (empty when absent)
 */
public record SafetensorsHeader(long headerLength, long dataLength, List<TensorEntry> tensors,
                                Map<String, String> metadata) {

    public long dataStart() {
        return 8 + headerLength;
    }
}
