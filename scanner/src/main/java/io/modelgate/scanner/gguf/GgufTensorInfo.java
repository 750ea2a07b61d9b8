package io.modelgate.scanner.gguf;

/**
 * One tensor description.
 *
 * @param name     tensor name
 * @param dims     dimensions, fastest-varying first (ne[0] first)
 * @param typeId   ggml type id as written
 * @param offset   data offset relative to the data section (may be 2^63 or more: then negative)
 * @param byteSize bytes of data, or -1 when the type is unknown or the size invalid
 * @param at       file offset of this tensor info (for reporting)
 */
record GgufTensorInfo(String name, long[] dims, long typeId, long offset, long byteSize, long at) {

    /** Element count, or -1 when a dimension is invalid or the product overflows. */
    long elements() {
        long product = 1;
        for (long d : dims) {
            if (d < 0) {
                return -1;
            }
            try {
                product = Math.multiplyExact(product, d);
            } catch (ArithmeticException e) {
                return -1;
            }
        }
        return product;
    }
}
