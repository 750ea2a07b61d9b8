package io.modelgate.scanner.coreml;

import io.modelgate.scanner.analysis.Deadline;
import io.modelgate.scanner.ops.Distinct;
import io.modelgate.scanner.protobuf.ProtoFormatException;
import io.modelgate.scanner.protobuf.ProtoReader;
import io.modelgate.scanner.protobuf.WireType;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads a Core ML Model message (Model.proto) for what runs code or reads files: the model type of every model,
 * nested pipeline models included; every neural network layer, with the networks inside branch and loop layers; the
 * operations of ML programs with their nested blocks and the weight files their values name; custom models and
 * linked models. Nesting is bounded by the protobuf reader's depth limit.
 */
final class CoremlModelReader {

    private static final int MAX_NAME = 512;

    /** What the model holds and what the analyser judges. */
    static final class Inventory {
        final Map<String, Long> modelTypes = new TreeMap<>();
        final Map<String, Long> layerTypes = new TreeMap<>();
        final Map<String, Long> operationTypes = new TreeMap<>();
        final List<String[]> customLayers = new ArrayList<>();
        final List<String> customModels = new ArrayList<>();
        final Set<String> weightFiles = new TreeSet<>();
        final List<String[]> linkedModels = new ArrayList<>();
        final List<String> unanalysed = new ArrayList<>();
        /** Distinct names of what the analyser reports (custom classes, linked files), bounded. */
        private final Set<String> reported = new HashSet<>();
        boolean truncated;
        long specificationVersion;

        void customLayer(String layer, String className) {
            if (keep("layer " + className)) {
                customLayers.add(new String[]{layer, className});
            }
        }

        void customModel(String className) {
            if (keep("model " + className)) {
                customModels.add(className);
            }
        }

        void linkedModel(String file, String searchPath) {
            if (keep("linked " + file + " " + searchPath)) {
                linkedModels.add(new String[]{file, searchPath});
            }
        }

        void weightFile(String file) {
            if (!Distinct.add(weightFiles, file)) {
                truncated = true;
            }
        }

        /** True the first time a name is seen; a name beyond the bound marks the inventory truncated. */
        private boolean keep(String key) {
            if (reported.contains(key)) {
                return false;
            }
            if (!Distinct.add(reported, key)) {
                truncated = true;
                return false;
            }
            return true;
        }
    }

    private final Deadline deadline;
    private final Inventory inventory = new Inventory();
    private long visited;

    CoremlModelReader(Deadline deadline) {
        this.deadline = deadline;
    }

    Inventory read(ProtoReader root) throws IOException {
        model(root, true);
        return inventory;
    }

    private void model(ProtoReader model, boolean top) throws IOException {
        boolean typed = false;
        while (model.next()) {
            int field = model.field();
            if (field == CoremlFields.SPECIFICATION_VERSION && model.wireType() == WireType.VARINT && top) {
                inventory.specificationVersion = model.varint();
                continue;
            }
            if (field < 200) {
                continue;
            }
            String type = CoremlFields.MODEL_TYPES.get(field);
            if (type == null || model.wireType() != WireType.LEN) {
                throw new ProtoFormatException("model type field " + field + " is not one of the Core ML "
                        + "specification");
            }
            typed = true;
            Distinct.count(inventory.modelTypes, type);
            switch (field) {
                case CoremlFields.PIPELINE_CLASSIFIER, CoremlFields.PIPELINE_REGRESSOR -> {
                    ProtoReader wrapper = model.message();
                    while (wrapper.next()) {
                        if (wrapper.field() == 1) {
                            pipeline(wrapper.message());
                        }
                    }
                }
                case CoremlFields.PIPELINE -> pipeline(model.message());
                case CoremlFields.NEURAL_NETWORK, CoremlFields.NEURAL_NETWORK_CLASSIFIER,
                        CoremlFields.NEURAL_NETWORK_REGRESSOR -> network(model.message());
                case CoremlFields.ML_PROGRAM -> program(model.message());
                case CoremlFields.CUSTOM_MODEL -> inventory.customModel(className(model.message()));
                case CoremlFields.LINKED_MODEL -> linked(model.message());
                case CoremlFields.SERIALIZED_MODEL -> inventory.unanalysed.add("a private serialized model");
                default -> {
                    // parameters only: trees, GLMs, encoders and Apple's built-in feature extractors
                }
            }
        }
        if (!typed) {
            throw new ProtoFormatException("the model has no model type");
        }
    }

    private void pipeline(ProtoReader pipeline) throws IOException {
        while (pipeline.next()) {
            if (pipeline.field() == 1) {
                model(pipeline.message(), false);
            }
        }
    }

    /** NeuralNetwork, NeuralNetworkClassifier and NeuralNetworkRegressor all hold their layers in field 1. */
    private void network(ProtoReader network) throws IOException {
        while (network.next()) {
            if (network.field() == 1) {
                layer(network.message());
            }
        }
    }

