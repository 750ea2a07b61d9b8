package io.modelgate.scanner.safetensors;

import io.modelgate.scanner.analysis.FormatProblem;
import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.analysis.FormatAnalyzer;
import io.modelgate.scanner.config.ConfigInspection;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.metadata.MetadataInspector;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks a safetensors file: header length and JSON (strict, bounded), every tensor's size and
 * byte range, full coverage of the data section, and the free-text metadata. Records the tensor
 * inventory (names and shapes, bounded) for provenance.
 */
public final class SafetensorsAnalyzer implements FormatAnalyzer {

    /** Names and shapes kept as facts; enough to fingerprint a model family. */
    public static final int MAX_LISTED_TENSORS = 2000;
    private static final int MAX_METADATA_FACT_CHARS = 1024;
    private static final MetadataInspector METADATA = new MetadataInspector(SafetensorsRules.CODE_IN_METADATA,
            SafetensorsRules.URL_IN_METADATA, "safetensors");

    @Override
    public Set<ModelFormat> formats() {
        return Set.of(ModelFormat.SAFETENSORS);
    }

    @Override
    public void analyze(ByteSource source, AnalysisContext context) throws IOException {
        SafetensorsHeader header;
        try {
            header = new SafetensorsHeaderReader(context.limits().maxStringBytes()).read(source, context.deadline());
        } catch (MalformedSafetensorsException e) {
            context.report(SafetensorsRules.MALFORMED_HEADER, 0, null, e.getMessage());
            context.incomplete("safetensors header cannot be read: " + e.getMessage());
            return;
        }
        recordFacts(header, context);
        List<FormatProblem> problems = TensorLayoutCheck.check(header);
        FormatProblem.reportAll(problems, FormatProblem.MAX_REPORTED, SafetensorsRules.BAD_LAYOUT, context);
        unknownDtypes(problems, context);
        for (Map.Entry<String, String> entry : header.metadata().entrySet()) {
            context.deadline().check();
            METADATA.inspect(entry.getKey(), entry.getValue(), true, context);
            ConfigInspection.inspectMetadataValue(entry.getKey(), entry.getValue(), context);
        }
    }

    private static void recordFacts(SafetensorsHeader header, AnalysisContext context) {
        List<TensorEntry> tensors = header.tensors();
        context.fact("safetensors.headerLength", header.headerLength());
        context.fact("safetensors.tensorCount", tensors.size());
        context.fact("safetensors.parameterCount", TensorLayoutCheck.parameterCount(tensors));
        Map<String, Integer> dtypes = new TreeMap<>();
        List<String> names = new ArrayList<>();
        Map<String, List<Long>> shapes = new LinkedHashMap<>();
        long dataBytes = 0;
        for (TensorEntry t : tensors) {
            dtypes.merge(t.dtype(), 1, Integer::sum);
            if (names.size() < MAX_LISTED_TENSORS) {
                names.add(t.name());
                shapes.put(t.name(), java.util.Arrays.stream(t.shape()).boxed().toList());
            }
            dataBytes = t.byteLength() > 0 ? saturatingAdd(dataBytes, t.byteLength()) : dataBytes;
        }
        context.fact("safetensors.dtypes", dtypes);
        context.fact("safetensors.tensorNames", names);
        context.fact("safetensors.tensorShapes", shapes);
        context.fact("safetensors.tensorBytes", dataBytes);
        if (tensors.size() > names.size()) {
            context.fact("safetensors.tensorNamesOmitted", tensors.size() - names.size());
        }
        if (!header.metadata().isEmpty()) {
            Map<String, String> shown = new TreeMap<>();
            header.metadata().forEach((k, v) -> shown.put(k, v.length() <= MAX_METADATA_FACT_CHARS ? v
                    : v.substring(0, MAX_METADATA_FACT_CHARS) + "…"));
            context.fact("safetensors.metadata", shown);
        }
    }

    /**
     * The safetensors loader rejects a dtype outside its list, and a newer loader may accept one this reader
     * does not know: either way the tensor's size was not checked, so the file is incomplete.
     */
    private static void unknownDtypes(List<FormatProblem> problems, AnalysisContext context) {
        List<FormatProblem> unknown = problems.stream().filter(p -> p.rule() == SafetensorsRules.UNKNOWN_DTYPE)
                .toList();
        if (!unknown.isEmpty()) {
            context.incomplete(unknown.size() + " tensor(s) have a dtype this reader does not know, so their size was "
                    + "not checked; first: tensor '" + unknown.get(0).subject() + "': " + unknown.get(0).message());
        }
    }

    static long saturatingAdd(long a, long b) {
        return a > Long.MAX_VALUE - b ? Long.MAX_VALUE : a + b;
    }
}
