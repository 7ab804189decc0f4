package io.litj.protocol.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.testing.TestCa;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.junit.jupiter.api.Test;

/**
 * PEM reading (certificates in order; PKCS#8, SEC 1 and PKCS#1 keys; refusals naming the source) and the server
 * context's key-and-certificate check.
 */
class PemAndTlsContextsTest {
    private static final TestCa CA = TestCa.create("pem test CA");

    @Test
    void certificates_keepFileOrder() {
        TestCa.Issued leaf = CA.issue("10.0.0.5");
        String pem = TestCa.pem("CERTIFICATE", encoded(leaf)) + TestCa.pem("CERTIFICATE", caEncoded());
        var chain = Pem.certificates(pem, "chain.pem");
        assertEquals(List.of(leaf.certificate(), CA.certificate()), chain);
    }

    @Test
    void certificates_noneOrMalformed_areRefusedNamingTheSource() {
        LitProtocolException none = assertThrows(LitProtocolException.class, () -> Pem.certificates("x", "a.pem"));
        assertEquals(LitErrorCode.InvalidArgument, none.code());
        assertTrue(none.getMessage().startsWith("a.pem holds no PEM certificate"), none.getMessage());
        LitProtocolException bad = assertThrows(LitProtocolException.class, () -> Pem.certificates(
                "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", "b.pem"));
        assertTrue(bad.getMessage().startsWith("b.pem holds a malformed certificate"), bad.getMessage());
    }

    @Test
    void privateKey_pkcs8AndSec1_giveTheSameEcKey() throws Exception {
        PrivateKey key = CA.issue("10.0.0.5").key();
        java.math.BigInteger d = ((java.security.interfaces.ECPrivateKey) key).getS();
        byte[] sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(256, d, new org.bouncycastle.asn1.x9.X962Parameters(
                org.bouncycastle.asn1.sec.SECObjectIdentifiers.secp256r1)).getEncoded(); // as openssl ecparam writes
        assertArrayEquals(key.getEncoded(), Pem.privateKey(TestCa.pem("PRIVATE KEY", key.getEncoded()), "k")
                .getEncoded());
        PrivateKey fromSec1 = Pem.privateKey(TestCa.pem("EC PRIVATE KEY", sec1), "k");
        assertEquals("EC", fromSec1.getAlgorithm());
        assertEquals(((java.security.interfaces.ECPrivateKey) key).getS(),
                ((java.security.interfaces.ECPrivateKey) fromSec1).getS());
    }

    @Test
    void privateKey_sec1WithoutCurve_isRefused() throws Exception {
        PrivateKey key = CA.issue("10.0.0.5").key();
        byte[] bare = PrivateKeyInfo.getInstance(key.getEncoded()).parsePrivateKey().toASN1Primitive().getEncoded();
        LitProtocolException e = assertThrows(LitProtocolException.class,
                () -> Pem.privateKey(TestCa.pem("EC PRIVATE KEY", bare), "bare.key"));
        assertTrue(e.getMessage().startsWith("bare.key holds an EC PRIVATE KEY without its curve"), e.getMessage());
    }

    @Test
    void privateKey_pkcs1Rsa_isRead() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        PrivateKey rsa = g.generateKeyPair().getPrivate();
        byte[] pkcs1 = PrivateKeyInfo.getInstance(rsa.getEncoded()).parsePrivateKey().toASN1Primitive().getEncoded();
        PrivateKey read = Pem.privateKey(TestCa.pem("RSA PRIVATE KEY", pkcs1), "rsa.key");
        assertEquals(((java.security.interfaces.RSAPrivateKey) rsa).getPrivateExponent(),
                ((java.security.interfaces.RSAPrivateKey) read).getPrivateExponent());
    }

    @Test
    void privateKey_missingEncryptedOrMalformed_isRefusedWithoutKeyBytes() {
        LitProtocolException none = assertThrows(LitProtocolException.class, () -> Pem.privateKey("x", "n.key"));
        assertTrue(none.getMessage().startsWith("n.key holds no PEM private key"), none.getMessage());
        LitProtocolException encrypted = assertThrows(LitProtocolException.class, () -> Pem.privateKey(
                "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n", "e.key"));
        assertTrue(encrypted.getMessage().startsWith("e.key holds an encrypted private key"),
                encrypted.getMessage());
        LitProtocolException bad = assertThrows(LitProtocolException.class, () -> Pem.privateKey(
                "-----BEGIN PRIVATE KEY-----\nQUJDREVGR0g=\n-----END PRIVATE KEY-----\n", "m.key"));
        assertEquals("m.key holds a malformed private key (PRIVATE KEY)", bad.getMessage());
    }

    @Test
    void server_keyOfAnotherCertificate_isRefused_matchingOne_isAccepted() {
        TestCa.Issued a = CA.issue("10.0.0.5");
        TestCa.Issued b = CA.issue("10.0.0.5");
        assertNotNull(TlsContexts.server(a.key(), List.of(a.certificate()), "a"));
        LitProtocolException e = assertThrows(LitProtocolException.class,
                () -> TlsContexts.server(b.key(), List.of(a.certificate()), "tls.keyFile b"));
        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertTrue(e.getMessage().startsWith("tls.keyFile b: the private key does not belong to the certificate"),
                e.getMessage());
        assertThrows(LitProtocolException.class, () -> TlsContexts.server(a.key(), List.of(), "empty"));
    }

    private static byte[] encoded(TestCa.Issued issued) {
        try {
            return issued.certificate().getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] caEncoded() {
        try {
            return CA.certificate().getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
