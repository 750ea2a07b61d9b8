package io.modelgate.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;

/** Runs the command line in-process and captures its output. */
record CliRun(int exitCode, String out, String err) {

    /** As {@code modelgate ARGS} runs them: a plain scan line without picocli, anything else through it. */
    static CliRun of(String... args) {
        return run(true, args);
    }

    /** Through picocli even where {@link QuickScanParser} would read the line. */
    static CliRun viaPicocli(String... args) {
        return run(false, args);
    }

    private static CliRun run(boolean quick, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CliFactory.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                quick ? QuickScanParser.parse(args) : Optional.empty(), args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
