package io.modelgate.verification.signing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelgate.scanner.Limits;
import io.modelgate.scanner.VerificationOptions;
import io.modelgate.scanner.folder.FileDigests;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keyless bundles built at test time in the Sigstore bundle v0.3 layout, for what a real vector cannot show:
 * a test CA stands in for Fulcio (root, intermediate, a ten-minute leaf with an e-mail SAN and the OIDC
 * issuer extension) and a test key for Rekor (signed entry timestamp over the canonical entry), both named
 * in a generated {@code trusted_root.json}.
 */
class KeylessBuiltVectorsTest {

    private static final String OIDC_ISSUER = "https://issuer.example";

    @TempDir
    Path tmp;

    private KeyPair leafKey;
    private X509Certificate leaf;
    private KeyPair logKey;
    private Path trustRoot;
    private Path model;
    private Instant issued;

    @BeforeEach
    void setUp() throws Exception {
        KeyPair rootKey = TestPki.ecKey("secp384r1");
        KeyPair intermediateKey = TestPki.ecKey("secp384r1");
        leafKey = TestPki.ecKey("secp256r1");
        logKey = TestPki.ecKey("secp256r1");
        issued = Instant.now().minus(Duration.ofDays(2));
        X509Certificate root = TestPki.certificate("test-fulcio-root", rootKey, "test-fulcio-root", rootKey, true,
                issued.minus(Duration.ofDays(30)), issued.plus(Duration.ofDays(3650)));
        X509Certificate intermediate = TestPki.certificate("test-fulcio-intermediate", intermediateKey,
                "test-fulcio-root", rootKey, true, issued.minus(Duration.ofDays(30)), issued.plus(Duration.ofDays(3650)));
        leaf = fulcioLeaf(intermediateKey);
        Base64.Encoder b64 = Base64.getEncoder();
        trustRoot = Files.writeString(tmp.resolve("trusted_root.json"), """
                {"mediaType": "application/vnd.dev.sigstore.trustedroot+json;version=0.1",
                 "tlogs": [{"publicKey": {"rawBytes": "%s"}, "logId": {"keyId": "%s"}}],
                 "certificateAuthorities": [{"certChain": {"certificates": [{"rawBytes": "%s"}, {"rawBytes": "%s"}]}}]}
                """.formatted(b64.encodeToString(logKey.getPublic().getEncoded()), b64.encodeToString(logId()),
                b64.encodeToString(intermediate.getEncoded()), b64.encodeToString(root.getEncoded())));
        model = Files.createDirectories(tmp.resolve("model"));
        Files.writeString(model.resolve("weights.bin"), "weights");
        Files.writeString(model.resolve("config.json"), "{}");
    }

