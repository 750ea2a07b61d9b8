package io.modelgate.scanner.python;

import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.analysis.FormatAnalyzer;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.secrets.SecretScanner;
import io.modelgate.scanner.text.Utf8Text;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * Python files of a model folder (the modules auto_map loads with trust_remote_code) and the
 * TorchScript code inside {@code torch.jit} archives: tokenised, never imported or run.
 */
public final class PythonSourceAnalyzer implements FormatAnalyzer {

    /** Modelling files are tens to hundreds of kilobytes; generated TorchScript code stays below this too. */
    static final long MAX_SOURCE_BYTES = 8L * 1024 * 1024;

    @Override
    public Set<ModelFormat> formats() {
        return Set.of(ModelFormat.PYTHON_SOURCE);
    }

    @Override
    public void analyze(ByteSource source, AnalysisContext context) throws IOException {
        SecretScanner.scanUtf8(source, "Python source", context);
        if (context.enclosingPackage().isPresent()) {
            // a software package's own modules are its code, not custom code a model loader runs
            context.fact("python.package", context.enclosingPackage().get().describe());
            return;
        }
        Optional<String> decoded = Utf8Text.decodeOrIncomplete(source, MAX_SOURCE_BYTES, "Python source", context);
        if (decoded.isEmpty()) {
            return;
        }
        String text = decoded.get();
        context.deadline().check();
        try {
            for (PythonIssue issue : PythonChecker.check(text, isTorchScriptCode(context))) {
                context.report(issue.rule(), issue.subject(), "line " + issue.line() + ": " + issue.detail());
            }
        } catch (PythonSyntaxException e) {
            context.incomplete("Python source cannot be tokenised: " + e.getMessage());
        }
    }

    /** TorchScript archives keep generated code under {@code code/} (e.g. {@code model/code/__torch__/m.py}). */
    private static boolean isTorchScriptCode(AnalysisContext context) {
        String member = context.path().leafName();
        return context.depth() > 0 && (member.startsWith("code/") || member.contains("/code/"));
    }
}
