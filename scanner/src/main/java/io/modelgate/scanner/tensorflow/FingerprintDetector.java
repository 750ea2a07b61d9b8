package io.modelgate.scanner.tensorflow;

import io.modelgate.scanner.detect.Detection;
import io.modelgate.scanner.detect.FormatDetector;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.protobuf.ProtoReader;
import io.modelgate.scanner.protobuf.WireType;

import java.io.IOException;
import java.util.Optional;

/**
 * Recognises a SavedModel's {@code fingerprint.pb} (FingerprintDef: five 64-bit hashes as varints and a
 * VersionDef): hashes only, identified so that it is not taken for an unread model.
 */
public final class FingerprintDetector implements FormatDetector {

    private static final long MAX_BYTES = 1024;

    @Override
    public Optional<Detection> detect(ByteSource source, byte[] head, String name) {
        if (source.size() > MAX_BYTES || head.length < 2 || head[0] != 0x08) {
            return Optional.empty();
        }
        try {
            return isFingerprint(source)
                    ? Optional.of(new Detection(ModelFormat.TF_FINGERPRINT, "SavedModel fingerprint structure"))
                    : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean isFingerprint(ByteSource source) throws IOException {
        ProtoReader fingerprint = ProtoReader.of(source, 2);
        int hashes = 0;
        while (fingerprint.next()) {
            int field = fingerprint.field();
            if (field >= 1 && field <= 5 && fingerprint.wireType() == WireType.VARINT) {
                hashes++;
            } else if (field == 6 && fingerprint.wireType() == WireType.LEN) {
                if (!isVersionDef(fingerprint.message())) {
                    return false;
                }
            } else {
                return false;
            }
        }
        return hashes >= 3;
    }

    private static boolean isVersionDef(ProtoReader version) throws IOException {
        while (version.next()) {
            if (version.field() > 3 || (version.wireType() != WireType.VARINT && version.wireType() != WireType.LEN)) {
                return false;
            }
        }
        return true;
    }
}
