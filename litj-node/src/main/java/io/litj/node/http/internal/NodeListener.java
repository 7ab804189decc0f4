package io.litj.node.http.internal;

import io.helidon.http.DirectHandler;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http1.Http1Config;
import io.litj.node.HttpLimits;
import io.litj.node.NodeConfig;
import io.helidon.common.tls.Tls;
import io.helidon.webserver.WebServerConfig;
import java.util.Optional;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/**
 * A node's one HTTP listener (Lit API, peer API and admin API alike), started with every limit of its
 * {@link NodeConfig}: the largest body any route reads ({@code maxBodyBytes}, also Helidon's payload limit, so a
 * larger declared body is refused before routing), {@link HttpLimits}' connection and request limits and idle
 * timeout, and the read deadline of {@link HttpBridge}. Refusals Helidon makes itself go through
 * {@link HttpBridge#directHandler()}. With a TLS context it serves https only. {@link #close()} stops the server and
 * then the bridge.
 */
public final class NodeListener implements AutoCloseable {
    private final WebServer server;
    private final HttpBridge http;
    private final String address;

    private NodeListener(WebServer server, HttpBridge http, String address) {
        this.address = address;
        this.server = server;
        this.http = http;
    }

    /**
     * Starts a listener on {@code host:port} serving {@code routes}; check {@link #isRunning()} (false if the port
     * was taken). The listener owns {@code http} from now on.
     */
    public static NodeListener start(String host, int port, Optional<SSLContext> tls, NodeConfig config,
            HttpBridge http, Consumer<HttpRouting.Builder> routes) {
        HttpLimits limits = config.http();
        DirectHandlers.Builder direct = DirectHandlers.builder();
        for (DirectHandler.EventType type : DirectHandler.EventType.values()) {
            direct.addHandler(type, http.directHandler());
        }
        WebServerConfig.Builder builder = WebServer.builder();
        tls.ifPresent(context -> builder.tls(Tls.builder().sslContext(context).build()));
        WebServer server = builder
                .host(host)
                .port(port)
                .maxPayloadSize(config.maxBodyBytes() + 1)
                .maxTcpConnections(limits.maxTcpConnections())
                .maxConcurrentRequests(limits.maxConcurrentRequests())
                .idleConnectionTimeout(limits.idleTimeout())
                .idleConnectionPeriod(limits.idleCheckPeriod())
                // Helidon 4.5 does not apply readTimeout to accepted connections; HttpBridge's read deadline does
                .connectionOptions(o -> o.readTimeout(limits.readTimeout()))
                .addProtocol(Http1Config.builder().addReceiveListener(http.receiveListener()).build())
                .directHandlers(direct.build())
                .routing(routes)
                .build()
                .start();
        int bound = server.isRunning() ? server.port() : port;
        return new NodeListener(server, http, (tls.isPresent() ? "https://" : "http://") + host + ":" + bound);
    }

    /** Where the listener is bound, e.g. {@code https://127.0.0.1:443}. */
    public String address() {
        return address;
    }

    /** True while the server runs. */
    public boolean isRunning() {
        return server.isRunning();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } finally {
            http.close();
        }
    }
}
