package io.modelgate.cli;

import io.modelgate.scanner.integrity.FileHashing;
import io.modelgate.scanner.integrity.Fingerprint;
import io.modelgate.scanner.integrity.LockFile;
import io.modelgate.scanner.integrity.LockWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code modelgate lock}: record the digests of a reviewed model folder. */
@Command(name = "lock", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Write the digest manifest (modelgate.lock) of a reviewed model folder: every file with its size "
                        + "and SHA-256.",
                "",
                "Commit the lock with the approval; 'modelgate scan --lock FILE' then proves CI scans exactly "
                        + "these bytes."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  modelgate lock ./my-model",
                "  modelgate lock -o approved/bert.lock ./my-model"})
public final class LockCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", description = "The model folder.")
    Path folder;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Where to write the lock (default: PATH/modelgate.lock).")
    Path output;

    @Option(names = "--threads", paramLabel = "N", description = "Files hashed in parallel (default: processors).")
    Integer threads;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new ParameterException(spec.commandLine(), "not a folder: " + folder);
        }
        Path target = output != null ? output : folder.resolve(LockFile.DEFAULT_NAME);
        LockFile lock = LockWriter.write(folder, target, threads != null ? threads : FileHashing.defaultThreads());
        long bytes = lock.entries().values().stream().mapToLong(Fingerprint::size).filter(s -> s > 0).sum();
        PrintWriter out = spec.commandLine().getOut();
        out.println("wrote " + target + ": " + lock.entries().size() + " files, " + bytes + " bytes");
        out.flush();
        return ExitCodes.OK;
    }
}
