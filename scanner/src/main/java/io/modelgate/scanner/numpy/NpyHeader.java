package io.modelgate.scanner.numpy;

/**
 * A parsed {@code .npy} header.
 *
 * @param version      format version, "1.0", "2.0" or "3.0"
 * @param headerLength bytes of header text (the literal dict and its padding)
 * @param dataOffset   where the payload starts
 * @param descr        the {@code descr} as written, for reporting
 * @param dtype        element size and object flag
 * @param fortranOrder column-major payload
 * @param shape        dimensions and element count
 */
record NpyHeader(String version, long headerLength, long dataOffset, String descr, NumpyDtype dtype,
                 boolean fortranOrder, NumpyShape shape) {
}
