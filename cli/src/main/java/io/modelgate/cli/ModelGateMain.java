package io.modelgate.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point of the {@code modelgate} command. */
public final class ModelGateMain {

    private ModelGateMain() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = CliFactory.create(out, err).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
