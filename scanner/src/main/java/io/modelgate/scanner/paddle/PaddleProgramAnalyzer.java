package io.modelgate.scanner.paddle;

import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.analysis.FormatAnalyzer;
import io.modelgate.scanner.archive.EntryPaths;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks a PaddlePaddle program ({@code .pdmodel}) operator by operator: Python callbacks, file operators and
 * where their paths point, network operators, and operators outside the reviewed set.
 */
public final class PaddleProgramAnalyzer implements FormatAnalyzer {

    private static final int MAX_UNKNOWN_LISTED = 20;

    @Override
    public Set<ModelFormat> formats() {
        return Set.of(ModelFormat.PADDLE_PROGRAM);
    }

    @Override
    public void analyze(ByteSource source, AnalysisContext context) throws IOException {
        PaddleProgramReader reader = new PaddleProgramReader(context.deadline());
        Map<String, Integer> unknown = new TreeMap<>();
        Map<String, Long> unknownAt = new TreeMap<>();
        int[] count = {0};
        reader.read(source, op -> {
            count[0]++;
            switch (PaddleOps.of(op.type())) {
                case PYTHON -> context.report(PaddleRules.PYTHON_CALLBACK, op.offset(), op.type(), "Operator '"
                        + op.type() + "' in block " + op.block() + " calls a Python function of the process that runs "
                        + "the program" + callable(op) + ".");
                case FILE -> filePaths(op, context);
                case NETWORK -> context.report(PaddleRules.NETWORK, op.offset(), op.type(), "Operator '" + op.type()
                        + "' in block " + op.block() + " opens or connects to network endpoints" + endpoints(op) + ".");
                case UNKNOWN -> {
                    unknown.merge(op.type(), 1, Integer::sum);
                    unknownAt.putIfAbsent(op.type(), op.offset());
                }
                case COMPUTE -> { }
            }
        });
        unknown.entrySet().stream().limit(MAX_UNKNOWN_LISTED).forEach(e -> context.report(PaddleRules.UNKNOWN_OP,
                unknownAt.get(e.getKey()), e.getKey(), "Operator type '" + e.getKey() + "' (" + e.getValue()
                        + " use(s)) is not one of Paddle's reviewed operators: a custom operator from a native library, "
                        + "or a newer one."));
        context.fact("paddle.blocks", reader.blocks());
        context.fact("paddle.operators", count[0]);
        if (reader.blocks() == 0) {
            context.incomplete("the Paddle program holds no block");
        }
    }

    private static void filePaths(PaddleOp op, AnalysisContext context) {
        String attribute = PaddleOps.pathAttribute(op.type()).orElseThrow();
        List<String> paths = op.strings().getOrDefault(attribute, List.of());
        for (String path : paths) {
            if (path.isEmpty()) {
                continue;
            }
            Optional<String> escape = escapes(path);
            if (escape.isPresent()) {
                context.report(PaddleRules.PATH_ESCAPES, op.offset(), path, "Operator '" + op.type() + "' in block "
                        + op.block() + " " + verb(op.type()) + " '" + path + "': " + escape.get() + ".");
            } else {
                context.report(PaddleRules.FILE_ACCESS, op.offset(), path, "Operator '" + op.type() + "' in block "
                        + op.block() + " " + verb(op.type()) + " '" + path + "', relative to the working directory.");
            }
        }
    }

    /** Absolute paths, drive letters, home directories and '..' climbing out leave the model. */
    static Optional<String> escapes(String path) {
        if (path.startsWith("~")) {
            return Optional.of("the path starts in a home directory");
        }
        return EntryPaths.checkName(path).map(p -> p.reason().replace("entry name", "the path")
                .replace("the archive root", "the model folder"));
    }

    private static String verb(String type) {
        return type.startsWith("save") || type.endsWith("_save") || type.equals("checkpoint_notify")
                ? "writes" : "reads";
    }

    private static String callable(PaddleOp op) {
        List<String> ids = op.strings().get("forward_callable_id");
        return ids == null ? "" : " (callable " + ids.get(0) + ")";
    }

    private static String endpoints(PaddleOp op) {
        for (String key : List.of("endpoint", "endpoints", "epmap", "other_endpoints", "pserver_endpoints")) {
            List<String> values = op.strings().get(key);
            if (values != null) {
                return " (" + key + " " + String.join(", ", values.subList(0, Math.min(values.size(), 5))) + ")";
            }
        }
        return "";
    }
}
