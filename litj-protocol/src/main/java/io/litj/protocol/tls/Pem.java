package io.litj.protocol.tls;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * Reads PEM text: X.509 certificates ({@code CERTIFICATE} blocks, in file order) and one unencrypted private key
 * ({@code PRIVATE KEY} = PKCS#8, {@code RSA PRIVATE KEY} = PKCS#1, {@code EC PRIVATE KEY} = SEC 1; RSA, EC or
 * Ed25519). Pure: the caller reads the file and names it in {@code where}, which every refusal repeats.
 *
 * <p>Security: the key's bytes never appear in a message.
 */
public final class Pem {
    private static final Pattern KEY_BLOCK = Pattern.compile(
            "-----BEGIN ((?:RSA |EC |ENCRYPTED )?PRIVATE KEY)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");

    private static final ASN1ObjectIdentifier ED25519 = new ASN1ObjectIdentifier("1.3.101.112"); // RFC 8410

    private Pem() {
    }

    /**
     * The certificates of {@code text}, in order.
     *
     * @throws LitProtocolException {@code InvalidArgument} naming {@code where} if there is none or one is malformed
     */
    public static List<X509Certificate> certificates(String text, String where) {
        if (!text.contains("-----BEGIN CERTIFICATE-----")) {
            throw invalid(where + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        }
        try {
            return CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)))
                    .stream().map(c -> (X509Certificate) c).toList();
        } catch (CertificateException | RuntimeException e) {
            throw invalid(where + " holds a malformed certificate: " + e.getMessage());
        }
    }

    /**
     * The one private key of {@code text}.
     *
     * @throws LitProtocolException {@code InvalidArgument} naming {@code where} if there is no key block, it is
     *     encrypted, or it is malformed or of another algorithm
     */
    public static PrivateKey privateKey(String text, String where) {
        Matcher m = KEY_BLOCK.matcher(text);
        if (!m.find()) {
            throw invalid(where + " holds no PEM private key (-----BEGIN PRIVATE KEY-----)");
        }
        String kind = m.group(1);
        if (kind.startsWith("ENCRYPTED")) {
            throw invalid(where + " holds an encrypted private key; give it unencrypted (owner-only file)");
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(m.group(2));
            PrivateKeyInfo info = switch (kind) {
                case "RSA PRIVATE KEY" -> new PrivateKeyInfo(new AlgorithmIdentifier(
                        PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE), RSAPrivateKey.getInstance(der));
                case "EC PRIVATE KEY" -> {
                    ECPrivateKey ec = ECPrivateKey.getInstance(der);
                    if (ec.getParametersObject() == null) {
                        throw invalid(where + " holds an EC PRIVATE KEY without its curve; give it as PKCS#8"
                                + " (openssl pkcs8 -topk8 -nocrypt)");
                    }
                    yield new PrivateKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey,
                            ec.getParametersObject()), ec);
                }
                default -> PrivateKeyInfo.getInstance(der);
            };
            ASN1ObjectIdentifier oid = info.getPrivateKeyAlgorithm().getAlgorithm();
            String algorithm = oid.equals(PKCSObjectIdentifiers.rsaEncryption) ? "RSA"
                    : oid.equals(X9ObjectIdentifiers.id_ecPublicKey) ? "EC"
                    : oid.equals(ED25519) ? "Ed25519" : null;
            if (algorithm == null) {
                throw invalid(where + " holds a private key of algorithm " + oid + "; use RSA, EC or Ed25519");
            }
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded()));
        } catch (GeneralSecurityException | java.io.IOException | IllegalArgumentException | IllegalStateException e) {
            throw invalid(where + " holds a malformed private key (" + kind + ")");
        }
    }

    private static LitProtocolException invalid(String message) {
        return new LitProtocolException(LitErrorCode.InvalidArgument, message);
    }
}
