package io.modelgate.cli;

import io.modelgate.verification.signing.LocalManifest;
import io.modelgate.verification.signing.ModelSigner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code modelgate sign}: sign an approved model folder in the OpenSSF model_signing format. */
@Command(name = "sign", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Sign a model folder with an elliptic-curve private key (P-256, P-384 or P-521, PEM). Writes "
                        + "PATH/model.sig, an OpenSSF model_signing signature (Sigstore bundle) that "
                        + "'modelgate scan --public-key' and the reference 'model_signing verify key' check."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  openssl ecparam -name prime256v1 -genkey -noout -out key.pem",
                "  openssl ec -in key.pem -pubout -out key.pub",
                "  modelgate sign --key key.pem ./my-model",
                "  modelgate scan --public-key key.pub ./my-model"})
public final class SignCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--key", paramLabel = "KEY", required = true,
            description = "PEM EC private key (PKCS#8 or SEC1, unencrypted).")
    Path key;

    @Option(names = "--cert", paramLabel = "FILE",
            description = "PEM certificate of the key, then its issuers: signs with a certificate chain instead of "
                    + "a bare key; repeatable.")
    List<Path> certificates = new ArrayList<>();

    @Option(names = "--ignore-paths", paramLabel = "PATH", split = ",",
            description = "File or folder inside PATH (given relative to the working folder, as the reference's "
                    + "--ignore-paths) left out of the signature and recorded in it; repeatable or comma-separated. "
                    + "The signature file and git metadata are always left out.")
    List<Path> ignorePaths = new ArrayList<>();

    @Option(names = "--allow-symlinks",
            description = "Follow links to files (their target's content is signed) instead of refusing them.")
    boolean allowSymlinks;

    @Option(names = "--serialization", paramLabel = "METHOD", defaultValue = "files",
            description = "files (one digest per file, the default) or shards (one digest per --shard-size bytes).")
    String serialization;

    @Option(names = "--shard-size", paramLabel = "BYTES", defaultValue = "1000000000",
            description = "Bytes per shard with --serialization shards (default: ${DEFAULT-VALUE}).")
    long shardSize;

    @Option(names = "--hash", paramLabel = "ALGORITHM", defaultValue = "sha256",
            description = "sha256 (default), blake2b or blake3 (not with shards).")
    String hash;

    @Mixin
    ModelFolderOptions model = new ModelFolderOptions();

    @Override
    public Integer call() throws IOException, GeneralSecurityException {
        Path folder = model.folder();
        if (!Files.isRegularFile(key)) {
            throw new ParameterException(spec.commandLine(), "no such key file: " + key);
        }
        List<String> ignored = LocalManifest.inside(folder, ignorePaths);
        if (ignored.size() != ignorePaths.size()) {
            throw new ParameterException(spec.commandLine(), "--ignore-paths must name paths inside " + folder);
        }
        ModelSigner.Serialization how;
        try {
            how = new ModelSigner.Serialization(serialization, hash, shardSize, allowSymlinks, ignored);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Path signature = ModelSigner.sign(folder, key, certificates, how, model.threads());
        PrintWriter out = spec.commandLine().getOut();
        out.println("wrote " + signature);
        out.flush();
        return ExitCodes.OK;
    }
}
