package io.modelgate.scanner.tensorflow;

import io.modelgate.scanner.model.Rule;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * TensorFlow operations that reach outside the computation, by capability (the table is documented in
 * docs/weights-and-files.md). Checkpoint and asset operations are normal in SavedModels (the loader feeds
 * their paths), so they are only judged by where their path constants point. Debug operations whose
 * attributes name a network URL are judged as network access.
 */
enum OpRisk {
    /** Calls a Python function of the loading process. */
    PYTHON(TensorflowRules.PYTHON_CALLBACK, List.of("PyFunc", "PyFuncStateless", "EagerPyFunc")),
    /** Writes files whose name comes from the graph. */
    FILE_WRITE(TensorflowRules.FILE_WRITE, List.of("WriteFile", "DatasetToTFRecord", "ExperimentalDatasetToTFRecord",
            "SaveDataset", "SaveDatasetV2", "SnapshotDataset", "SnapshotDatasetV2", "SnapshotChunkDataset",
            "DistributedSave")),
    /** Reads files, lists directories or maps a file into memory. */
    FILE_READ(TensorflowRules.FILE_READ, List.of("ReadFile", "MatchingFiles", "MatchingFilesDataset",
            "ExperimentalMatchingFilesDataset", "ImmutableConst", "WholeFileReader", "WholeFileReaderV2",
            "TextLineReader", "TextLineReaderV2", "FixedLengthRecordReader", "FixedLengthRecordReaderV2",
            "TFRecordReader", "TFRecordReaderV2", "LMDBReader", "TextLineDataset", "TFRecordDataset",
            "TFRecordDatasetV2", "FixedLengthRecordDataset", "FixedLengthRecordDatasetV2", "LMDBDataset",
            "ExperimentalLMDBDataset", "SqlDataset", "ExperimentalSqlDataset", "CSVDataset", "CSVDatasetV2",
            "ExperimentalCSVDataset", "LoadDataset", "DecodeProtoV2", "RecordInput", "ListSnapshotChunksDataset",
            "SnapshotNestedDatasetReader", "FileSystemSetConfiguration")),
    /** Connects to or serves on a network address (RPC, the tf.data service). */
    NETWORK(TensorflowRules.NETWORK, List.of("RpcClient", "RpcCall", "RpcServer", "RpcServerStart",
            "RpcServerRegister", "DataServiceDataset", "DataServiceDatasetV2", "DataServiceDatasetV3",
            "DataServiceDatasetV4", "RegisterDataset", "RegisterDatasetV2")),
    /** Debug and summary output, to files or URLs named by attributes or inputs. */
    DIAGNOSTIC(TensorflowRules.DIAGNOSTIC_OUTPUT, List.of("DebugIdentity", "DebugIdentityV2", "DebugIdentityV3",
            "DebugNanCount", "DebugNumericSummary", "DebugNumericSummaryV2", "CreateSummaryFileWriter",
            "CreateSummaryDbWriter", "WriteSummary", "WriteRawProtoSummary", "WriteScalarSummary",
            "WriteHistogramSummary", "WriteImageSummary", "WriteAudioSummary", "WriteGraphSummary", "ImportEvent")),
    /** Normal in SavedModels (the loader feeds the path); checked for fixed outside paths only. */
    PATH_INPUT(null, List.of("SaveV2", "RestoreV2", "MergeV2Checkpoints", "Save", "SaveSlices", "Restore",
            "RestoreSlice", "ShardedFilename", "ShardedFilespec", "InitializeTableFromTextFile",
            "InitializeTableFromTextFileV2", "LoadAndRemapMatrix", "GenerateVocabRemapping", "CacheDataset",
            "CacheDatasetV2")),
    /** Rebuilds a graph from serialized bytes; the bytes are analysed as an embedded graph where they are constant. */
    GRAPH_INPUT(null, List.of("DatasetFromGraph"));

    private static final Map<String, OpRisk> BY_OP = new HashMap<>();

    static {
        for (OpRisk risk : values()) {
            for (String op : risk.ops) {
                BY_OP.put(op, risk);
            }
        }
    }

    private final Rule rule;
    private final List<String> ops;

    OpRisk(Rule rule, List<String> ops) {
        this.rule = rule;
        this.ops = ops;
    }

    static Optional<OpRisk> of(String op) {
        return Optional.ofNullable(BY_OP.get(op));
    }

    /** The rule a use of this operation raises, empty for operations judged by their inputs. */
    Optional<Rule> rule() {
        return Optional.ofNullable(rule);
    }
}
