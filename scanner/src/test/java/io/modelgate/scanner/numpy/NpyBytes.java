package io.modelgate.scanner.numpy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds .npy files the way NumPy writes them, or deliberately not. */
final class NpyBytes {

    private NpyBytes() {
    }

    static byte[] npy(String header, byte[] payload) {
        return npy(1, header, payload);
    }

    /** Header padded with spaces and a newline so the preamble is 64-byte aligned, as NumPy does. */
    static byte[] npy(int major, String header, byte[] payload) {
        int lengthBytes = major == 1 ? 2 : 4;
        byte[] text = header.getBytes(major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        int unpadded = 8 + lengthBytes + text.length + 1;
        int padding = (64 - unpadded % 64) % 64;
        byte[] padded = new byte[text.length + padding + 1];
        System.arraycopy(text, 0, padded, 0, text.length);
        java.util.Arrays.fill(padded, text.length, padded.length - 1, (byte) ' ');
        padded[padded.length - 1] = '\n';
        return raw(major, padded.length, padded, payload);
    }

    /** A preamble with an arbitrary declared header length. */
    static byte[] raw(int major, long declaredLength, byte[] header, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        int lengthBytes = major == 1 ? 2 : 4;
        for (int i = 0; i < lengthBytes; i++) {
            out.write((int) (declaredLength >>> (8 * i)) & 0xff);
        }
        out.writeBytes(header);
        out.writeBytes(payload);
        return out.toByteArray();
    }
}
