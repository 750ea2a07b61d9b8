package io.modelgate.scanner.archive;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes zip bytes field by field, so tests can make the central directory and local headers disagree,
 * drop directory records, corrupt CRCs or set flags the way a tampering attacker would.
 */
public final class ZipBuilder {

    public static final int STORED = 0;
    public static final int DEFLATED = 8;

    /** One entry; the {@code cd*} fields override what the central directory says. */
    public static final class Entry {
        final String name;
        final byte[] data;
        final int method;
        String cdName;
        Integer cdMethod;
        Long cdCrc;
        Long cdCompressedSize;
        int flags;
        int unixMode = -1;
        boolean listed = true;

        Entry(String name, byte[] data, int method) {
            this.name = name;
            this.data = data;
            this.method = method;
        }

        public Entry cdName(String value) {
            cdName = value;
            return this;
        }

        public Entry cdMethod(int value) {
            cdMethod = value;
            return this;
        }

        public Entry cdCrc(long value) {
            cdCrc = value;
            return this;
        }

        public Entry cdCompressedSize(long value) {
            cdCompressedSize = value;
            return this;
        }

        public Entry flags(int value) {
            flags = value;
            return this;
        }

        public Entry unixMode(int value) {
            unixMode = value;
            return this;
        }

        /** Leaves the entry out of the central directory (only its local header remains). */
        public Entry unlisted() {
            listed = false;
            return this;
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private final List<Alias> aliases = new ArrayList<>();
    private byte[] prefix = new byte[0];

    /** A central directory record that points at another entry's local header and data. */
    private record Alias(String name, Entry target) {
    }

    /**
     * Adds a directory record named {@code name} for the bytes of {@code target}: entries that share data,
     * the construction of non-recursive zip bombs.
     */
    public ZipBuilder alias(String name, Entry target) {
        aliases.add(new Alias(name, target));
        return this;
    }

    public Entry add(String name, byte[] data, int method) {
        Entry e = new Entry(name, data, method);
        entries.add(e);
        return e;
    }

    public Entry add(String name, String text) {
        return add(name, text.getBytes(StandardCharsets.UTF_8), STORED);
    }

    /** Bytes placed before the zip (offsets in the directory stay relative to the zip start). */
    public ZipBuilder prefix(byte[] bytes) {
        prefix = bytes;
        return this;
    }

    public byte[] build() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(prefix);
        ByteArrayOutputStream cd = new ByteArrayOutputStream();
        int listed = 0;
        java.util.Map<Entry, long[]> written = new java.util.HashMap<>();
        for (Entry e : entries) {
            byte[] payload = e.method == DEFLATED ? deflate(e.data) : e.data;
            long crc = crc(e.data);
            long offset = out.size() - prefix.length;
            written.put(e, new long[] {offset, payload.length, crc});
            byte[] name = e.name.getBytes(StandardCharsets.UTF_8);
            u32(out, 0x04034b50);
            u16(out, 20);
            u16(out, e.flags);
            u16(out, e.method);
            u32(out, 0);
            u32(out, crc);
            u32(out, payload.length);
            u32(out, e.data.length);
            u16(out, name.length);
            u16(out, 0);
            out.writeBytes(name);
            out.writeBytes(payload);
            if (!e.listed) {
                continue;
            }
            listed++;
            byte[] cdName = (e.cdName == null ? e.name : e.cdName).getBytes(StandardCharsets.UTF_8);
            u32(cd, 0x02014b50);
            u16(cd, e.unixMode >= 0 ? (3 << 8) | 20 : 20);
            u16(cd, 20);
            u16(cd, e.flags);
            u16(cd, e.cdMethod == null ? e.method : e.cdMethod);
            u32(cd, 0);
            u32(cd, e.cdCrc == null ? crc : e.cdCrc);
            u32(cd, e.cdCompressedSize == null ? payload.length : e.cdCompressedSize);
            u32(cd, e.data.length);
            u16(cd, cdName.length);
            u16(cd, 0);
            u16(cd, 0);
            u16(cd, 0);
            u16(cd, 0);
            u32(cd, e.unixMode >= 0 ? ((long) e.unixMode) << 16 : 0);
            u32(cd, offset);
            cd.writeBytes(cdName);
        }
        for (Alias alias : aliases) {
            long[] target = written.get(alias.target());
            listed++;
            byte[] name = alias.name().getBytes(StandardCharsets.UTF_8);
            u32(cd, 0x02014b50);
            u16(cd, 20);
            u16(cd, 20);
            u16(cd, 0);
            u16(cd, alias.target().method);
            u32(cd, 0);
            u32(cd, target[2]);
            u32(cd, target[1]);
            u32(cd, alias.target().data.length);
            u16(cd, name.length);
            u16(cd, 0);
            u16(cd, 0);
            u16(cd, 0);
            u16(cd, 0);
            u32(cd, 0);
            u32(cd, target[0]);
            cd.writeBytes(name);
        }
        long cdOffset = out.size() - prefix.length;
        out.writeBytes(cd.toByteArray());
        u32(out, 0x06054b50);
        u16(out, 0);
        u16(out, 0);
        u16(out, listed);
        u16(out, listed);
        u32(out, cd.size());
        u32(out, cdOffset);
        u16(out, 0);
        return out.toByteArray();
    }

    static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    static long crc(byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(data);
        return crc.getValue();
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write(v & 0xff);
        out.write((v >>> 8) & 0xff);
    }

    private static void u32(ByteArrayOutputStream out, long v) {
        u16(out, (int) (v & 0xffff));
        u16(out, (int) ((v >>> 16) & 0xffff));
    }
}
