package io.litj.cli;

import io.litj.client.LitClient;
import io.litj.client.LitClientException;
import io.litj.client.SessionStore;
import io.litj.protocol.LitErrorCode;
import java.io.PrintWriter;
import java.net.URI;
import picocli.CommandLine.Option;

/**
 * Options of commands that talk to a network: its RPC URL and whether plain HTTP to other hosts is accepted. Wallet
 * commands add theirs through {@link WalletOptions}; {@code litj encrypt} needs only these.
 */
final class NetworkOptions {
    @Option(names = "--rpc-url", required = true, converter = RpcUrlConverter.class,
            description = "the network's Ethereum JSON-RPC URL (devnet: http://127.0.0.1:8545)")
    URI rpcUrl;
    @Option(names = "--allow-plain-http", description = "allow http:// to hosts other than 127.0.0.1/localhost "
            + "(session sigs then travel unencrypted and can be replayed; warned)")
    boolean allowPlainHttp;

    /**
     * A connected client keeping sessions in {@code store}; explains an unreachable RPC endpoint (exit 3) and plain
     * HTTP (exit 2).
     */
    LitClient connect(PrintWriter err, SessionStore store) {
        String host = rpcUrl.getHost().toLowerCase(java.util.Locale.ROOT);
        boolean loopback = host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]");
        if ("http".equalsIgnoreCase(rpcUrl.getScheme()) && !loopback && !allowPlainHttp) {
            throw CliException.usage("--rpc-url " + rpcUrl + " uses plain HTTP to a host other than 127.0.0.1: "
                    + "session sigs would travel unencrypted; use https://, or pass --allow-plain-http to accept that");
        }
        if (allowPlainHttp) {
            err.println("warning: --allow-plain-http: requests to non-loopback hosts travel unencrypted; anyone on "
                    + "the path can read and replay the session sigs until they expire");
            err.flush();
        }
        LitClient.Builder builder = LitClient.builder().rpcUrl(rpcUrl).sessionStore(store);
        if (allowPlainHttp) {
            builder.allowPlainHttp();
        }
        LitClient client;
        try {
            client = builder.build();
        } catch (LitClientException e) {
            throw CliException.usage(e.getMessage().replace("LitClient.Builder.allowPlainHttp() is called",
                    "--allow-plain-http is given"));
        }
        try {
            client.connect();
        } catch (LitClientException e) {
            client.close();
            if (e.code() == LitErrorCode.InvalidArgument) {
                throw CliException.usage(e.getMessage().replace("LitClient.Builder.allowPlainHttp() is called",
                        "--allow-plain-http is given"));
            }
            if (Failures.exitCode(e) == Exit.NOT_RUNNING) {
                throw CliException.notRunning("cannot reach the network at --rpc-url " + rpcUrl + " ("
                        + e.getMessage() + "); is the devnet running? check with `litj devnet status`, start one "
                        + "with `litj devnet up`");
            }
            throw e;
        }
        return client;
    }

    /** Accepts only {@code http(s)://host[:port]} URLs and says how to write one. */
    static final class RpcUrlConverter implements picocli.CommandLine.ITypeConverter<URI> {
        @Override
        public URI convert(String value) {
            URI uri;
            try {
                uri = new URI(value);
            } catch (java.net.URISyntaxException e) {
                uri = null;
            }
            String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (uri == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a URL; "
                        + "use http://host:port, e.g. http://127.0.0.1:8545");
            }
            return uri;
        }
    }
}
