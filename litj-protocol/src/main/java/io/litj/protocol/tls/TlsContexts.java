package io.litj.protocol.tls;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS contexts litj uses: a server's (its key and certificate chain, checked to belong together) and a
 * client's, which trusts the JDK's trust store plus optional extra CA certificates (a private CA) and nothing else.
 * There is no trust-all mode. Host names and IP addresses are checked by the HTTP client, as for any https URL.
 */
public final class TlsContexts {
    private static final char[] STORE_PASSWORD = "litj".toCharArray(); // in-memory store only
    private static final byte[] PROBE = "litj key and certificate match".getBytes(StandardCharsets.US_ASCII);

    private TlsContexts() {
    }

    /**
     * A server context presenting {@code chain} (leaf first) with {@code key}.
     *
     * @throws LitProtocolException {@code InvalidArgument} naming {@code where} if the chain is empty or the key
     *     does not belong to the leaf certificate
     */
    public static SSLContext server(PrivateKey key, List<X509Certificate> chain, String where) {
        if (chain.isEmpty()) {
            throw invalid(where + ": no certificate");
        }
        requireMatch(key, chain.getFirst(), where);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("node", key, STORE_PASSWORD, chain.toArray(new Certificate[0]));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, STORE_PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw invalid(where + ": cannot use the key and certificate: " + e.getMessage());
        }
    }

    /**
     * A client context trusting the JDK's default trust store and {@code extraCas}.
     *
     * @throws LitProtocolException {@code InvalidArgument} if the trust store cannot be built
     */
    public static SSLContext client(List<X509Certificate> extraCas) {
        try {
            if (extraCas.isEmpty()) {
                return SSLContext.getDefault(); // the JDK trust store, built once per process
            }
            TrustManagerFactory defaults = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            defaults.init((KeyStore) null);
            List<X509Certificate> anchors = new ArrayList<>(extraCas);
            for (TrustManager tm : defaults.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) {
                    anchors.addAll(List.of(x.getAcceptedIssuers()));
                }
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (int i = 0; i < anchors.size(); i++) {
                store.setCertificateEntry("ca-" + i, anchors.get(i));
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw invalid("cannot build the TLS trust store: " + e.getMessage());
        }
    }

    private static void requireMatch(PrivateKey key, X509Certificate leaf, String where) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> throw invalid(where + ": private key of unsupported algorithm " + key.getAlgorithm());
        };
        boolean matches;
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(PROBE);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(leaf.getPublicKey());
            verifier.update(PROBE);
            matches = verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            matches = false;
        }
        if (!matches) {
            throw invalid(where + ": the private key does not belong to the certificate "
                    + leaf.getSubjectX500Principal().getName());
        }
    }

    private static LitProtocolException invalid(String message) {
        return new LitProtocolException(LitErrorCode.InvalidArgument, message);
    }
}
