package io.modelgate.scanner.archive.zip;

import java.util.List;

/**
 * An entry to analyse, as one reader would see it.
 *
 * @param name           the name the entry is analysed under
 * @param otherNames     names other headers give the same data (a local header that disagrees)
 * @param origin         which structure described it
 * @param dataOffset     where its data starts, -1 when its local header is missing
 * @param compressedSize bytes of data, -1 when unknown (data descriptor without a directory)
 * @param crcKnown       false when the CRC is deferred to a data descriptor that was not read
 */
record ZipMember(String name, List<String> otherNames, Origin origin, long headerOffset, long dataOffset,
                 long compressedSize, long size, int method, int flags, long crc, boolean crcKnown,
                 boolean symbolicLink) {

    enum Origin { CENTRAL_DIRECTORY, LOCAL_HEADER }

    private static final int ENCRYPTED_FLAG = 1;
    private static final int AES_METHOD = 99;

    boolean encrypted() {
        return (flags & ENCRYPTED_FLAG) != 0 || method == AES_METHOD;
    }

    /** Whether reading the entry means expanding compressed data (stored data is read as it is). */
    boolean compressed() {
        return method != 0;
    }

    boolean directory() {
        return (name.endsWith("/") || name.endsWith("\\")) && compressedSize == 0;
    }

    /** The name and the other names headers give it. */
    List<String> allNames() {
        if (otherNames.isEmpty()) {
            return List.of(name);
        }
        List<String> all = new java.util.ArrayList<>(otherNames.size() + 1);
        all.add(name);
        all.addAll(otherNames);
        return all;
    }
}
