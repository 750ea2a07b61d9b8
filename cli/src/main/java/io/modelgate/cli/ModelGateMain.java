package io.modelgate.cli;

import io.modelgate.provenance.kb.KnowledgeBaseLoader;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/** Entry point of the {@code modelgate} command. */
public final class ModelGateMain {

    /** Commands that assess models and so need the built-in knowledge base. */
    private static final Set<String> ASSESSING = Set.of("scan", "sbom");

    private ModelGateMain() {
    }

    public static void main(String[] args) {
        boolean hashing = EarlyDigests.start(args);
        if (!hashing && args.length > 0 && ASSESSING.contains(args[0])
                && Arrays.stream(args).noneMatch(arg -> arg.startsWith("--kb"))) {
            // Parsing the knowledge base is the largest part of a small scan's start-up; overlap it with the
            // rest (building the command line, loading the policy's classes, walking the files). Not while a
            // large file is being hashed: the scan waits for that digest anyway, and on a small machine a third
            // busy thread only slows the hashing down.
            KnowledgeBaseLoader.preload();
        }
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = CliFactory.forArgs(out, err, args).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
