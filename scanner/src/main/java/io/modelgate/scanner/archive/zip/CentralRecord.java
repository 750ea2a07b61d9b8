package io.modelgate.scanner.archive.zip;

/**
 * One central directory record, as torch.load (miniz) and Python's zipfile read it.
 *
 * @param headerOffset where its local header starts (already shifted for data prepended to the zip)
 */
record CentralRecord(String name, int versionMadeBy, int flags, int method, long crc, long compressedSize,
                     long size, long headerOffset, long externalAttributes) {

    private static final int UNIX_HOST = 3;
    private static final int S_IFMT = 0xF000;
    private static final int S_IFLNK = 0xA000;

    boolean symbolicLink() {
        return (versionMadeBy >> 8) == UNIX_HOST && ((externalAttributes >> 16) & S_IFMT) == S_IFLNK;
    }
}
