package io.modelgate.cli;

import io.modelgate.verification.integrity.FileHashing;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The model folder and hashing threads of the commands that fingerprint a reviewed folder (lock, sign).
 * Mixed in last so that the commands' own options keep their place in the help.
 */
final class ModelFolderOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Parameters(paramLabel = "PATH", description = "The model folder.")
    Path folder;

    @Option(names = "--threads", paramLabel = "N", description = "Files hashed in parallel (default: processors).")
    Integer threads;

    /** The folder, after checking it is one (a usage error otherwise). */
    Path folder() {
        if (!Files.isDirectory(folder)) {
            throw new ParameterException(mixee.commandLine(), "not a folder: " + folder);
        }
        return folder;
    }

    int threads() {
        return threads != null ? threads : FileHashing.defaultThreads();
    }
}
