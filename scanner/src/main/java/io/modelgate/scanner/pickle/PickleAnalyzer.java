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
    private final PickleObserver observers;

    public PickleAnalyzer() {
        this(List.of());
    }

    /**
     * @param observers consulted on every pickle this analyser reads (e.g. to skip a writer's inline data)
     */
    public PickleAnalyzer(List<PickleObserver> observers) {
        this.policy = GlobalPolicy.defaults();
        this.observers = PickleObserver.all(List.copyOf(observers));
    }

    @Override
    public Set<ModelFormat> formats() {
        return EnumSet.of(ModelFormat.PICKLE);
    }

    @Override
    public void analyze(ByteSource source, AnalysisContext context) throws IOException {
        Set<String> globals = new TreeSet<>();
        int protocol = 0;
        int count = 0;
        long offset = 0;
        while (true) {
            context.deadline().check();
            PickleRun run = scan(source, offset, context, globals, observers, 0).run();
            protocol = Math.max(protocol, run.protocol());
            if (!run.stopped()) {
                break;
            }
            count++;
            offset = run.end();
            if (offset >= source.size()) {
                break;
            }
            if (!PickleSniffer.startsPickle(source, offset, observers)) {
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
        return scan(source, offset, context, new TreeSet<>(), observers, 0).run().end();
    }

    /**
     * Like {@link #analyzeOne}, and also returns the value the pickle produces, with {@code observer}
     * consulted next to this analyser's own observers.
     */
    public PickleOutcome inspectOne(ByteSource source, long offset, AnalysisContext context, PickleObserver observer)
            throws IOException {
        return inspect(source, offset, context, PickleObserver.all(List.of(observers, observer)), 0);
    }

    PickleOutcome inspect(ByteSource source, long offset, AnalysisContext context, PickleObserver observer,
                          int nesting) throws IOException {
        Scan scan = scan(source, offset, context, new TreeSet<>(), observer, nesting);
        return new PickleOutcome(scan.run().end(), scan.result());
    }

    private record Scan(PickleRun run, PickleValue result) {
    }

    private Scan scan(ByteSource source, long offset, AnalysisContext context, Set<String> globals,
                      PickleObserver observer, int nesting) throws IOException {
        PickleFindings findings = new PickleFindings(context, policy);
        InlineData stream = new InlineData(this, source, offset, context, observer, nesting);
        PickleMachine machine = new PickleMachine(MachineLimits.of(context.limits()), context.deadline(), findings,
                observer, stream);
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
        return new Scan(run, machine.result());
    }
}
