package io.modelgate.scanner.keras;

import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.analysis.FormatAnalyzer;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.protobuf.ProtoReader;

import java.io.IOException;
import java.util.Set;

/**
 * {@code keras_metadata.pb}: every Keras object of a tf.keras SavedModel keeps its layer config as JSON
 * here, and {@code keras.models.load_model} rebuilds layers (Lambda bytecode included) from it. Each
 * object's JSON is checked like a model config.
 */
public final class KerasMetadataAnalyzer implements FormatAnalyzer {

    private static final int MAX_TEXT = 1024;

    @Override
    public Set<ModelFormat> formats() {
        return Set.of(ModelFormat.KERAS_SAVED_METADATA);
    }

    @Override
    public void analyze(ByteSource source, AnalysisContext context) throws IOException {
        KerasConfigInspector inspector = new KerasConfigInspector(context);
        ProtoReader metadata = ProtoReader.of(source, ProtoReader.DEFAULT_MAX_DEPTH);
        long nodes = 0;
        try {
            while (metadata.next()) {
                context.deadline().check();
                if (metadata.field() == 1) {
                    nodes++;
                    readObject(metadata.message(), inspector);
                }
            }
        } finally {
            context.fact("keras.savedObjects", nodes);
            inspector.reportFacts();
        }
    }

    private static void readObject(ProtoReader object, KerasConfigInspector inspector) throws IOException {
        String path = "";
        byte[] json = null;
        while (object.next()) {
            if (object.field() == 3) {
                path = object.string(MAX_TEXT);
            } else if (object.field() == 5) {
                json = object.bytes(KerasJson.MAX_CONFIG_BYTES);
            }
        }
        if (json != null && json.length > 0) {
            inspector.inspect(KerasJson.parse(json, "metadata of " + path), "the metadata of '" + path + "'");
        }
    }
}
