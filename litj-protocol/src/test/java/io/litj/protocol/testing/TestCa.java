package io.litj.protocol.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * A throw-away certificate authority for TLS tests, made with Bouncy Castle's ASN.1 classes: a self-signed P-256 CA
 * and server certificates it signs for an IP address (subjectAltName iPAddress), valid from a day ago for 30 days.
 * Writes PEM files ({@code CERTIFICATE}, PKCS#8 {@code PRIVATE KEY}).
 */
public final class TestCa {
    private static final AlgorithmIdentifier ECDSA_SHA256 = new AlgorithmIdentifier(
            X9ObjectIdentifiers.ecdsa_with_SHA256);

    private final KeyPair caKeys;
    private final X509Certificate caCert;
    private final X500Name caName;
    private final SecureRandom random;

    private TestCa(String name, SecureRandom random) {
        this.random = random;
        this.caKeys = newKeys(random);
        this.caName = new X500Name("CN=" + name);
        this.caCert = sign(caName, caKeys.getPublic().getEncoded(), new Extensions(new Extension[] {
                new Extension(Extension.basicConstraints, true, der(new BasicConstraints(true))),
                new Extension(Extension.keyUsage, true, der(new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)))}));
    }

    /** A new CA called {@code name}. */
    public static TestCa create(String name) {
        return new TestCa(name, new SecureRandom());
    }

    /** The CA certificate. */
    public X509Certificate certificate() {
        return caCert;
    }

    /** Writes the CA certificate as PEM to {@code file}. */
    public Path writeCertificate(Path file) {
        return write(file, pem("CERTIFICATE", encoded(caCert)));
    }

    /** A server key and certificate for {@code ip}, signed by this CA. */
    public Issued issue(String ip) {
        KeyPair keys = newKeys(random);
        GeneralNames san = new GeneralNames(new GeneralName(GeneralName.iPAddress, ip));
        X509Certificate cert = sign(new X500Name("CN=" + ip), keys.getPublic().getEncoded(), new Extensions(
                new Extension[] {new Extension(Extension.subjectAlternativeName, false, der(san)),
                        new Extension(Extension.keyUsage, true, der(new KeyUsage(KeyUsage.digitalSignature)))}));
        return new Issued(keys.getPrivate(), cert);
    }

    /** A server certificate and its key. */
    public record Issued(PrivateKey key, X509Certificate certificate) {
        /** Writes {@code dir/<name>.crt} (PEM) and {@code dir/<name>.key} (PKCS#8 PEM); returns the pair of paths. */
        public Path[] write(Path dir, String name) {
            Path crt = TestCa.write(dir.resolve(name + ".crt"), pem("CERTIFICATE", encoded(certificate)));
            Path key = TestCa.write(dir.resolve(name + ".key"), pem("PRIVATE KEY", this.key.getEncoded()));
            return new Path[] {crt, key};
        }

        @Override
        public String toString() {
            return "Issued[" + certificate.getSubjectX500Principal().getName() + "]";
        }
    }

    private X509Certificate sign(X500Name subject, byte[] publicKeyInfo, Extensions extensions) {
        V3TBSCertificateGenerator tbs = new V3TBSCertificateGenerator();
        tbs.setSerialNumber(new ASN1Integer(new BigInteger(64, random).add(BigInteger.ONE)));
        tbs.setIssuer(caName);
        tbs.setSubject(subject);
        Instant now = Instant.now();
        tbs.setStartDate(new Time(Date.from(now.minus(Duration.ofDays(1)))));
        tbs.setEndDate(new Time(Date.from(now.plus(Duration.ofDays(30)))));
        tbs.setSubjectPublicKeyInfo(SubjectPublicKeyInfo.getInstance(publicKeyInfo));
        tbs.setSignature(ECDSA_SHA256);
        tbs.setExtensions(extensions);
        TBSCertificate body = tbs.generateTBSCertificate();
        try {
            Signature s = Signature.getInstance("SHA256withECDSA");
            s.initSign(caKeys.getPrivate());
            s.update(body.getEncoded());
            ASN1EncodableVector v = new ASN1EncodableVector();
            v.add(body);
            v.add(ECDSA_SHA256);
            v.add(new DERBitString(s.sign()));
            byte[] der = new DERSequence(v).getEncoded();
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair newKeys(SecureRandom random) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), random);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DEROctetString der(org.bouncycastle.asn1.ASN1Encodable value) {
        try {
            return new DEROctetString(value.toASN1Primitive().getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] encoded(X509Certificate cert) {
        try {
            return cert.getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** PEM text of {@code der} under {@code label}. */
    public static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private static Path write(Path file, String text) {
        try {
            return Files.writeString(file, text, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