    private void layer(ProtoReader layer) throws IOException {
        tick();
        String name = "";
        while (layer.next()) {
            int field = layer.field();
            if (field == CoremlFields.LAYER_NAME && layer.wireType() == WireType.LEN) {
                name = layer.string(MAX_NAME);
                continue;
            }
            if (field < CoremlFields.FIRST_LAYER_TYPE || layer.wireType() != WireType.LEN) {
                continue;
            }
            Distinct.count(inventory.layerTypes, layerLabel(field));
            switch (field) {
                case CoremlFields.LAYER_CUSTOM -> inventory.customLayer(name, className(layer.message()));
                case CoremlFields.LAYER_BRANCH -> subnetworks(layer.message(), 1, 2);
                case CoremlFields.LAYER_LOOP -> subnetworks(layer.message(), 3, 4);
                default -> {
                }
            }
        }
    }

    private void subnetworks(ProtoReader params, int first, int second) throws IOException {
        while (params.next()) {
            if ((params.field() == first || params.field() == second) && params.wireType() == WireType.LEN) {
                network(params.message());
            }
        }
    }

    private static String layerLabel(int field) {
        return switch (field) {
            case CoremlFields.LAYER_CUSTOM -> "custom";
            case CoremlFields.LAYER_BRANCH -> "branch";
            case CoremlFields.LAYER_LOOP -> "loop";
            default -> "layer:" + field;
        };
    }

    /** CustomModel and CustomLayerParams both name their class in field 10. */
    private static String className(ProtoReader custom) throws IOException {
        String name = "";
        while (custom.next()) {
            if (custom.field() == 10 && custom.wireType() == WireType.LEN) {
                name = custom.string(MAX_NAME);
            }
        }
        return name;
    }

    private void linked(ProtoReader linked) throws IOException {
        while (linked.next()) {
            if (linked.field() == 1 && linked.wireType() == WireType.LEN) {
                String file = "";
                String searchPath = "";
                ProtoReader reference = linked.message();
                while (reference.next()) {
                    if (reference.wireType() == WireType.LEN && (reference.field() == 1 || reference.field() == 2)) {
                        String value = stringParameter(reference.message());
                        if (reference.field() == 1) {
                            file = value;
                        } else {
                            searchPath = value;
                        }
                    }
                }
                inventory.linkedModel(file, searchPath);
            }
        }
    }

    private static String stringParameter(ProtoReader parameter) throws IOException {
        String value = "";
        while (parameter.next()) {
            if (parameter.field() == 1 && parameter.wireType() == WireType.LEN) {
                value = parameter.string(MAX_NAME);
            }
        }
        return value;
    }

    /** MIL Program: functions (2, map) → Function block_specializations (3, map) → Block. */
    private void program(ProtoReader program) throws IOException {
        while (program.next()) {
            if (program.field() == 2 && program.wireType() == WireType.LEN) {
                ProtoReader function = mapValue(program.message());
                while (function != null && function.next()) {
                    if (function.field() == 3 && function.wireType() == WireType.LEN) {
                        ProtoReader block = mapValue(function.message());
                        if (block != null) {
                            block(block);
                        }
                    }
                }
            }
        }
    }

    /** The value (field 2) of a map entry, null when absent. */
    private static ProtoReader mapValue(ProtoReader entry) throws IOException {
        ProtoReader value = null;
        while (entry.next()) {
            if (entry.field() == 2 && entry.wireType() == WireType.LEN) {
                value = entry.message();
            }
        }
        return value;
    }

    private void block(ProtoReader block) throws IOException {
        while (block.next()) {
            if (block.field() == 3 && block.wireType() == WireType.LEN) {
                operation(block.message());
            } else if (block.field() == 4 && block.wireType() == WireType.LEN) {
                attribute(block.message());
            }
        }
    }

    private void operation(ProtoReader operation) throws IOException {
        tick();
        while (operation.next()) {
            if (operation.wireType() != WireType.LEN) {
                continue;
            }
            switch (operation.field()) {
                case 1 -> Distinct.count(inventory.operationTypes, operation.string(MAX_NAME));
                case 2 -> argument(mapValue(operation.message()));
                case 4 -> block(operation.message());
                case 5 -> attribute(operation.message());
                default -> {
                }
            }
        }
    }

    /** Argument: bindings (1), each a name (1) or a Value (2). */
    private void argument(ProtoReader argument) throws IOException {
        while (argument != null && argument.next()) {
            if (argument.field() == 1 && argument.wireType() == WireType.LEN) {
                ProtoReader binding = argument.message();
                while (binding.next()) {
                    if (binding.field() == 2 && binding.wireType() == WireType.LEN) {
                        value(binding.message());
                    }
                }
            }
        }
    }

    private void attribute(ProtoReader entry) throws IOException {
        ProtoReader value = mapValue(entry);
        if (value != null) {
            value(value);
        }
    }

    /** Value: a blob file value (5) names its weight file in field 1. */
    private void value(ProtoReader value) throws IOException {
        while (value.next()) {
            if (value.field() == 5 && value.wireType() == WireType.LEN) {
                ProtoReader blob = value.message();
                while (blob.next()) {
                    if (blob.field() == 1 && blob.wireType() == WireType.LEN) {
                        inventory.weightFile(blob.string(4096));
                    }
                }
            }
        }
    }

    private void tick() throws IOException {
        if ((++visited & 0xfff) == 0) {
            deadline.check();
        }
    }
}
