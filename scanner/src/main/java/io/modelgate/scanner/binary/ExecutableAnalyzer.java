package io.modelgate.scanner.binary;

import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.analysis.FormatAnalyzer;
import io.modelgate.scanner.detect.ContentDetector;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.packaging.SoftwarePackage;
import io.modelgate.scanner.secrets.SecretScanner;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * Reports programs found among model files: native binaries and #! scripts, more severely when
 * they sit inside a model file or archive. A program a software package ships directly (an npm bin
 * script, a native addon, a jar's bundled library) is the package's own and only recorded as a fact;
 * inside a model file or archive the package bundles it is reported as anywhere else. Scripts are also
 * searched for credentials.
 */
public final class ExecutableAnalyzer implements FormatAnalyzer {

    @Override
    public Set<ModelFormat> formats() {
        return Set.of(ModelFormat.EXECUTABLE);
    }

    @Override
    public void analyze(ByteSource source, AnalysisContext context) throws IOException {
        byte[] head = source.prefix(ContentDetector.HEAD_BYTES);
        boolean embedded = context.depth() > 0;
        Optional<SoftwarePackage> owner = context.enclosingPackage();
        owner.ifPresent(p -> context.fact("executable.package", p.describe()));
        Optional<String> nativeKind = ExecutableSignature.identify(source, head);
        if (nativeKind.isPresent()) {
            context.fact("executable.kind", nativeKind.get());
            if (owner.isEmpty()) {
                context.report(embedded ? BinaryRules.EMBEDDED_EXECUTABLE : BinaryRules.NATIVE_EXECUTABLE, 0,
                        nativeKind.get(), nativeKind.get() + (embedded ? " packed inside a model container"
                                : " shipped with the model"));
            }
            return;
        }
        Optional<String> interpreter = ScriptSignature.interpreter(head);
        if (interpreter.isEmpty()) {
            throw new IOException("not a recognised executable");
        }
        context.fact("executable.kind", "script");
        context.fact("executable.interpreter", interpreter.get());
        if (owner.isEmpty()) {
            context.report(embedded ? BinaryRules.EMBEDDED_SCRIPT : BinaryRules.SCRIPT, 0, interpreter.get(),
                    interpreter.get() + " script" + (embedded ? " packed inside a model container"
                            : " shipped with the model"));
        }
        SecretScanner.scanUtf8(source, "script", context);
    }
}
