package io.modelgate.scanner.coreml;

import io.modelgate.scanner.detect.Detection;
import io.modelgate.scanner.detect.FormatDetector;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.protobuf.ProtoReader;
import io.modelgate.scanner.protobuf.WireType;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * A Core ML Model message, which has no magic number: a plausible specification version, and a model type field
 * of the specification's {@code Type} oneof, among top-level fields that are all Model fields. A {@code .mlmodel}
 * name with other binary content is claimed too, so the analyser fails it closed.
 */
public final class CoremlDetector implements FormatDetector {

    private static final int MAX_FIELDS = 16;
    private static final long MAX_SPECIFICATION_VERSION = 100;

    @Override
    public Optional<Detection> detect(ByteSource source, byte[] head, String name) {
        try {
            if (plausibleModel(source)) {
                return Optional.of(new Detection(ModelFormat.COREML, "Core ML Model message structure"));
            }
        } catch (IOException | RuntimeException e) {
            // not a Core ML model; the name may still claim it below
        }
        if (name != null && name.toLowerCase(Locale.ROOT).endsWith(".mlmodel") && head.length > 0) {
            return Optional.of(new Detection(ModelFormat.COREML, "named .mlmodel"));
        }
        return Optional.empty();
    }

    private static boolean plausibleModel(ByteSource source) throws IOException {
        if (source.size() < 4) {
            return false;
        }
        ProtoReader model = ProtoReader.of(source, 2);
        boolean version = false;
        boolean type = false;
        for (int seen = 0; seen < MAX_FIELDS && model.next(); seen++) {
            int field = model.field();
            if (field == CoremlFields.SPECIFICATION_VERSION && model.wireType() == WireType.VARINT) {
                long value = model.varint();
                version = value >= 1 && value <= MAX_SPECIFICATION_VERSION;
            } else if (CoremlFields.MODEL_TYPES.containsKey(field) && model.wireType() == WireType.LEN) {
                type = true;
            } else if (!(field == CoremlFields.DESCRIPTION && model.wireType() == WireType.LEN)
                    && !(field == 10 && model.wireType() == WireType.VARINT)) {
                return false;
            }
        }
        return version && type;
    }
}
