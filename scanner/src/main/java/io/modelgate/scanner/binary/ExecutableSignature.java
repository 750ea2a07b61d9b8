package io.modelgate.scanner.binary;

import io.modelgate.scanner.io.ByteSource;

import java.io.IOException;
import java.util.Optional;

/**
 * Recognises native program headers from their structure, not just two magic bytes: ELF with a
 * valid class, byte order and version; PE with the "PE\0\0" signature where e_lfanew points; Mach-O
 * thin headers with a known file type; fat Mach-O with a small architecture count and a first
 * slice inside the file (which tells it apart from Java class files, also CAFEBABE).
 */
public final class ExecutableSignature {

    private static final long MAX_PE_OFFSET = 16L << 20;
    private static final int MAX_FAT_ARCHS = 30;

    private ExecutableSignature() {
    }

    public static Optional<String> identify(ByteSource source, byte[] head) throws IOException {
        if (head.length < 8) {
            return Optional.empty();
        }
        int magic = be32(head, 0);
        if (magic == 0x7f454c46) {
            return elf(head);
        }
        if (head[0] == 'M' && head[1] == 'Z') {
            return pe(source, head);
        }
        if (magic == 0xfeedface || magic == 0xfeedfacf) {
            return machO(head, true, magic == 0xfeedfacf);
        }
        if (magic == 0xcefaedfe || magic == 0xcffaedfe) {
            return machO(head, false, magic == 0xcffaedfe);
        }
        if (magic == 0xcafebabe || magic == 0xcafebabf) {
            return fat(source, head, magic == 0xcafebabf);
        }
        return Optional.empty();
    }

    private static Optional<String> elf(byte[] head) {
        int cls = head[4];
        int data = head[5];
        if ((cls != 1 && cls != 2) || (data != 1 && data != 2) || head[6] != 1) {
            return Optional.empty();
        }
        return Optional.of("ELF " + (cls == 1 ? "32" : "64") + "-bit " + (data == 1 ? "LSB" : "MSB"));
    }

    private static Optional<String> pe(ByteSource source, byte[] head) throws IOException {
        if (head.length < 64) {
            return Optional.empty();
        }
        long lfanew = le32(head, 0x3c) & 0xffffffffL;
        if (lfanew < 4 || lfanew > MAX_PE_OFFSET || lfanew + 24 > source.size()) {
            return Optional.empty();
        }
        byte[] signature = lfanew + 4 <= head.length ? java.util.Arrays.copyOfRange(head, (int) lfanew, (int) lfanew + 4)
                : source.readFully(lfanew, 4);
        boolean isPe = signature[0] == 'P' && signature[1] == 'E' && signature[2] == 0 && signature[3] == 0;
        return isPe ? Optional.of("PE (Windows) executable") : Optional.empty();
    }

    private static Optional<String> machO(byte[] head, boolean bigEndian, boolean is64) {
        if (head.length < 16) {
            return Optional.empty();
        }
        int fileType = bigEndian ? be32(head, 12) : le32(head, 12);
        if (fileType < 1 || fileType > 12) {
            return Optional.empty();
        }
        return Optional.of("Mach-O " + (is64 ? "64" : "32") + "-bit");
    }

    private static Optional<String> fat(ByteSource source, byte[] head, boolean is64) {
        long count = be32(head, 4) & 0xffffffffL;
        int entrySize = is64 ? 32 : 20;
        if (count < 1 || count > MAX_FAT_ARCHS || head.length < 8 + entrySize) {
            return Optional.empty();
        }
        int cpuType = be32(head, 8);
        long offset = is64 ? be64(head, 16) : be32(head, 16) & 0xffffffffL;
        long size = is64 ? be64(head, 24) : be32(head, 20) & 0xffffffffL;
        boolean knownCpu = (cpuType & 0x00ffffff) <= 24 && (cpuType & 0xfe000000) == 0;
        boolean inside = offset >= 8 + count * entrySize && size > 0 && offset <= source.size() && size <= source.size() - offset;
        return knownCpu && inside ? Optional.of("Mach-O universal binary") : Optional.empty();
    }

    static int be32(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }

    private static long be64(byte[] b, int at) {
        return ((long) be32(b, at) << 32) | (be32(b, at + 4) & 0xffffffffL);
    }

    private static int le32(byte[] b, int at) {
        return Integer.reverseBytes(be32(b, at));
    }
}
