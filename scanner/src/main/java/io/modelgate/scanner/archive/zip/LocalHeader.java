package io.modelgate.scanner.archive.zip;

import io.modelgate.scanner.io.ByteSource;

import java.io.IOException;
import java.util.Optional;

/**
 * A local file header ({@code PK\3\4}). Data starts right after its name and extra field, whatever
 * the central directory says about their lengths: that is how every reader locates it.
 */
record LocalHeader(long offset, int flags, int method, long crc, long compressedSize, long size, String name,
                   long dataOffset) {

    static final int FIXED_SIZE = 30;
    static final int DATA_DESCRIPTOR_FLAG = 1 << 3;

    /** True when sizes and CRC are deferred to a data descriptor and the header's zeros mean "unknown". */
    boolean sizesDeferred() {
        return (flags & DATA_DESCRIPTOR_FLAG) != 0 && compressedSize == 0;
    }

    /** Reads the header at {@code offset}; empty when there is no local header signature there. */
    static Optional<LocalHeader> read(ByteSource source, long offset) throws IOException {
        if (offset < 0 || offset > source.size() - FIXED_SIZE) {
            return Optional.empty();
        }
        byte[] h = source.readFully(offset, FIXED_SIZE);
        if (!LittleEndian.signatureAt(h, 0, 3, 4)) {
            return Optional.empty();
        }
        int flags = LittleEndian.u16(h, 6);
        int nameLength = LittleEndian.u16(h, 26);
        int extraLength = LittleEndian.u16(h, 28);
        long variable = offset + FIXED_SIZE;
        if (variable + nameLength + extraLength > source.size()) {
            return Optional.empty();
        }
        String name = ZipNames.decode(source.readFully(variable, nameLength), flags);
        byte[] extra = source.readFully(variable + nameLength, extraLength);
        long size = LittleEndian.u32(h, 22);
        long compressed = LittleEndian.u32(h, 18);
        long[] sizes = size == Zip64Extra.MARKER || compressed == Zip64Extra.MARKER
                // a local zip64 field always carries both sizes
                ? Zip64Extra.resolve(extra, Zip64Extra.MARKER, Zip64Extra.MARKER)
                : new long[] {size, compressed};
        return Optional.of(new LocalHeader(offset, flags, LittleEndian.u16(h, 8), LittleEndian.u32(h, 14),
                sizes[1], sizes[0], name, variable + nameLength + extraLength));
    }
}
