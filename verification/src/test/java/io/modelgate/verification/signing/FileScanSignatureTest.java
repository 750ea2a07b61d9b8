package io.modelgate.verification.signing;

import io.modelgate.scanner.VerificationOptions;
import io.modelgate.scanner.model.ScanReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.modelgate.verification.signing.VectorScans.ruleIds;
import static io.modelgate.verification.signing.VectorScans.scan;
import static io.modelgate.verification.signing.VectorScans.signature;
import static org.assertj.core.api.Assertions.assertThat;

/** A file given to scan on its own is checked against the model signature next to it. */
class FileScanSignatureTest {

    private static final Path VECTORS = VectorScans.VECTORS;
    private static final VerificationOptions KEY =
            VerificationOptions.none().withPublicKeys(List.of(VECTORS.resolve("signing-key-pub.pem")));

    @TempDir
    Path tmp;

    @Test
    void aSingleFileSignatureVerifiesWhenTheFileIsScanned() throws IOException {
        for (String vector : List.of("v0.3.1-elliptic-key", "v1.0.0-elliptic-key")) {
            ScanReport report = scan(VECTORS.resolve(vector).resolve("signme-1"), KEY);
            assertThat(ruleIds(report)).isEmpty();
            assertThat(signature(report)).containsEntry("status", "valid");
            assertThat(signature(report).get("checked").toString()).contains("signme-1 matches its signed digest");
        }
    }

    @Test
    void aChangedFileSignedOnItsOwnIsCaughtWhenScanned() throws IOException {
        Path folder = VectorScans.copy(tmp, "v1.0.0-elliptic-key");
        Files.writeString(folder.resolve("signme-1"), "tampered");
        ScanReport report = scan(folder.resolve("signme-1"), KEY);
        assertThat(ruleIds(report)).containsExactly("MG-SIG-002");
        assertThat(report.allFindings().get(0).location().path().toString()).endsWith("signme-1");
    }

    @Test
    void aFileOfASignedFolderIsCheckedAgainstItsOwnDigest() throws IOException {
        ScanReport report = scan(VECTORS.resolve("v1.1.0-elliptic-key").resolve("signme-2"), KEY);
        assertThat(ruleIds(report)).isEmpty();
        assertThat(signature(report).get("notVerified").toString()).contains("only signme-2 was scanned");

        Path folder = VectorScans.copy(tmp, "v1.1.0-elliptic-key");
        Files.writeString(folder.resolve("signme-2"), "tampered");
        assertThat(ruleIds(scan(folder.resolve("signme-2"), KEY))).containsExactly("MG-SIG-002");
        Files.writeString(folder.resolve("new.bin"), "not signed");
        assertThat(ruleIds(scan(folder.resolve("new.bin"), KEY))).containsExactly("MG-SIG-002");
    }

    @Test
    void aSuppliedKeyRequiresASignatureForAFileScannedAlone() throws IOException {
        Path lone = Files.writeString(Files.createDirectories(tmp.resolve("lone")).resolve("w.bin"), "weights");
        assertThat(ruleIds(scan(lone, KEY))).containsExactly("MG-SIG-003");
        assertThat(ruleIds(scan(lone, VerificationOptions.none()))).isEmpty();
    }
}
