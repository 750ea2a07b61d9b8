package io.modelgate.scanner.safetensors;

import io.modelgate.scanner.model.Rule;
import io.modelgate.scanner.model.Severity;

import java.util.List;

/** Rules of the safetensors analyser and of the shard-index check. */
public final class SafetensorsRules {

    public static final Rule MALFORMED_HEADER = new Rule("MG-ST-001", Severity.HIGH, "integrity",
            "Malformed safetensors header",
            "The header length, JSON or tensor entries break the safetensors format (header past the end of the "
                    + "file, invalid JSON, duplicate keys, bad shape or offsets). Parsers disagree on such files, which "
                    + "is how a checked file can load differently from what was checked. Re-export the weights.");
    public static final Rule BAD_LAYOUT = new Rule("MG-ST-002", Severity.HIGH, "integrity",
            "Tensor byte ranges inconsistent",
            "A tensor's byte range does not match its shape and dtype, lies outside the data section, overlaps "
                    + "another tensor, or leaves bytes no tensor accounts for (gaps, trailing data). Unindexed bytes "
                    + "can carry a hidden payload (polyglot file); the reference loader rejects such files.");
    public static final Rule UNKNOWN_DTYPE = new Rule("MG-ST-003", Severity.MEDIUM, "unknown",
            "Unknown tensor dtype",
            "A tensor uses a dtype this scanner does not know, so its size could not be checked against its byte "
                    + "range. Newer safetensors versions add dtypes; review the file or update ModelGate.");
    public static final Rule CODE_IN_METADATA = new Rule("MG-ST-004", Severity.MEDIUM, "metadata",
            "Code or template in safetensors metadata",
            "A __metadata__ value contains what looks like Python or shell code or a Jinja template. Weights need "
                    + "no code; tooling that evaluates metadata could run it. Review the value.");
    public static final Rule URL_IN_METADATA = new Rule("MG-ST-005", Severity.LOW, "metadata",
            "URL in safetensors metadata",
            "A __metadata__ value contains a URL. Usually a licence or project link; review it if tooling fetches "
                    + "metadata URLs.");
    public static final Rule SHARD_MISSING = new Rule("MG-ST-010", Severity.HIGH, "integrity",
            "Shard named by the index is missing",
            "The shard index maps tensors to a file that is not in the folder (or is not a regular file inside "
                    + "it). The model cannot load as published and the missing weights were not scanned.");
    public static final Rule SHARD_MAPPING = new Rule("MG-ST-011", Severity.HIGH, "integrity",
            "Shard index disagrees with the shards",
            "A tensor is not in the shard the index names, is in more than one shard, or a shard holds a tensor "
                    + "the index does not list. Loaders then take weights from an unexpected file.");
    public static final Rule TOTAL_SIZE = new Rule("MG-ST-012", Severity.MEDIUM, "integrity",
            "Shard index total_size is wrong",
            "metadata.total_size differs from the sum of the tensor byte sizes in the shards: the index was not "
                    + "written for these shards.");
    public static final Rule UNREFERENCED_SHARD = new Rule("MG-ST-013", Severity.LOW, "integrity",
            "Weight file not referenced by the shard index",
            "A weights file of the sharded model sits next to the index but the index maps no tensor to it; "
                    + "loaders ignore it, so its presence is unexplained.");
    public static final Rule MALFORMED_INDEX = new Rule("MG-ST-014", Severity.HIGH, "integrity",
            "Malformed shard index",
            "The shard index is not valid JSON of the expected shape (weight_map of tensor name to file name, "
                    + "file names inside the model folder).");

    public static final List<Rule> ALL = List.of(MALFORMED_HEADER, BAD_LAYOUT, UNKNOWN_DTYPE, CODE_IN_METADATA,
            URL_IN_METADATA, SHARD_MISSING, SHARD_MAPPING, TOTAL_SIZE, UNREFERENCED_SHARD, MALFORMED_INDEX);

    private SafetensorsRules() {
    }
}
