package io.modelgate.scanner.keras;

import io.modelgate.scanner.detect.Detection;
import io.modelgate.scanner.detect.FormatDetector;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.protobuf.ProtoReader;
import io.modelgate.scanner.protobuf.WireType;

import java.io.IOException;
import java.util.Optional;

/**
 * Recognises {@code keras_metadata.pb} of a tf.keras SavedModel: a SavedMetadata proto whose first node
 * carries only SavedObject fields and a {@code _tf_keras_*} identifier.
 */
public final class KerasMetadataDetector implements FormatDetector {

    static final String IDENTIFIER_PREFIX = "_tf_keras_";

    @Override
    public Optional<Detection> detect(ByteSource source, byte[] head, String name) {
        if (head.length < 2 || head[0] != 0x0a) {
            return Optional.empty();
        }
        try {
            ProtoReader metadata = ProtoReader.of(source, 4);
            if (!metadata.next() || metadata.field() != 1 || metadata.wireType() != WireType.LEN) {
                return Optional.empty();
            }
            return kerasObject(metadata.message())
                    ? Optional.of(new Detection(ModelFormat.KERAS_SAVED_METADATA, "tf.keras SavedModel metadata"))
                    : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean kerasObject(ProtoReader object) throws IOException {
        boolean identified = false;
        while (object.next()) {
            int field = object.field();
            WireType expected = field == 2 ? WireType.VARINT : WireType.LEN;
            if (field < 1 || field > 6 || object.wireType() != expected) {
                return false;
            }
            if (field == 4) {
                identified = object.length() <= 64 && object.string(64).startsWith(IDENTIFIER_PREFIX);
            }
        }
        return identified;
    }
}
