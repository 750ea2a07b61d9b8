package io.modelgate.scanner.executorch;

import io.modelgate.scanner.flatbuffers.FlatBufferFormatException;
import io.modelgate.scanner.io.ByteSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * The optional header ExecuTorch writes at offset 8 of a program ({@code eh00}, its length, the program's size
 * and the offset where data segments start): segments are located from it.
 */
record ExtendedHeader(long programSize, long segmentBaseOffset) {

    private static final int OFFSET = 8;
    private static final int MINIMUM_LENGTH = 24;

    static Optional<ExtendedHeader> read(ByteSource source) throws IOException {
        if (source.size() < OFFSET + MINIMUM_LENGTH) {
            return Optional.empty();
        }
        ByteBuffer bytes = ByteBuffer.wrap(source.readFully(OFFSET, MINIMUM_LENGTH)).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.get(0) != 'e' || bytes.get(1) != 'h' || bytes.get(2) != '0' || bytes.get(3) != '0') {
            return Optional.empty();
        }
        long length = Integer.toUnsignedLong(bytes.getInt(4));
        long programSize = bytes.getLong(8);
        long segmentBase = bytes.getLong(16);
        if (length < MINIMUM_LENGTH || programSize < 0 || programSize > source.size() || segmentBase < 0
                || segmentBase > source.size()) {
            throw new FlatBufferFormatException("the extended header declares a program of "
                    + Long.toUnsignedString(programSize) + " bytes and segments at "
                    + Long.toUnsignedString(segmentBase) + " in a file of " + source.size() + " bytes");
        }
        return Optional.of(new ExtendedHeader(programSize, segmentBase));
    }
}
