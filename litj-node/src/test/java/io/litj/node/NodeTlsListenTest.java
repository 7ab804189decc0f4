package io.litj.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.node.actions.ActionRuntime;
import io.litj.node.keys.NodeIdentity;
import io.litj.node.registry.Block;
import io.litj.node.registry.NetworkInfo;
import io.litj.node.registry.NodeEntry;
import io.litj.node.testing.InMemoryRegistry;
import io.litj.node.testing.NodeNetwork;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.testing.Port443;
import io.litj.protocol.testing.TestCa;
import io.litj.protocol.tls.TlsContexts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One node's listener: bound at {@code listen} apart from its registered address (reached there through a plain TCP
 * forwarder), serving https itself when registered on 127.0.0.1:443 with {@code tls} (a test CA's certificate), and
 * refusing at start-up, with {@code InvalidArgument} naming the file, TLS files that are unreadable or do not belong
 * together, and a listener that clients of the registered URL could not speak to.
 */
class NodeTlsListenTest {
    private static final ActionRuntime RUNTIME = new ActionRuntime(NodeNetwork.QUICK_LIMITS);
    private static final TestCa CA = TestCa.create("litj test CA");

    @TempDir
    Path dir;

    @AfterAll
    static void closeRuntime() {
        RUNTIME.close();
    }

    private LitNode start(int registeredPort, ListenConfig listen, InMemoryRegistry[] registryOut) {
        NodeIdentity id = NodeIdentity.loadOrCreate(dir.resolve("node-0"), new SecureRandom());
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        InMemoryRegistry registry = new InMemoryRegistry(new NetworkInfo(31337, 1, NetworkInfo.thresholdFor(1),
                "0xD4507CD392Af2c80919219d7896508728f6A623F", start, 86_400), List.of(new NodeEntry(0, "127.0.0.1",
                registeredPort, id.wallet().address().toChecksumString(), id.identityPublicKey())));
        registry.appendBlock(new Block(0, "0x" + "ab".repeat(32), start));
        registryOut[0] = registry;
        try {
            return LitNode.builder(NodeConfig.of(dir.resolve("registry.sqlite"), 0, dir.resolve("node-0"))
                    .withListen(listen)).registry(registry).clock(Clock.systemUTC()).actionRuntime(RUNTIME).start();
        } catch (RuntimeException e) {
            registry.close();
            throw e;
        }
    }

    private NodeTls issuedFor127() {
        Path[] files = CA.issue("127.0.0.1").write(dir, "node");
        return new NodeTls(files[0], files[1]);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpResponse<String> get(SSLContext tls, String url) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10))
                .build()) {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void listen_apartFromRegistered_bindsThere_andAnswersAtRegisteredUrlThroughForwarder() throws Exception {
        int registered = freePort();
        int local = freePort();
        InMemoryRegistry[] registry = new InMemoryRegistry[1];
        try (LitNode node = start(registered, ListenConfig.registered().withListen("127.0.0.1", local), registry);
             Forwarder forwarder = new Forwarder(registered, local)) {
            assertEquals("http://127.0.0.1:" + local, node.listenAddress());
            assertEquals("http://127.0.0.1:" + registered, node.url());
            HttpResponse<String> r = get(TlsContexts.client(List.of()), node.url() + "/litj/health");
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(r.body().contains("127.0.0.1:" + registered), r.body()); // the node names its registered address
            assertTrue(forwarder.accepted() > 0);
        } finally {
            registry[0].close();
        }
    }

    @Test
    void tls_onPort443_servesHttps_trustedWithTheCa_refusedWithoutIt() throws Exception {
        Port443.requireBindable();
        InMemoryRegistry[] registry = new InMemoryRegistry[1];
        try (LitNode node = start(443, ListenConfig.registered().withTls(issuedFor127()), registry)) {
            assertEquals("https://127.0.0.1:443", node.url());
            assertEquals("https://127.0.0.1:443", node.listenAddress());
            HttpResponse<String> r = get(TlsContexts.client(List.of(CA.certificate())), node.url() + "/litj/health");
            assertEquals(200, r.statusCode(), r.body());
            assertThrows(SSLHandshakeException.class,
                    () -> get(TlsContexts.client(List.of()), node.url() + "/litj/health"));
            TestCa other = TestCa.create("another CA");
            assertThrows(SSLHandshakeException.class,
                    () -> get(TlsContexts.client(List.of(other.certificate())), node.url() + "/litj/health"));
        } finally {
            registry[0].close();
        }
    }

    @Test
    void registeredOn443_withoutTlsOrListen_isRefused() {
        LitNodeException e = assertThrows(LitNodeException.class,
                () -> start(443, ListenConfig.registered(), new InMemoryRegistry[1]));
        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertTrue(e.getMessage().contains("https: give 'tls'"), e.getMessage());
    }

    @Test
    void tls_onAPlainHttpRegisteredPort_withoutListen_isRefused() {
        LitNodeException e = assertThrows(LitNodeException.class,
                () -> start(freePort(), ListenConfig.registered().withTls(issuedFor127()), new InMemoryRegistry[1]));
        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertTrue(e.getMessage().contains("plain http, but 'tls' is set"), e.getMessage());
    }

    @Test
    void tls_unreadableCertFile_isRefusedNamingIt() {
        NodeTls good = issuedFor127();
        NodeTls missing = new NodeTls(dir.resolve("absent.crt"), good.keyFile());
        LitNodeException e = assertThrows(LitNodeException.class, missing::load);
        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertTrue(e.getMessage().contains("tls.certFile " + dir.resolve("absent.crt")), e.getMessage());
    }

    @Test
    void tls_keyOfAnotherCertificate_isRefusedNamingTheFiles() {
        NodeTls first = issuedFor127();
        Path[] second = CA.issue("127.0.0.1").write(dir, "other");
        LitNodeException e = assertThrows(LitNodeException.class, () -> new NodeTls(first.certFile(), second[1])
                .load());
        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertTrue(e.getMessage().contains("does not belong to the certificate"), e.getMessage());
        assertTrue(e.getMessage().contains(second[1].toString()), e.getMessage());
    }

    @Test
    void tls_keyFileWithoutKey_andCertFileWithoutCertificate_areRefused() throws IOException {
        NodeTls good = issuedFor127();
        Path junk = Files.writeString(dir.resolve("junk.pem"), "not pem");
        LitNodeException noKey = assertThrows(LitNodeException.class, () -> new NodeTls(good.certFile(), junk).load());
        assertEquals(LitErrorCode.InvalidArgument, noKey.code());
        assertTrue(noKey.getMessage().contains("tls.keyFile " + junk + " holds no PEM private key"),
                noKey.getMessage());
        LitNodeException noCert = assertThrows(LitNodeException.class, () -> new NodeTls(junk, good.keyFile())
                .load());
        assertTrue(noCert.getMessage().contains("tls.certFile " + junk + " holds no PEM certificate"),
                noCert.getMessage());
    }

    @Test
    void peerCaFile_withoutCertificate_isRefusedNamingIt() throws IOException {
        Path junk = Files.writeString(dir.resolve("ca.pem"), "-----BEGIN PRIVATE KEY-----\n");
        LitNodeException e = assertThrows(LitNodeException.class,
                () -> ListenConfig.registered().withPeerCaFile(junk).peerTls());
        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertTrue(e.getMessage().contains("peerCaFile " + junk), e.getMessage());
    }

    /** A plain TCP forwarder from one port of 127.0.0.1 to another, one thread pair per connection. */
    private static final class Forwarder implements AutoCloseable {
        private final ServerSocket server;
        private final Thread acceptor;
        private volatile int accepted;

        Forwarder(int from, int to) throws IOException {
            this.server = new ServerSocket(from, 16, InetAddress.getByName("127.0.0.1"));
            this.acceptor = Thread.ofVirtual().start(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket in = server.accept();
                        accepted++;
                        Socket out = new Socket(InetAddress.getByName("127.0.0.1"), to);
                        Thread.ofVirtual().start(() -> pump(in, out));
                        Thread.ofVirtual().start(() -> pump(out, in));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        int accepted() {
            return accepted;
        }

        private static void pump(Socket from, Socket to) {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // the other side closed
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException ignored) {
                    // closing
                }
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            acceptor.interrupt();
        }
    }
}
