package io.litj.node;

import io.litj.node.registry.NodeEntry;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.chain.NodeUrl;
import io.litj.protocol.json.JsonFields;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.tls.Pem;
import io.litj.protocol.tls.TlsContexts;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * Where and how a node serves, and whom it trusts when it calls its peers: the node config members
 * {@code "listen":"127.0.0.1:7470"} (a local address apart from the registered one, so that a TLS terminator can
 * sit on the registered {@code ip:443} and forward to it; default: the registered address), {@code "tls":{…}}
 * ({@link NodeTls}: the node serves https itself) and {@code "peerCaFile":"ca.pem"} (a private CA trusted beside
 * the JDK trust store for calls to peers).
 *
 * <p>Clients pick the scheme from the registered port alone ({@link NodeUrl}), so without {@code listen} the
 * registered port decides: a node registered on 443 needs {@code tls}, and {@code tls} needs port 443; with
 * {@code listen}, whatever forwards the registered address to it is the operator's to match.
 *
 * @param host       the address to bind, or null for the registered one
 * @param port       the port to bind (0 with a null host)
 * @param tls        the built-in TLS listener's files, or null for plain http
 * @param peerCaFile a PEM CA file trusted for calls to peers, or null
 */
public record ListenConfig(String host, int port, NodeTls tls, Path peerCaFile) {
    static final Set<String> FIELDS = Set.of("listen", NodeTls.FIELD, "peerCaFile");
    private static final int MAX_HOST_CHARS = 253;

    /** @throws LitNodeException {@code InvalidArgument} for a port outside 1..65535 or an empty or odd host */
    public ListenConfig {
        if (host == null ? port != 0 : (host.isEmpty() || host.length() > MAX_HOST_CHARS
                || !host.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == ':')
                || port <= 0 || port > 65535)) {
            throw PemFiles.invalid("listen must be host:port with a port in 1..65535 but is " + host + ":" + port);
        }
    }

    /** The registered address, plain http unless port 443 says otherwise, the JDK trust store. */
    public static ListenConfig registered() {
        return new ListenConfig(null, 0, null, null);
    }

    /** A copy binding {@code host:port} instead of the registered address. */
    public ListenConfig withListen(String host, int port) {
        return new ListenConfig(host, port, tls, peerCaFile);
    }

    /** A copy serving https with {@code tls}. */
    public ListenConfig withTls(NodeTls tls) {
        return new ListenConfig(host, port, tls, peerCaFile);
    }

    /** A copy trusting {@code peerCaFile} for calls to peers. */
    public ListenConfig withPeerCaFile(Path peerCaFile) {
        return new ListenConfig(host, port, tls, peerCaFile);
    }

    /** The host to bind: {@code listen}'s, else {@code registered}. */
    public String host(String registered) {
        return host == null ? registered : host;
    }

    /** The port to bind: {@code listen}'s, else {@code registered}. */
    public int port(int registered) {
        return host == null ? registered : port;
    }

    /**
     * The built-in TLS listener's context, if {@code tls} is set.
     *
     * @throws LitNodeException {@code InvalidArgument} naming the file ({@link NodeTls#load()})
     */
    public Optional<SSLContext> serverTls() {
        return tls == null ? Optional.empty() : Optional.of(tls.load());
    }

    /**
     * The client context of this node's https calls to peers: the JDK trust store plus {@code peerCaFile}'s
     * certificates.
     *
     * @throws LitNodeException {@code InvalidArgument} naming the file if it cannot be read or holds no certificate
     */
    public SSLContext peerTls() {
        List<X509Certificate> cas = List.of();
        if (peerCaFile != null) {
            String where = "peerCaFile " + peerCaFile;
            try {
                cas = Pem.certificates(PemFiles.text(peerCaFile, "peerCaFile"), where);
            } catch (LitProtocolException e) {
                throw PemFiles.invalid(e.getMessage());
            }
        }
        return TlsContexts.client(cas);
    }

    /**
     * Checks that clients reaching {@code entry}'s registered URL speak what this node serves.
     *
     * @throws LitNodeException {@code InvalidArgument} for a node registered on 443 without {@code tls} or
     *     {@code listen}, or with {@code tls} on another registered port without {@code listen}
     */
    public void requireMatches(NodeEntry entry) {
        if (host != null) {
            return;
        }
        boolean https = entry.port() == NodeUrl.HTTPS_PORT;
        if (https && tls == null) {
            throw PemFiles.invalid("node " + entry.index() + " is registered at " + entry.address() + ", which"
                    + " clients reach over https: give 'tls' {certFile, keyFile}, or 'listen' on a local port behind"
                    + " a TLS terminator on " + entry.address());
        }
        if (!https && tls != null) {
            throw PemFiles.invalid("node " + entry.index() + " is registered at " + entry.address() + ", which"
                    + " clients reach over plain http, but 'tls' is set; register port " + NodeUrl.HTTPS_PORT
                    + " or give 'listen' for a forwarder");
        }
    }

    static ListenConfig read(JsonFields f, Path base) {
        String host = null;
        int port = 0;
        if (f.has("listen")) {
            String text = f.string("listen");
            int colon = text.lastIndexOf(':');
            if (colon <= 0 || colon == text.length() - 1 || text.length() - colon > 6
                    || !text.substring(colon + 1).chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw f.fail("field 'listen' must be host:port but is '" + io.litj.protocol.Text.cut(text) + "'");
            }
            host = text.substring(0, colon);
            port = Integer.parseInt(text.substring(colon + 1));
        }
        Path ca = f.has("peerCaFile") ? base.resolve(f.string("peerCaFile")) : null;
        return new ListenConfig(host, port, NodeTls.read(f, base), ca);
    }

    void write(JsonValue.ObjectBuilder b) {
        if (host != null) {
            b.put("listen", host + ":" + port);
        }
        if (tls != null) {
            tls.write(b);
        }
        if (peerCaFile != null) {
            b.put("peerCaFile", peerCaFile.toAbsolutePath().toString());
        }
    }
}
