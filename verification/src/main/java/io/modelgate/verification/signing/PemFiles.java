package io.modelgate.verification.signing;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Reads PEM keys and certificates given by the user, and renders public keys in canonical PEM. */
public final class PemFiles {

    /** Key and certificate files are small; anything larger is not one. */
    private static final long MAX_PEM_BYTES = 1024 * 1024;

    private PemFiles() {
    }

    public static PublicKey publicKey(Path file) throws IOException {
        for (Object item : items(file)) {
            if (item instanceof SubjectPublicKeyInfo info) {
                return converter().getPublicKey(info);
            }
            if (item instanceof X509CertificateHolder cert) {
                return converter().getPublicKey(cert.getSubjectPublicKeyInfo());
            }
            if (item instanceof PEMKeyPair pair) {
                return converter().getPublicKey(pair.getPublicKeyInfo());
            }
        }
        throw new IOException(file + ": no PEM public key found");
    }

    public static PrivateKey privateKey(Path file) throws IOException {
        for (Object item : items(file)) {
            if (item instanceof PEMKeyPair pair) {
                return converter().getKeyPair(pair).getPrivate();
            }
            if (item instanceof PrivateKeyInfo info) {
                return converter().getPrivateKey(info);
            }
        }
        throw new IOException(file + ": no unencrypted PEM private key found (PKCS#8 or SEC1)");
    }

    public static List<X509Certificate> certificates(Path file) throws IOException {
        List<X509Certificate> certs = new ArrayList<>();
        for (Object item : items(file)) {
            if (item instanceof X509CertificateHolder holder) {
                try {
                    certs.add(new JcaX509CertificateConverter().setProvider(BouncyCastle.PROVIDER).getCertificate(holder));
                } catch (GeneralSecurityException e) {
                    throw new IOException(file + ": bad certificate: " + e.getMessage(), e);
                }
            }
        }
        if (certs.isEmpty()) {
            throw new IOException(file + ": no PEM certificate found");
        }
        return certs;
    }

    public static X509Certificate certificate(byte[] der) throws IOException {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509", BouncyCastle.PROVIDER);
            return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IOException("bad certificate: " + e.getMessage(), e);
        }
    }

    /** SubjectPublicKeyInfo PEM, 64-character lines, LF endings: what the model_signing key hint hashes. */
    public static String canonicalPem(PublicKey key) {
        String base64 = Base64.getEncoder().encodeToString(key.getEncoded());
        StringBuilder pem = new StringBuilder("-----BEGIN PUBLIC KEY-----\n");
        for (int i = 0; i < base64.length(); i += 64) {
            pem.append(base64, i, Math.min(base64.length(), i + 64)).append('\n');
        }
        return pem.append("-----END PUBLIC KEY-----\n").toString();
    }

    private static List<Object> items(Path file) throws IOException {
        if (Files.size(file) > MAX_PEM_BYTES) {
            throw new IOException(file + ": too large for a PEM key or certificate file");
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        List<Object> items = new ArrayList<>();
        try (Reader reader = new StringReader(text); PEMParser parser = new PEMParser(reader)) {
            Object item;
            while ((item = parser.readObject()) != null) {
                items.add(item);
            }
        } catch (RuntimeException e) {
            throw new IOException(file + ": malformed PEM: " + e.getMessage(), e);
        }
        return items;
    }

    private static JcaPEMKeyConverter converter() {
        return new JcaPEMKeyConverter().setProvider(BouncyCastle.PROVIDER);
    }
}
