package io.modelgate.scanner.coreml;

import java.util.Map;

/** Field numbers of Model.proto's model types (the {@code Type} oneof) and what they hold. */
final class CoremlFields {

    static final int SPECIFICATION_VERSION = 1;
    static final int DESCRIPTION = 2;
    static final int PIPELINE_CLASSIFIER = 200;
    static final int PIPELINE_REGRESSOR = 201;
    static final int PIPELINE = 202;
    static final int NEURAL_NETWORK_REGRESSOR = 303;
    static final int NEURAL_NETWORK_CLASSIFIER = 403;
    static final int NEURAL_NETWORK = 500;
    static final int ML_PROGRAM = 502;
    static final int CUSTOM_MODEL = 555;
    static final int LINKED_MODEL = 556;
    static final int SERIALIZED_MODEL = 3000;

    /** Every model type of the specification (up to version 9), by field number. */
    static final Map<Integer, String> MODEL_TYPES = Map.ofEntries(
            Map.entry(200, "pipelineClassifier"), Map.entry(201, "pipelineRegressor"), Map.entry(202, "pipeline"),
            Map.entry(300, "glmRegressor"), Map.entry(301, "supportVectorRegressor"),
            Map.entry(302, "treeEnsembleRegressor"), Map.entry(303, "neuralNetworkRegressor"),
            Map.entry(304, "bayesianProbitRegressor"), Map.entry(400, "glmClassifier"),
            Map.entry(401, "supportVectorClassifier"), Map.entry(402, "treeEnsembleClassifier"),
            Map.entry(403, "neuralNetworkClassifier"), Map.entry(404, "kNearestNeighborsClassifier"),
            Map.entry(500, "neuralNetwork"), Map.entry(501, "itemSimilarityRecommender"), Map.entry(502, "mlProgram"),
            Map.entry(555, "customModel"), Map.entry(556, "linkedModel"), Map.entry(560, "classConfidenceThresholding"),
            Map.entry(600, "oneHotEncoder"), Map.entry(601, "imputer"), Map.entry(602, "featureVectorizer"),
            Map.entry(603, "dictVectorizer"), Map.entry(604, "scaler"), Map.entry(606, "categoricalMapping"),
            Map.entry(607, "normalizer"), Map.entry(609, "arrayFeatureExtractor"),
            Map.entry(610, "nonMaximumSuppression"), Map.entry(900, "identity"), Map.entry(2000, "textClassifier"),
            Map.entry(2001, "wordTagger"), Map.entry(2002, "visionFeaturePrint"),
            Map.entry(2003, "soundAnalysisPreprocessing"), Map.entry(2004, "gazetteer"), Map.entry(2005, "wordEmbedding"),
            Map.entry(2006, "audioFeaturePrint"), Map.entry(3000, "serializedModel"));

    /** NeuralNetworkLayer: the layer oneof fields that hold code or further networks. */
    static final int LAYER_NAME = 1;
    static final int LAYER_CUSTOM = 500;
    static final int LAYER_BRANCH = 605;
    static final int LAYER_LOOP = 615;
    /** Field numbers below this are the layer's own (name, inputs, outputs, tensors, updatable). */
    static final int FIRST_LAYER_TYPE = 10;

    private CoremlFields() {
    }
}
