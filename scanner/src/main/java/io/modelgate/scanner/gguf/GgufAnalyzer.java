package io.modelgate.scanner.gguf;

import io.modelgate.scanner.analysis.FormatProblem;
import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.analysis.FormatAnalyzer;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.metadata.MetadataInspector;
import io.modelgate.scanner.secrets.SecretScanner;
import io.modelgate.scanner.template.ChatTemplateInspector;
import io.modelgate.scanner.template.TemplateInspection;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks a GGUF file: header, metadata and tensor infos read with bounds, tensor data placement,
 * and free-text metadata; records identity, provenance, quantisation and tokenizer facts.
 */
public final class GgufAnalyzer implements FormatAnalyzer {

    private static final long KEPT_STRING_BUDGET = 64L << 20;
    private static final MetadataInspector METADATA = new MetadataInspector(GgufRules.CODE_IN_METADATA,
            GgufRules.URL_IN_METADATA, "GGUF");

    @Override
    public Set<ModelFormat> formats() {
        return Set.of(ModelFormat.GGUF);
    }

    @Override
    public void analyze(ByteSource source, AnalysisContext context) throws IOException {
        long budget = Math.min(KEPT_STRING_BUDGET, context.limits().maxStringBytes());
        GgufFile file = new GgufReader(source, context.deadline(), budget).read();
        List<FormatProblem> problems = new ArrayList<>(file.problems());
        if (file.fatal() == null) {
            problems.addAll(GgufLayoutCheck.check(file, source.size()));
        } else {
            problems.add(0, file.fatal());
        }
        FormatProblem.reportAll(problems, FormatProblem.MAX_REPORTED, GgufRules.MALFORMED_TENSOR_INFO, context);
        GgufFacts.record(file, context);
        inspectStrings(source, file, context);
        if (file.fatal() != null) {
            context.incomplete("GGUF reading stopped: " + file.fatal().message());
        }
        unknownTypes(problems, context);
    }

    /** A tensor type the reader does not know leaves its size and placement unchecked: fail closed. */
    private static void unknownTypes(List<FormatProblem> problems, AnalysisContext context) {
        List<FormatProblem> unknown = problems.stream().filter(p -> p.rule() == GgufRules.UNKNOWN_TYPE).toList();
        if (!unknown.isEmpty()) {
            context.incomplete(unknown.size() + " tensor(s) use a ggml type this reader does not know, so their "
                    + "size and placement were not checked; first: " + unknown.get(0).message());
        }
    }

    /**
     * Scalar strings are reviewed; templates and embedded tokenizer files only for credentials. A
     * string too long to keep is still searched for credentials in full, streamed from the file.
     */
    private static void inspectStrings(ByteSource source, GgufFile file, AnalysisContext context) throws IOException {
        for (GgufEntry e : file.metadata().values()) {
            context.deadline().check();
            if (!(e.value() instanceof String) && !(e.value() instanceof TruncatedString)) {
                continue;
            }
            String key = e.key();
            String where = "GGUF metadata '" + key + "'";
            boolean reviewedElsewhere = key.startsWith("tokenizer.chat_template") || key.startsWith("tokenizer.huggingface.")
                    || key.startsWith("tokenizer.rwkv.");
            boolean chatTemplate = key.startsWith("tokenizer.chat_template");
            if (e.value() instanceof TruncatedString t) {
                SecretScanner.scanUtf8(source.slice(t.offset(), t.length()), where, context);
                if (chatTemplate) {
                    context.limitReached(where + " of " + t.length() + " bytes is too long to inspect as a chat template");
                } else if (!reviewedElsewhere) {
                    context.limitReached(where + " of " + t.length() + " bytes was reviewed for code only in its first "
                            + t.prefix().length() + " characters");
                    METADATA.inspectContent(key, t.prefix(), !isUrlKey(key), context);
                }
            } else if (reviewedElsewhere) {
                SecretScanner.scan((String) e.value(), where, context);
                if (chatTemplate) {
                    chatTemplate(key, (String) e.value(), context);
                }
            } else {
                METADATA.inspect(key, (String) e.value(), !isUrlKey(key), context);
            }
        }
    }

    /** Chat templates are rendered with Jinja by llama.cpp front ends and servers: checked for injection. */
    private static void chatTemplate(String key, String template, AnalysisContext context) throws IOException {
        TemplateInspection result = ChatTemplateInspector.inspect(template, context, "GGUF metadata '" + key + "'");
        if (key.equals("tokenizer.chat_template")) {
            result.family().ifPresent(f -> context.fact("gguf.chatFormat", f));
        }
    }

    private static boolean isUrlKey(String key) {
        return key.endsWith("url") || key.endsWith(".link") || key.endsWith(".doi");
    }
}
