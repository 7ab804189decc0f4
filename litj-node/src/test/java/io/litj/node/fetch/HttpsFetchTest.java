package io.litj.node.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.litj.node.actions.ActionLimits;
import io.litj.node.actions.ActionRequest;
import io.litj.node.actions.ActionRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fetch} over HTTPS inside real Lit Actions, against a JDK HTTPS server on 127.0.0.1 whose certificate (made
 * here by the JDK's {@code keytool}, for the name {@code localhost} only) the test's trust store holds: the body
 * arrives when the fetcher trusts the certificate and the URL names {@code localhost}; the same server is refused
 * when the URL names {@code 127.0.0.1} (the certificate does not cover it) and when the fetcher trusts only the
 * JDK's certificates (the node's default). Nothing leaves 127.0.0.0/8.
 */
class HttpsFetchTest {
    private static final char[] PASSWORD = "test-only".toCharArray();

    @TempDir
    static Path dir;

    private static HttpsServer server;
    private static ExecutorService executor;
    private static SSLContext context;
    private static ActionRuntime runtime;

    @BeforeAll
    static void start() throws Exception {
        Path store = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=localhost", "-ext", "SAN=dns:localhost", "-validity", "2", "-storetype", "PKCS12", "-keystore",
                store.toString(), "-storepass", new String(PASSWORD)).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0, output);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD);
        }
        KeyManagerFactory km = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        km.init(keys, PASSWORD);
        TrustManagerFactory tm = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tm.init(keys);
        context = SSLContext.getInstance("TLS");
        context.init(km.getKeyManagers(), tm.getTrustManagers(), null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] body = "hello over tls".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
        runtime = new ActionRuntime(ActionLimits.defaults());
    }

    @AfterAll
    static void stop() {
        if (runtime != null) {
            runtime.close();
        }
        if (server != null) {
            server.stop(0);
        }
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private static String fetch(String host, SSLSocketFactory tls) {
        int port = server.getAddress().getPort();
        FetchLimits limits = FetchLimits.defaults().withAllowed("127.0.0.1:" + port).withAllowed("localhost:" + port);
        ActionFetcher fetcher = new ActionFetcher(limits, HostResolver.SYSTEM, Clock.systemUTC(), tls);
        String code = """
                (async () => {
                  try {
                    const r = await fetch('https://%s:%d/');
                    LitActions.setResponse({response: r.status + ' ' + await r.text()});
                  } catch (e) {
                    LitActions.setResponse({response: 'rejected: ' + e.name + ': ' + e.message});
                  }
                })();""".formatted(host, port);
        return runtime.run(ActionRequest.of(code), fetcher.forRun(runtime.limits().timeout())).response();
    }

    @Test
    void https_trustedCertificateForTheName_bodyArrives() {
        assertEquals("200 hello over tls", fetch("localhost", context.getSocketFactory()));
    }

    @Test
    void https_certificateNotForTheUrlsHost_refused() {
        String out = fetch("127.0.0.1", context.getSocketFactory());
        assertTrue(out.startsWith("rejected: TypeError: fetch failed: https://127.0.0.1:"), out);
        assertTrue(out.contains("TLS failed") && out.contains("127.0.0.1 found"), out);
    }

    @Test
    void https_certificateTheJdkDoesNotTrust_refused() {
        String out = fetch("localhost", (SSLSocketFactory) SSLSocketFactory.getDefault());
        assertTrue(out.startsWith("rejected: TypeError: fetch failed: "), out);
        assertTrue(out.contains("TLS failed") && out.contains("certification path"), out);
    }
}
