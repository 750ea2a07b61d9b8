package io.modelgate.scanner.protobuf;

/** Plausibility of string fields, for detectors telling protobuf messages from other binary data. */
public final class ProtoText {

    private ProtoText() {
    }

    /** True when the bytes hold no control characters other than tab (names, versions, producers). */
    public static boolean isText(byte[] bytes) {
        for (byte b : bytes) {
            if ((b & 0xff) < 0x20 && b != '\t') {
                return false;
            }
        }
        return true;
    }
}
