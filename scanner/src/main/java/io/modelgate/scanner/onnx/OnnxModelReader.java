package io.modelgate.scanner.onnx;

import io.modelgate.scanner.analysis.Deadline;
import io.modelgate.scanner.protobuf.ProtoReader;

import java.io.IOException;

/**
 * Walks a ModelProto: the main graph, training graphs, model-local functions, and every subgraph held in
 * node attributes (If branches, Loop and Scan bodies), recursively. Nesting is bounded by the reader's
 * depth limit. Tensors go to the checker, everything else to the inventory.
 */
final class OnnxModelReader {

    private static final int MAX_TEXT = 1024;

    private final TensorChecker tensors;
    private final OnnxInventory inventory;
    private final Deadline deadline;

    OnnxModelReader(TensorChecker tensors, OnnxInventory inventory, Deadline deadline) {
        this.tensors = tensors;
        this.inventory = inventory;
        this.deadline = deadline;
    }

    void readModel(ProtoReader model) throws IOException {
        String producerName = "";
        String producerVersion = "";
        while (model.next()) {
            switch (model.field()) {
                case 1 -> inventory.irVersion(model.varint());
                case 2 -> producerName = model.string(MAX_TEXT);
                case 3 -> producerVersion = model.string(MAX_TEXT);
                case 7 -> readGraph(model.message(), "the main graph", true);
                case 8 -> readOpset(model.message());
                case 20 -> readTrainingInfo(model.message());
                case 25 -> readFunction(model.message());
                default -> {
                }
            }
        }
        if (!producerName.isEmpty() || !producerVersion.isEmpty()) {
            inventory.producer(producerName, producerVersion);
        }
    }

    private void readOpset(ProtoReader opset) throws IOException {
        String domain = "";
        long version = 0;
        while (opset.next()) {
            if (opset.field() == 1) {
                domain = opset.string(MAX_TEXT);
            } else if (opset.field() == 2) {
                version = opset.varint();
            }
        }
        inventory.opset(domain, version);
    }

    private void readTrainingInfo(ProtoReader info) throws IOException {
        while (info.next()) {
            if (info.field() == 1 || info.field() == 2) {
                readGraph(info.message(), "a training graph", false);
            }
        }
    }

    private void readFunction(ProtoReader function) throws IOException {
        String name = "";
        String domain = "";
        while (function.next()) {
            switch (function.field()) {
                case 1 -> name = function.string(MAX_TEXT);
                case 7 -> readNode(function.message(), "function '" + name + "'");
                case 10 -> domain = function.string(MAX_TEXT);
                case 11 -> readAttribute(function.message(), "function '" + name + "'");
                default -> {
                }
            }
        }
        inventory.localFunction(domain, name);
    }

    private void readGraph(ProtoReader graph, String scope, boolean countInitializers) throws IOException {
        while (graph.next()) {
            deadline.check();
            switch (graph.field()) {
                case 1 -> readNode(graph.message(), scope);
                case 5 -> {
                    OnnxTensor tensor = TensorReader.read(graph.message());
                    tensors.check(tensor);
                    if (countInitializers) {
                        inventory.initializer(tensor);
                    }
                }
                case 15 -> readSparseTensor(graph.message());
                default -> {
                }
            }
        }
    }

    private void readNode(ProtoReader node, String scope) throws IOException {
        String name = "";
        String opType = "";
        String domain = "";
        while (node.next()) {
            switch (node.field()) {
                case 3 -> name = node.string(MAX_TEXT);
                case 4 -> opType = node.string(MAX_TEXT);
                case 5 -> readAttribute(node.message(), name.isEmpty() ? scope : "node '" + name + "'");
                case 7 -> domain = node.string(MAX_TEXT);
                default -> {
                }
            }
        }
        inventory.node(domain, opType, name, scope);
    }

    private void readAttribute(ProtoReader attribute, String owner) throws IOException {
        String name = "";
        while (attribute.next()) {
            switch (attribute.field()) {
                case 1 -> name = attribute.string(MAX_TEXT);
                case 5, 10 -> tensors.check(TensorReader.read(attribute.message()));
                case 6, 11 -> readGraph(attribute.message(), "subgraph '" + name + "' of " + owner, false);
                case 22, 23 -> readSparseTensor(attribute.message());
                default -> {
                }
            }
        }
    }

    private void readSparseTensor(ProtoReader sparse) throws IOException {
        while (sparse.next()) {
            if (sparse.field() == 1 || sparse.field() == 2) {
                tensors.check(TensorReader.read(sparse.message()));
            }
        }
    }
}
