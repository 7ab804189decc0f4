package io.litj.node.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JDK HTTP server on 127.0.0.1 for fetch tests, counting every request it gets. {@code /slow} waits on a latch the
 * test releases when it closes the server (it never answers in time); {@code /big} sends {@value #BIG_BYTES} bytes.
 */
final class LocalServer implements AutoCloseable {
    static final int BIG_BYTES = 10 * 1024 * 1024;

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);

    LocalServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", counted(this::route));
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    int requests() {
        return requests.get();
    }

    private HttpHandler counted(HttpHandler handler) {
        return exchange -> {
            requests.incrementAndGet();
            try (exchange) {
                handler.handle(exchange);
            }
        };
    }

    private void route(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        switch (path) {
            case "/json" -> {
                x.getResponseHeaders().add("Content-Type", "application/json");
                x.getResponseHeaders().add("X-Multi", "a");
                x.getResponseHeaders().add("X-Multi", "b");
                send(x, 200, "{\"answer\":42,\"path\":\"" + path + "\"}");
            }
            case "/echo" -> {
                String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                send(x, 201, x.getRequestMethod() + " " + x.getRequestHeaders().getFirst("X-Token") + " " + body
                        + " " + x.getRequestURI().getRawQuery());
            }
            case "/binary" -> sendBytes(x, 200, new byte[] {(byte) 0xff, 0, (byte) 0x80, 65});
            case "/slow" -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                send(x, 200, "late");
            }
            case "/big" -> {
                x.sendResponseHeaders(200, BIG_BYTES);
                byte[] chunk = new byte[64 * 1024];
                java.util.Arrays.fill(chunk, (byte) 'x');
                try (OutputStream out = x.getResponseBody()) {
                    for (int sent = 0; sent < BIG_BYTES; sent += chunk.length) {
                        out.write(chunk);
                    }
                } catch (IOException e) {
                    // the client stopped reading at its limit and closed the connection
                }
            }
            case "/bigchunked" -> {
                x.sendResponseHeaders(200, 0);
                byte[] chunk = new byte[64 * 1024];
                try (OutputStream out = x.getResponseBody()) {
                    for (int sent = 0; sent < BIG_BYTES; sent += chunk.length) {
                        out.write(chunk);
                    }
                } catch (IOException e) {
                    // as above
                }
            }
            default -> {
                if (path.startsWith("/redirect")) {
                    String query = x.getRequestURI().getQuery();
                    x.getResponseHeaders().add("Location", query.substring("to=".length()));
                    send(x, path.endsWith("303") ? 303 : 302, "");
                } else {
                    send(x, 404, "not here");
                }
            }
        }
    }

    private static void send(HttpExchange x, int status, String body) throws IOException {
        sendBytes(x, status, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void sendBytes(HttpExchange x, int status, byte[] body) throws IOException {
        x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            x.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
    }
}
