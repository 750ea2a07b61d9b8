package io.modelgate.scanner.pickle;

import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.analysis.FormatAnalyzer;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Static analysis of pickle files: every pickle in the file (several may follow each other) is
 * interpreted without being loaded, and what loading it would import and call is judged against the
 * curated global policy. Never unpickles, imports or executes anything.
 */
public final class PickleAnalyzer implements FormatAnalyzer {

    /** Most distinct globals listed in the {@code pickle.globals} fact. */
    static final int MAX_GLOBALS_FACT = 500;

    private final GlobalPolicy policy;

    public PickleAnalyzer() {
        this.policy = GlobalPolicy.defaults();
    }

    @Override
    public Set<ModelFormat> formats() {
        // PYTORCH_LEGACY streams are a sequence of pickles: analysed as such until a dedicated analyser exists.
        return EnumSet.of(ModelFormat.PICKLE, ModelFormat.PYTORCH_LEGACY);
    }

    @Override
    public void analyze(ByteSource source, AnalysisContext context) throws IOException {
        Set<String> globals = new TreeSet<>();
        int protocol = 0;
        int count = 0;
        long offset = 0;
        while (true) {
            context.deadline().check();
            PickleRun run = scan(source, offset, context, globals);
            protocol = Math.max(protocol, run.protocol());
            if (!run.stopped()) {
                break;
            }
            count++;
            offset = run.end();
            if (offset >= source.size()) {
                break;
            }
            if (!PickleSniffer.startsPickle(source, offset)) {
                context.fact("pickle.trailingBytes", source.size() - offset);
                break;
            }
        }
        context.fact("pickle.protocol", protocol);
        context.fact("pickle.count", count);
        List<String> listed = new ArrayList<>(globals).subList(0, Math.min(globals.size(), MAX_GLOBALS_FACT));
        context.fact("pickle.globals", List.copyOf(listed));
        if (globals.size() > MAX_GLOBALS_FACT) {
            context.fact("pickle.globalsTruncated", globals.size());
        }
    }

    /**
     * Analyses exactly one pickle starting at {@code offset} and reports its findings.
     *
     * @return the offset just past its STOP, or -1 when the stream ended or broke first (the artifact has
     *         then been reported incomplete)
     */
    public long analyzeOne(ByteSource source, long offset, AnalysisContext context) throws IOException {
        return scan(source, offset, context, new TreeSet<>()).end();
    }

    private PickleRun scan(ByteSource source, long offset, AnalysisContext context, Set<String> globals)
            throws IOException {
        PickleFindings findings = new PickleFindings(context, policy);
        PickleMachine machine = new PickleMachine(MachineLimits.of(context.limits()), context.deadline(), findings);
        PickleRun run;
        try {
            run = machine.run(source, offset);
        } catch (IOException e) {
            findings.finish();
            throw e;
        }
        findings.finish();
        if (globals.size() < MAX_GLOBALS_FACT * 2) {
            globals.addAll(findings.globals());
        }
        if (run.failure() != null) {
            String where = offset == 0 ? "" : " (pickle starting at offset " + offset + ")";
            if (run.failure().kind() == PickleBreak.Kind.LIMIT) {
                context.limitReached("pickle: " + run.failure().describe() + where);
            } else {
                context.incomplete("pickle " + (run.failure().kind() == PickleBreak.Kind.TRUNCATED ? "truncated"
                        : "malformed") + ": " + run.failure().describe() + where);
            }
        }
        return run;
    }
}
