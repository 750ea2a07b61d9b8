package io.modelgate.scanner.skops;

import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.analysis.FormatAnalyzer;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.hf.BoundedJson;
import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.ops.Distinct;
import io.modelgate.scanner.ops.OpTally;
import io.modelgate.scanner.pickle.ImportJudgement;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The schema.json of a skops archive: every type and callable its nodes would construct, import or call is judged
 * by the pickle allow- and denylist, with the few kinds skops builds without importing by name left aside.
 */
public final class SkopsSchemaAnalyzer implements FormatAnalyzer {

    private static final int MAX_TYPES_LISTED = 200;
    /** Loaders that import nothing by name: JSON values, and sparse matrices read by scipy's own loader. */
    private static final Set<String> NOTHING_IMPORTED = Set.of("JsonNode", "CachedNode");

    /** NumPy ufuncs skops itself trusts as functions (FunctionTransformer(np.log1p) and the like): pure math. */
    private static final Set<String> NUMPY_UFUNCS = Set.of("abs", "absolute", "add", "arccos", "arccosh", "arcsin",
            "arcsinh", "arctan", "arctan2", "arctanh", "cbrt", "ceil", "clip", "cos", "cosh", "deg2rad", "degrees",
            "divide", "exp", "exp2", "expm1", "fabs", "floor", "floor_divide", "fmax", "fmin", "hypot", "isfinite",
            "isinf", "isnan", "log", "log10", "log1p", "log2", "logaddexp", "logaddexp2", "maximum", "minimum", "mod",
            "multiply", "negative", "positive", "power", "rad2deg", "radians", "reciprocal", "remainder", "rint", "sign",
            "sin", "sinh", "sqrt", "square", "subtract", "tan", "tanh", "true_divide", "trunc");

    @Override
    public Set<ModelFormat> formats() {
        return Set.of(ModelFormat.SKOPS_SCHEMA);
    }

    @Override
    public void analyze(ByteSource source, AnalysisContext context) throws IOException {
        SkopsSchemaReader.Schema schema = new SkopsSchemaReader(context.deadline()).read(BoundedJson.readTree(source));
        context.fact("skops.protocol", schema.protocol());
        if (!schema.version().isEmpty()) {
            context.fact("skops.version", schema.version());
        }
        Set<String> types = new TreeSet<>();
        Set<String> reported = new HashSet<>();
        for (SkopsNode node : schema.nodes()) {
            if (NOTHING_IMPORTED.contains(node.loader()) || sparseMatrix(node) || numpyUfunc(node)) {
                continue;
            }
            Distinct.add(types, node.qualified());
            if (!reported.contains(node.qualified())) {
                if (!Distinct.add(reported, node.qualified())) {
                    context.limitReached("more than " + OpTally.MAX_DISTINCT + " distinct types in a skops schema");
                    break;
                }
                judge(node, context);
            }
        }
        context.fact("skops.types", List.copyOf(types).subList(0, Math.min(types.size(), MAX_TYPES_LISTED)));
    }

    /** scipy's load_npz builds sparse matrices from their own file; the named type is only checked by skops. */
    private static boolean sparseMatrix(SkopsNode node) {
        return node.loader().equals("SparseMatrixNode") && node.module().startsWith("scipy.sparse");
    }

    private static boolean numpyUfunc(SkopsNode node) {
        return node.loader().equals("FunctionNode") && node.module().equals("numpy")
                && NUMPY_UFUNCS.contains(node.name());
    }

    private static void judge(SkopsNode node, AnalysisContext context) {
        ImportJudgement.Judgement judgement = ImportJudgement.of(node.module(), node.name());
        boolean partial = node.loader().equals("PartialNode") && judgement.reachesOtherCallables();
        if (judgement.verdict() == ImportJudgement.Verdict.ALLOWED || partial) {
            // a partial's function is a node of its own, judged on its own
            return;
        }
        String role = switch (node.loader()) {
            case "FunctionNode" -> "imports the function";
            case "TypeNode" -> "imports the type";
            case "MethodNode" -> "binds the method";
            case "OperatorFuncNode" -> "builds the operator";
            default -> "constructs";
        };
        String message = "The " + node.loader() + " at " + node.path() + " " + role + " " + node.qualified() + ", which "
                + judgement.reason() + ".";
        context.report(judgement.verdict() == ImportJudgement.Verdict.DANGEROUS ? SkopsRules.DANGEROUS_TYPE
                : SkopsRules.UNREVIEWED_TYPE, node.qualified(), message);
    }
}
