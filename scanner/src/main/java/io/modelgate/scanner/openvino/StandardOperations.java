package io.modelgate.scanner.openvino;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The operation types of OpenVINO's standard operation sets (opset1 to opset17), as the IR names them:
 * constants are {@code Const} in the XML.
 */
final class StandardOperations {

    private static final Pattern OPSET = Pattern.compile("opset([1-9][0-9]?)");

    static final Set<String> TYPES = Set.of("Abs", "Acos", "Acosh", "AdaptiveAvgPool", "AdaptiveMaxPool", "Add",
            "Asin", "Asinh", "Assign", "Atan", "Atanh", "AvgPool", "BatchNormInference", "BatchToSpace",
            "BinaryConvolution", "BitwiseAnd", "BitwiseLeftShift", "BitwiseNot", "BitwiseOr", "BitwiseRightShift",
            "BitwiseXor", "Broadcast", "Bucketize", "BGRtoNV12", "CTCGreedyDecoder", "CTCGreedyDecoderSeqLen",
            "CTCLoss", "Ceiling", "Clamp", "Col2Im", "Concat", "Const", "Constant", "Convert", "ConvertLike",
            "ConvertPromoteTypes", "Convolution", "ConvolutionBackpropData", "Cos", "Cosh", "CumSum", "DFT",
            "DeformableConvolution", "DeformablePSROIPooling", "DepthToSpace", "DetectionOutput", "Divide", "Einsum",
            "Elu", "EmbeddingBagOffsets", "EmbeddingBagOffsetsSum", "EmbeddingBagPacked", "EmbeddingBagPackedSum",
            "EmbeddingSegmentsSum", "Equal", "Erf", "ErfInv", "Exp", "ExperimentalDetectronDetectionOutput",
            "ExperimentalDetectronGenerateProposalsSingleImage", "ExperimentalDetectronPriorGridGenerator",
            "ExperimentalDetectronROIFeatureExtractor", "ExperimentalDetectronTopKROIs", "ExtractImagePatches", "Eye",
            "FakeConvert", "FakeQuantize", "Floor", "FloorMod", "GRN", "GRUCell", "GRUSequence", "Gather",
            "GatherElements", "GatherND", "GatherTree", "Gelu", "GenerateProposals", "Greater", "GreaterEqual",
            "GridSample", "GroupConvolution", "GroupConvolutionBackpropData", "GroupNormalization", "HSigmoid", "HSwish",
            "HardSigmoid", "I420toBGR", "I420toRGB", "IDFT", "IRDFT", "ISTFT", "Identity", "If", "Interpolate",
            "Inverse", "IsFinite", "IsInf", "IsNaN", "LRN", "LSTMCell", "LSTMSequence", "Less", "LessEqual", "Log",
            "LogSoftmax", "LogicalAnd", "LogicalNot", "LogicalOr", "LogicalXor", "Loop", "MOE", "MVN", "MatMul",
            "MatrixNms", "MaxPool", "Maximum", "Minimum", "Mish", "Mod", "Multinomial", "MulticlassNms", "Multiply",
            "NMSRotated", "NV12toBGR", "NV12toRGB", "Negative", "NonMaxSuppression", "NonZero", "NormalizeL2",
            "NotEqual", "OneHot", "PRelu", "PSROIPooling", "Pad", "Parameter", "Power", "PriorBox", "PriorBoxClustered",
            "Proposal", "RDFT", "RGBtoNV12", "RNNCell", "RNNSequence", "ROIAlign", "ROIAlignRotated", "ROIPooling",
            "RandomUniform", "Range", "ReadValue", "ReduceL1", "ReduceL2", "ReduceLogicalAnd", "ReduceLogicalOr",
            "ReduceMax", "ReduceMean", "ReduceMin", "ReduceProd", "ReduceSum", "RegionYolo", "Relu", "ReorgYolo",
            "Reshape", "Result", "Reverse", "ReverseSequence", "Roll", "Round", "STFT", "ScaledDotProductAttention",
            "ScatterElementsUpdate", "ScatterNDUpdate", "ScatterUpdate", "SearchSorted", "SegmentMax", "Select", "Selu",
            "ShapeOf", "ShuffleChannels", "Sigmoid", "Sign", "Sin", "Sinh", "Slice", "SliceScatter", "SoftPlus",
            "SoftSign", "Softmax", "SpaceToBatch", "SpaceToDepth", "SparseConv", "SparseFillEmptyRows", "Split", "Sqrt",
            "SquaredDifference", "Squeeze", "StridedSlice", "StringTensorPack", "StringTensorUnpack", "Subtract", "Swish",
            "Tan", "Tanh", "TensorIterator", "Tile", "TopK", "Transpose", "Unique", "Unsqueeze", "VariadicSplit", "Xor");

    private StandardOperations() {
    }

    static boolean isStandard(String version, String type) {
        return version != null && OPSET.matcher(version).matches() && TYPES.contains(type);
    }
}
