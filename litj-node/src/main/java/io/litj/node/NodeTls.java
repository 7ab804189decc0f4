package io.litj.node;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.json.JsonFields;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.tls.Pem;
import io.litj.protocol.tls.TlsContexts;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * The built-in TLS listener's files, the {@code tls} member of a node config:
 * {@code "tls":{"certFile":"node.crt","keyFile":"node.key"}}. The certificate file is PEM, the node's certificate
 * first and any intermediates after it; the key file an unencrypted PEM private key (PKCS#8, PKCS#1 or SEC 1; EC,
 * RSA or Ed25519, {@link Pem}). {@link #load()} reads both and checks that the key belongs to the certificate.
 *
 * @param certFile the certificate chain (PEM)
 * @param keyFile  the private key (PEM); keep it owner-only
 */
public record NodeTls(Path certFile, Path keyFile) {
    static final String FIELD = "tls";
    private static final Set<String> FIELDS = Set.of("certFile", "keyFile");

    public NodeTls {
        Objects.requireNonNull(certFile, "certFile");
        Objects.requireNonNull(keyFile, "keyFile");
    }

    /**
     * The server context of the certificate chain and key.
     *
     * @throws LitNodeException {@code InvalidArgument} naming the file: unreadable, larger than 1 MiB, no or a
     *     malformed certificate or key, or a key that does not belong to the certificate
     */
    public SSLContext load() {
        String certWhere = "tls.certFile " + certFile;
        String keyWhere = "tls.keyFile " + keyFile;
        try {
            List<X509Certificate> chain = Pem.certificates(PemFiles.text(certFile, "tls.certFile"), certWhere);
            PrivateKey key = Pem.privateKey(PemFiles.text(keyFile, "tls.keyFile"), keyWhere);
            return TlsContexts.server(key, chain, keyWhere + " for " + certWhere);
        } catch (LitProtocolException e) {
            throw PemFiles.invalid(e.getMessage());
        }
    }

    /** The {@code tls} member of a node config, or null; relative paths against {@code base}. */
    static NodeTls read(JsonFields config, Path base) {
        if (!config.has(FIELD)) {
            return null;
        }
        JsonFields f = new JsonFields(config.object(FIELD), LitErrorCode.InvalidArgument, "node config member 'tls'")
                .onlyKnown(FIELDS);
        return new NodeTls(base.resolve(f.string("certFile")), base.resolve(f.string("keyFile")));
    }

    /** Adds the {@code tls} member (absolute paths). */
    void write(JsonValue.ObjectBuilder b) {
        b.put(FIELD, JsonValue.object().put("certFile", certFile.toAbsolutePath().toString())
                .put("keyFile", keyFile.toAbsolutePath().toString()).build());
    }
}
