package io.modelgate.verification.signing;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

/** Keys and certificates generated at test time (nothing secret is committed). */
final class TestPki {

    private static final AtomicLong SERIAL = new AtomicLong(1000);

    private TestPki() {
    }

    static KeyPair ecKey(String curve) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BouncyCastle.PROVIDER);
        generator.initialize(new ECGenParameterSpec(curve));
        return generator.generateKeyPair();
    }

    static Path writePem(Path file, Object... items) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            for (Object item : items) {
                writer.writeObject(item);
            }
        }
        return Files.writeString(file, text.toString());
    }

    static X509Certificate certificate(String subject, KeyPair subjectKey, String issuer, KeyPair issuerKey,
                                       boolean ca, Instant from, Instant to) throws Exception {
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name("CN=" + issuer),
                BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(from), Date.from(to), new X500Name("CN=" + subject),
                subjectKey.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        builder.addExtension(Extension.keyUsage, true,
                new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature));
        var signer = new JcaContentSignerBuilder("SHA256withECDSA").setProvider(BouncyCastle.PROVIDER)
                .build(issuerKey.getPrivate());
        return new JcaX509CertificateConverter().setProvider(BouncyCastle.PROVIDER).getCertificate(builder.build(signer));
    }

    static X509Certificate certificate(String subject, KeyPair subjectKey, String issuer, KeyPair issuerKey,
                                       boolean ca) throws Exception {
        Instant now = Instant.now();
        return certificate(subject, subjectKey, issuer, issuerKey, ca, now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(365)));
    }
}
