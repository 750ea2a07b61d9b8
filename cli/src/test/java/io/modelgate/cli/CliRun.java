package io.modelgate.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process and captures its output. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CliFactory.forArgs(new PrintWriter(out, true), new PrintWriter(err, true), args).execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
