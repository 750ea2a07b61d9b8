package io.modelgate.scanner.safetensors;

/**
 * One tensor of a safetensors header.
 *
 * @param name  tensor name
 * @param dtype dtype as written
 * @param shape dimensions (empty for a scalar)
 * @param begin start of the byte range, relative to the data section
 * @param end   end of the byte range (exclusive)
 */
public record TensorEntry(String name, String dtype, long[] shape, long begin, long end) {

    /** Number of elements, or -1 when the product overflows a long. */
    public long elements() {
        long product = 1;
        for (long d : shape) {
            try {
                product = Math.multiplyExact(product, d);
            } catch (ArithmeticException e) {
                return -1;
            }
        }
        return product;
    }

    public long byteLength() {
        return end - begin;
    }
}
