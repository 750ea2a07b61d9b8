package io.modelgate.verification.signing;

import io.modelgate.scanner.Limits;
import io.modelgate.scanner.VerificationOptions;
import io.modelgate.scanner.folder.FileDigests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Corrupted reference bundles: every outcome is a verdict, never an exception, and never valid by accident. */
class BundleMutationTest {

    private static final Path VECTORS = Path.of("..", "fixtures", "signing", "model-transparency");

    @TempDir
    Path tmp;

    @Test
    void mutatedBundlesNeverCrashAndTamperedSignedBytesNeverVerify() throws Exception {
        Path model = Files.createDirectories(tmp.resolve("m"));
        for (String name : List.of("signme-1", "signme-2")) {
            Files.copy(VECTORS.resolve("v1.1.0-elliptic-key").resolve(name), model.resolve(name));
        }
        byte[] original = Files.readAllBytes(VECTORS.resolve("v1.1.0-elliptic-key/model.sig"));
        String text = new String(original, java.nio.charset.StandardCharsets.US_ASCII);
        int payloadStart = text.indexOf("\"payload\":\"") + 11;
        int sigEnd = text.indexOf("\",\"keyid\"");
        ModelSignatureVerifier verifier = new ModelSignatureVerifier(
                VerificationOptions.none().withPublicKeys(List.of(VECTORS.resolve("signing-key-pub.pem"))),
                FileDigests.none(), Clock.systemUTC(), Limits.defaults());
        Random random = new Random(42);
        Path signature = model.resolve("model.sig");
        for (int i = 0; i < 300; i++) {
            byte[] mutated = original.clone();
            int at = random.nextInt(mutated.length);
            mutated[at] = (byte) random.nextInt(256);
            byte[] bytes = i % 10 == 0 ? java.util.Arrays.copyOf(mutated, random.nextInt(mutated.length)) : mutated;
            Files.write(signature, bytes);
            SignatureOutcome outcome = verifier.verify(model, signature);
            boolean signedBytesChanged = bytes.length == original.length && at >= payloadStart && at < sigEnd
                    && mutated[at] != original[at];
            if (signedBytesChanged && outcome.status() == SignatureOutcome.Status.VALID) {
                // Base64 padding bits and JSON-insignificant changes can leave the decoded bytes intact.
                assertThat(BundleReader.parse(bytes).envelope().payload())
                        .isEqualTo(BundleReader.parse(original).envelope().payload());
            }
        }
    }
}
