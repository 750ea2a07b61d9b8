package io.modelgate.scanner.coreml;

import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.analysis.FormatAnalyzer;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.ops.OpTally;
import io.modelgate.scanner.protobuf.ProtoReader;

import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * Core ML models ({@code .mlmodel}, and the {@code model.mlmodel} inside an {@code .mlpackage}): custom layers and
 * custom models run application code and are reviewed; weight files an ML program reads from outside its package
 * are findings; linked models are reviewed; a private serialized model is not analysed and fails closed.
 */
public final class CoremlAnalyzer implements FormatAnalyzer {

    /** The prefix Core ML resolves to the model package itself. */
    private static final String PACKAGE_ROOT = "@model_path/";

    @Override
    public Set<ModelFormat> formats() {
        return Set.of(ModelFormat.COREML);
    }

    @Override
    public void analyze(ByteSource source, AnalysisContext context) throws IOException {
        CoremlModelReader.Inventory inventory = new CoremlModelReader(context.deadline())
                .read(ProtoReader.of(source, ProtoReader.DEFAULT_MAX_DEPTH));
        context.fact("coreml.specificationVersion", inventory.specificationVersion);
        context.fact("coreml.modelTypes", inventory.modelTypes);
        if (!inventory.layerTypes.isEmpty()) {
            context.fact("coreml.layerTypes", inventory.layerTypes);
        }
        if (!inventory.operationTypes.isEmpty()) {
            context.fact("coreml.operationTypes", inventory.operationTypes);
        }
        for (String[] layer : inventory.customLayers) {
            context.report(CoremlRules.CUSTOM_LAYER, layer[1], "Layer '" + layer[0] + "' is a custom layer run by the "
                    + "application's class '" + layer[1] + "'.");
        }
        for (String model : inventory.customModels) {
            context.report(CoremlRules.CUSTOM_MODEL, model, "The model is computed by the application's class '"
                    + model + "'.");
        }
        for (String[] linked : inventory.linkedModels) {
            context.report(CoremlRules.LINKED_MODEL, linked[0], "The model links '" + linked[0] + "' (search path '"
                    + linked[1] + "').");
        }
        Set<String> files = inventory.weightFiles;
        for (String file : files) {
            if (escapes(file)) {
                context.report(CoremlRules.WEIGHT_FILE_ESCAPES, file, "An ML program value reads its weights from '"
                        + file + "', outside the model package.");
            }
        }
        if (!files.isEmpty()) {
            context.fact("coreml.weightFiles", List.copyOf(files));
        }
        if (inventory.truncated) {
            context.limitReached("more than " + OpTally.MAX_DISTINCT + " distinct custom classes, linked models or "
                    + "weight files");
        }
        for (String reason : inventory.unanalysed) {
            context.incomplete("format not analysed: the Core ML model holds " + reason);
        }
    }

    /** Absolute, drive-letter and '..' paths leave the package. */
    static boolean escapes(String file) {
        String path = file.startsWith(PACKAGE_ROOT) ? file.substring(PACKAGE_ROOT.length()) : file;
        String normal = path.replace('\\', '/');
        if (normal.startsWith("/") || normal.matches("^[A-Za-z]:.*")) {
            return true;
        }
        for (String segment : normal.split("/")) {
            if (segment.equals("..")) {
                return true;
            }
        }
        return false;
    }
}
