package io.modelgate.cli;

import io.modelgate.verification.integrity.Fingerprint;
import io.modelgate.verification.integrity.LockFile;
import io.modelgate.verification.integrity.LockWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
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

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Where to write the lock (default: PATH/modelgate.lock).")
    Path output;

    @Mixin
    ModelFolderOptions model = new ModelFolderOptions();

    @Override
    public Integer call() throws IOException {
        Path folder = model.folder();
        Path target = output != null ? output : folder.resolve(LockFile.DEFAULT_NAME);
        LockFile lock = LockWriter.write(folder, target, model.threads());
        long bytes = lock.entries().values().stream().mapToLong(Fingerprint::size).filter(s -> s > 0).sum();
        PrintWriter out = spec.commandLine().getOut();
        out.println("wrote " + target + ": " + lock.entries().size() + " files, " + bytes + " bytes");
        out.flush();
        return ExitCodes.OK;
    }
}
