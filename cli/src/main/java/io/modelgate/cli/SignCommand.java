package io.modelgate.cli;

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

    @Mixin
    ModelFolderOptions model = new ModelFolderOptions();

    @Override
    public Integer call() throws IOException, GeneralSecurityException {
        Path folder = model.folder();
        if (!Files.isRegularFile(key)) {
            throw new ParameterException(spec.commandLine(), "no such key file: " + key);
        }
        Path signature = ModelSigner.sign(folder, key, certificates, model.threads());
        PrintWriter out = spec.commandLine().getOut();
        out.println("wrote " + signature);
        out.flush();
        return ExitCodes.OK;
    }
}
