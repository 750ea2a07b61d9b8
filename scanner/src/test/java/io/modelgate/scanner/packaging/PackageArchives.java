package io.modelgate.scanner.packaging;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds package archives the way npm pack, pip wheel and the jar tool lay them out. */
final class PackageArchives {

    private final Map<String, byte[]> entries = new LinkedHashMap<>();

    PackageArchives add(String name, byte[] data) {
        entries.put(name, data);
        return this;
    }

    PackageArchives add(String name, String text) {
        return add(name, text.getBytes(StandardCharsets.UTF_8));
    }

    byte[] tgz() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
                entry.setSize(e.getValue().length);
                entry.setMode(e.getKey().contains("/bin/") ? 0755 : 0644);
                tar.putArchiveEntry(entry);
                tar.write(e.getValue());
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    byte[] zip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A minimal 64-bit ELF shared object header, as a native addon or bundled library starts. */
    static byte[] elf() {
        ByteBuffer b = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[]{0x7f, 'E', 'L', 'F', 2, 1, 1, 0}).position(16);
        b.putShort((short) 3).putShort((short) 0x3e).putInt(1);
        return b.array();
    }

    static byte[] fixture(String relative) {
        try {
            return Files.readAllBytes(Path.of("..", "fixtures").resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