    /** Fulcio-style: empty subject, e-mail SAN, OIDC issuer (v1 raw, v2 UTF8String), code signing, ten minutes. */
    private X509Certificate fulcioLeaf(KeyPair issuerKey) throws Exception {
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name("CN=test-fulcio-intermediate"),
                BigInteger.valueOf(77), Date.from(issued), Date.from(issued.plus(Duration.ofMinutes(10))),
                new X500Name(new org.bouncycastle.asn1.x500.RDN[0]), leafKey.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_codeSigning));
        builder.addExtension(Extension.subjectAlternativeName, true,
                new GeneralNames(new GeneralName(GeneralName.rfc822Name, "signer@example.com")));
        builder.addExtension(new ASN1ObjectIdentifier("1.3.6.1.4.1.57264.1.1"), false,
                new DEROctetString(OIDC_ISSUER.getBytes(StandardCharsets.UTF_8)));
        builder.addExtension(new ASN1ObjectIdentifier("1.3.6.1.4.1.57264.1.8"), false, new DERUTF8String(OIDC_ISSUER));
        var signer = new JcaContentSignerBuilder("SHA384withECDSA").setProvider(BouncyCastle.PROVIDER)
                .build(issuerKey.getPrivate());
        return new JcaX509CertificateConverter().setProvider(BouncyCastle.PROVIDER).getCertificate(builder.build(signer));
    }

    private byte[] logId() throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(logKey.getPublic().getEncoded());
    }

    /** Signs the folder with the leaf key and returns the envelope of the bundle written. */
    private ObjectNode signFolder() throws Exception {
        Path key = TestPki.writePem(tmp.resolve("leaf.pem"), leafKey.getPrivate());
        Path cert = TestPki.writePem(tmp.resolve("leaf.crt"), leaf);
        Path bundle = ModelSigner.sign(model, key, List.of(cert), 1);
        return (ObjectNode) BundleReader.JSON.readTree(Files.readAllBytes(bundle)).get("dsseEnvelope");
    }

    /** A Rekor-style dsse entry for {@code envelope}, integrated at {@code integrated}, with its SET. */
    private ObjectNode logEntry(ObjectNode envelope, Instant integrated) throws Exception {
        Base64.Encoder b64 = Base64.getEncoder();
        byte[] payload = Base64.getDecoder().decode(envelope.path("payload").asText());
        String pem = "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(leaf.getEncoded()) + "\n-----END CERTIFICATE-----\n";
        String body = "{\"apiVersion\":\"0.0.1\",\"kind\":\"dsse\",\"spec\":{\"payloadHash\":{\"algorithm\":\"sha256\",\"value\":\""
                + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(payload))
                + "\"},\"signatures\":[{\"signature\":\"" + envelope.path("signatures").get(0).path("sig").asText()
                + "\",\"verifier\":\"" + b64.encodeToString(pem.getBytes(StandardCharsets.US_ASCII)) + "\"}]}}";
        String encodedBody = b64.encodeToString(body.getBytes(StandardCharsets.UTF_8));
        long time = integrated.getEpochSecond();
        String canonical = "{\"body\":\"" + encodedBody + "\",\"integratedTime\":" + time + ",\"logID\":\""
                + HexFormat.of().formatHex(logId()) + "\",\"logIndex\":42}";
        Signature set = Signature.getInstance("SHA256withECDSA", BouncyCastle.PROVIDER);
        set.initSign(logKey.getPrivate());
        set.update(canonical.getBytes(StandardCharsets.UTF_8));
        ObjectNode entry = BundleReader.JSON.createObjectNode();
        entry.put("logIndex", "42");
        entry.putObject("logId").put("keyId", b64.encodeToString(logId()));
        entry.putObject("kindVersion").put("kind", "dsse").put("version", "0.0.1");
        entry.put("integratedTime", Long.toString(time));
        entry.putObject("inclusionPromise").put("signedEntryTimestamp", b64.encodeToString(set.sign()));
        entry.put("canonicalizedBody", encodedBody);
        return entry;
    }

    private void writeKeylessBundle(ObjectNode envelope, ObjectNode entry) throws Exception {
        ObjectNode bundle = BundleReader.JSON.createObjectNode();
        bundle.put("mediaType", SigstoreBundle.MEDIA_TYPE_V03);
        ObjectNode material = bundle.putObject("verificationMaterial");
        material.putObject("certificate").put("rawBytes", Base64.getEncoder().encodeToString(leaf.getEncoded()));
        material.putArray("tlogEntries").add(entry);
        bundle.set("dsseEnvelope", envelope);
        Files.write(model.resolve("model.sig"), BundleReader.JSON.writeValueAsBytes(bundle));
    }

    private SignatureOutcome verify() throws Exception {
        return new ModelSignatureVerifier(VerificationOptions.none().withTrustRoot(trustRoot), FileDigests.none(),
                Clock.systemUTC(), Limits.defaults()).verify(model, model.resolve("model.sig"));
    }

    private void assertInvalid(String because) throws Exception {
        SignatureOutcome outcome = verify();
        assertThat(outcome.status()).as(describe(outcome)).isEqualTo(SignatureOutcome.Status.INVALID);
        assertThat(describe(outcome)).contains(because);
    }

    private static String describe(SignatureOutcome outcome) {
        return outcome.fact() + " " + outcome.issues();
    }

    @Test
    void builtKeylessBundleVerifies() throws Exception {
        ObjectNode envelope = signFolder();
        writeKeylessBundle(envelope, logEntry(envelope, issued.plus(Duration.ofMinutes(1))));
        SignatureOutcome outcome = verify();
        assertThat(outcome.status()).as(describe(outcome)).isEqualTo(SignatureOutcome.Status.VALID);
        assertThat(describe(outcome)).contains("signer@example.com", "oidcIssuer=" + OIDC_ISSUER,
                "certificate chain to a Fulcio CA of the trust root",
                "the log entry records this envelope's payload hash, signature and certificate");
    }

    @Test
    void aLogEntryOfAnotherEnvelopeDoesNotVouchForALaterSignature() throws Exception {
        ObjectNode logged = signFolder();
        ObjectNode entry = logEntry(logged, issued.plus(Duration.ofMinutes(1)));
        // Later, the same (now expired) certificate key signs changed content; the old entry is reused.
        Files.writeString(model.resolve("weights.bin"), "backdoored weights");
        Files.delete(model.resolve("model.sig"));
        writeKeylessBundle(signFolder(), entry);
        assertInvalid("records another envelope");
    }

    @Test
    void anIntegrationTimeOutsideTheLeafValidityIsInvalid() throws Exception {
        ObjectNode envelope = signFolder();
        writeKeylessBundle(envelope, logEntry(envelope, issued.plus(Duration.ofHours(1))));
        assertInvalid("outside the signing certificate's validity");
    }

    @Test
    void aSetSignedByAnotherLogKeyIsInvalid() throws Exception {
        ObjectNode envelope = signFolder();
        KeyPair trusted = logKey;
        logKey = TestPki.ecKey("secp256r1");
        ObjectNode entry = logEntry(envelope, issued.plus(Duration.ofMinutes(1)));
        logKey = trusted;
        entry.putObject("logId").put("keyId", Base64.getEncoder().encodeToString(logId()));
        writeKeylessBundle(envelope, entry);
        assertInvalid("signed entry timestamp does not verify");
    }
}
