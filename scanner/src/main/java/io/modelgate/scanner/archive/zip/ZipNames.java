package io.modelgate.scanner.archive.zip;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Decodes entry names as Python's zipfile does: UTF-8 when flag bit 11 is set, else code page 437. */
final class ZipNames {

    private static final int UTF8_FLAG = 1 << 11;
    private static final Charset CP437 = cp437();

    private ZipNames() {
    }

    static String decode(byte[] raw, int flags) {
        return new String(raw, (flags & UTF8_FLAG) != 0 ? StandardCharsets.UTF_8 : CP437);
    }

    private static Charset cp437() {
        try {
            return Charset.forName("IBM437");
        } catch (IllegalArgumentException e) {
            return StandardCharsets.ISO_8859_1;
        }
    }
}
