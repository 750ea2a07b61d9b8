package io.modelgate.verification.signing;

import io.modelgate.scanner.Limits;
import io.modelgate.scanner.VerificationOptions;
import io.modelgate.scanner.folder.FileDigests;
import io.modelgate.testkit.RandomCases;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any reference bundle (every version and method), corrupted at any byte or cut short: the verifier gives a
 * verdict without an exception, and a signature still found valid carries exactly the signed content and
 * signature bytes of the original.
 */
class ReferenceBundleMutationPropertiesTest {

    private static final Path VECTORS = VectorScans.VECTORS;
    private static final List<String> BUNDLES = List.of("v0.2.0-certificate", "v0.3.1-elliptic-key",
            "v1.0.0-certificate", "v1.0.1-elliptic-key", "v1.1.0-certificate", "v1.1.0-elliptic-key",
            "v1.1.0-sigstore", "v1.0.1-sigstore");

    /** Which bundle, where (modulo its length), the byte written there, or a cut there instead. */
    private record Corruption(int which, int where, byte value, boolean truncate) {
    }

    @Test
    void corruptedBundlesGetAVerdictAndNeverVerifyOtherContent() {
        RandomCases.check(300, gen -> new Corruption(gen.intBetween(0, 7), gen.intBetween(0, 9999), gen.anyByte(),
                gen.bool()), c -> verdictOnCorrupted(c.which(), c.where(), c.value(), c.truncate()));
    }

    private static void verdictOnCorrupted(int which, int where, byte value, boolean truncate) throws IOException {
        String vector = BUNDLES.get(which);
        Path folder = VECTORS.resolve(vector);
        byte[] original = Files.readAllBytes(folder.resolve("model.sig"));
        int at = where % original.length;
        byte[] mutated = truncate ? Arrays.copyOf(original, at) : original.clone();
        if (!truncate) {
            mutated[at] = value;
        }
        Path copy = Files.createTempDirectory("mutated");
        try {
            for (String name : List.of("signme-1", "signme-2")) {
                if (Files.exists(folder.resolve(name))) {
                    Files.copy(folder.resolve(name), copy.resolve(name));
                }
            }
            Files.write(copy.resolve("model.sig"), mutated);
            VerificationOptions options = ReferenceVectorVersionsTest.material(vector, folder)
                    .withIgnorePaths(List.of());
            SignatureOutcome outcome = new ModelSignatureVerifier(options, FileDigests.none(), Clock.systemUTC(),
                    Limits.defaults()).verify(copy, copy.resolve("model.sig"));
            assertThat(outcome.status()).isNotNull();
            if (outcome.status() == SignatureOutcome.Status.VALID) {
                SigstoreBundle before = parse(original);
                SigstoreBundle after = parse(mutated);
                assertThat(after.envelope().payload()).isEqualTo(before.envelope().payload());
                assertThat(after.envelope().signature()).isEqualTo(before.envelope().signature());
            }
        } finally {
            try (var files = Files.list(copy)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(copy);
        }
    }

    private static SigstoreBundle parse(byte[] bytes) {
        try {
            return BundleReader.parse(bytes);
        } catch (MalformedSignatureException e) {
            throw new AssertionError("a valid outcome from an unreadable bundle", e);
        }
    }
}
