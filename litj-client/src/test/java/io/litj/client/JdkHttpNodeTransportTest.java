package io.litj.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.litj.client.testing.FakeLitNetwork;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdkHttpNodeTransportTest {
    private HttpServer server;
    private JdkHttpNodeTransport transport;
    private final AtomicReference<String> seenHeader = new AtomicReference<>();
    private final AtomicReference<String> seenBody = new AtomicReference<>();

    @BeforeEach
    void start() throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/echo", ex -> {
            seenHeader.set(ex.getRequestHeaders().getFirst("X-Lit-SDK-Type"));
            seenBody.set(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            reply(ex, 201, "{\"ok\":true}".getBytes(StandardCharsets.UTF_8));
        });
        server.createContext("/huge", ex -> reply(ex, 200, new byte[JdkHttpNodeTransport.MAX_BODY_BYTES + 1]));
        server.start();
        transport = JdkHttpNodeTransport.create(Duration.ofSeconds(2));
    }

    private static void reply(com.sun.net.httpserver.HttpExchange ex, int status, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @AfterEach
    void stop() {
        transport.close();
        server.stop(0);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Test
    void post_sendsBodyAndHeaders_andReturnsStatusTypeAndBody() throws Exception {
        RawHttpResponse r = transport.post(url("/echo"), "{\"a\":1}", Map.of("X-Lit-SDK-Type", "Java"),
                Duration.ofSeconds(5)).get(10, TimeUnit.SECONDS);
        assertEquals(new RawHttpResponse(201, "application/json", "{\"ok\":true}"), r);
        assertEquals("Java", seenHeader.get());
        assertEquals("{\"a\":1}", seenBody.get());
    }

    @Test
    void get_bodyOverTheLimit_failsInsteadOfFillingMemory() {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> transport.get(url("/huge"), Map.of(), Duration.ofSeconds(5)).get(10, TimeUnit.SECONDS));
        assertTrue(String.valueOf(e.getCause().getMessage()).contains("exceeds"), String.valueOf(e.getCause()));
    }

    @Test
    void post_nobodyListening_failsWithConnectException() {
        URI down = URI.create(FakeLitNetwork.unreachableUrl() + "/web/handshake/");
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> transport.post(down, "{}", Map.of(), Duration.ofSeconds(5)).get(10, TimeUnit.SECONDS));
        assertInstanceOf(ConnectException.class, e.getCause());
    }
}
