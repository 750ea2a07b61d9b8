package io.modelgate.scanner.tensorflow;

import java.util.Optional;

/**
 * What a TensorFlow operation reaches outside the computation, for formats that run TensorFlow kernels by name
 * (TFLite Flex operations). The same table as the SavedModel audit uses.
 */
public enum OpCapability {
    PYTHON, FILE_WRITE, FILE_READ, NETWORK, DIAGNOSTIC, PATH_INPUT, GRAPH_INPUT;

    public static Optional<OpCapability> of(String op) {
        return OpRisk.of(op).map(risk -> valueOf(risk.name()));
    }
}
