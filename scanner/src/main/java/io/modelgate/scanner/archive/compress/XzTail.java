package io.modelgate.scanner.archive.compress;

import io.modelgate.scanner.io.ByteSource;
import org.tukaani.xz.LZMAInputStream;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * The output of the chunk an xz file is cut off in. liblzma (Python's lzma) decodes a cut-off LZMA2 chunk as
 * far as its bytes go, while a chunk-at-a-time decoder returns nothing of it; a pickle whose call sits in
 * that chunk still runs under Python. The block structure is walked from the chunk headers, and the cut chunk
 * is decoded on its own when it resets the dictionary (the first chunk of every block does) or is stored
 * uncompressed; a chunk that continues the previous chunk's state cannot be, and yields nothing.
 */
final class XzTail {

    private static final int STREAM_HEADER = 12;
    private static final int LZMA2_FILTER = 0x21;
    private static final int MAX_CHUNK_OUTPUT = 1 << 21;

    private final ByteSource source;
    private long position;

    private XzTail(ByteSource source, long start) {
        this.source = source;
        this.position = start + STREAM_HEADER;
    }

    /**
     * What the cut chunk of the stream starting at {@code start} decodes to, after the first
     * {@code delivered} bytes of the stream's output; empty when the cut is not inside a chunk this can decode.
     */
    static byte[] cutChunkOutput(ByteSource source, long start, long delivered) {
        try {
            return new XzTail(source, start).walk(delivered, source.readFully(start + 7, 1)[0] & 0x0f);
        } catch (IOException | RuntimeException e) {
            return new byte[0];
        }
    }

    private byte[] walk(long delivered, int checkType) throws IOException {
        long output = 0;
        while (true) {
            long blockStart = position;
            int headerSize = (u8() + 1) * 4;
            if (headerSize == 4) {
                return new byte[0];
            }
            int dictSize = lzma2DictSize(blockStart, headerSize);
            position = blockStart + headerSize;
            while (true) {
                int control = u8();
                if (control == 0) {
                    break;
                }
                if (control == 1 || control == 2) {
                    int size = u16() + 1;
                    if (position + size > source.size()) {
                        return tail(readRest(), output, delivered);
                    }
                    position += size;
                    output += size;
                    continue;
                }
                if (control < 0x80) {
                    return new byte[0];
                }
                int size = ((control & 0x1f) << 16) + u16() + 1;
                int compressed = u16() + 1;
                int props = control >= 0xc0 ? u8() : -1;
                if (position + compressed > source.size()) {
                    if (control < 0xe0) {
                        return new byte[0];
                    }
                    return tail(decodeChunk(size, props, dictSize), output, delivered);
                }
                position += compressed;
                output += size;
            }
            position += (4 - (position - blockStart) % 4) % 4 + checkSize(checkType);
        }
    }

    /** The cut chunk's bytes that come after what was already delivered. */
    private static byte[] tail(byte[] chunk, long chunkStart, long delivered) {
        long skip = delivered - chunkStart;
        if (skip < 0 || skip >= chunk.length) {
            return new byte[0];
        }
        return java.util.Arrays.copyOfRange(chunk, (int) skip, chunk.length);
    }

    private byte[] decodeChunk(int size, int props, int dictSize) throws IOException {
        InputStream rest = source.slice(position, source.size() - position).open();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (LZMAInputStream lzma = new LZMAInputStream(rest, size, (byte) props,
                Math.min(dictSize, MAX_CHUNK_OUTPUT), null)) {
            // byte by byte: what was decoded before the input runs out is kept
            for (int b = lzma.read(); b >= 0 && out.size() < MAX_CHUNK_OUTPUT; b = lzma.read()) {
                out.write(b);
            }
        } catch (IOException e) {
            // the cut: everything before it is in out
        }
        return out.toByteArray();
    }

    private byte[] readRest() throws IOException {
        return source.readFully(position, (int) Math.min(MAX_CHUNK_OUTPUT, source.size() - position));
    }

    /** The block header must name LZMA2 as its only filter; returns the dictionary size it declares. */
    private int lzma2DictSize(long blockStart, int headerSize) throws IOException {
        byte[] header = source.readFully(blockStart, headerSize);
        int flags = header[1] & 0xff;
        if ((flags & 3) != 0) {
            throw new IOException("filter chain other than LZMA2 alone");
        }
        int p = 2;
        if ((flags & 0x40) != 0) {
            p = skipVarint(header, p);
        }
        if ((flags & 0x80) != 0) {
            p = skipVarint(header, p);
        }
        if (header[p] != LZMA2_FILTER || header[p + 1] != 1) {
            throw new IOException("not an LZMA2 block");
        }
        int d = header[p + 2] & 0xff;
        if (d > 40) {
            throw new IOException("invalid LZMA2 dictionary size");
        }
        return d == 40 ? Integer.MAX_VALUE : (2 | (d & 1)) << (d / 2 + 11);
    }

    private static int skipVarint(byte[] b, int p) {
        while ((b[p] & 0x80) != 0) {
            p++;
        }
        return p + 1;
    }

    private static int checkSize(int checkType) {
        return checkType == 0 ? 0 : 4 << ((checkType - 1) / 3);
    }

    private int u8() throws IOException {
        if (position >= source.size()) {
            throw new EOFException("cut in a chunk header");
        }
        return source.readFully(position++, 1)[0] & 0xff;
    }

    private int u16() throws IOException {
        return (u8() << 8) | u8();
    }
}
