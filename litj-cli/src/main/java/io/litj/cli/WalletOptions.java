package io.litj.cli;

import io.litj.client.FileSessionStore;
import io.litj.client.InMemorySessionStore;
import io.litj.client.LitClient;
import io.litj.client.LitClientException;
import io.litj.client.SessionStore;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.crypto.PrivateKeyEthSigner;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Options shared by commands that talk to a network with a wallet: RPC URL, key, session store.
 *
 * <p>The wallet key comes from {@code --private-key-file} (first line of the file), else {@code $LITJ_PRIVATE_KEY},
 * else {@code --private-key}; the last shows in {@code ps} and shell history, so using it prints a warning.
 */
final class WalletOptions {
    /** The environment variable that holds the wallet key. */
    static final String KEY_VARIABLE = "LITJ_PRIVATE_KEY";

    @Option(names = "--rpc-url", required = true, converter = RpcUrlConverter.class,
            description = "the network's Ethereum JSON-RPC URL (devnet: http://127.0.0.1:8545)")
    URI rpcUrl;
    @Option(names = "--allow-plain-http", description = "allow http:// to hosts other than 127.0.0.1/localhost "
            + "(session sigs then travel unencrypted and can be replayed; warned)")
    boolean allowPlainHttp;
    @Option(names = "--private-key-file", paramLabel = "FILE",
            description = "file whose first line is the wallet private key (hex)")
    Path privateKeyFile;
    @Option(names = "--private-key", paramLabel = "HEX", description = "wallet private key (hex); visible to other "
            + "users in ps and kept in shell history: prefer --private-key-file or $" + KEY_VARIABLE)
    String privateKey;
    @Option(names = "--store", description = "session store folder (default $LITJ_HOME/sessions or ~/.litj/sessions)")
    Path store;
    @Option(names = "--no-store", description = "keep nothing on disk (a new session key every run)")
    boolean noStore;

    /** The wallet, from the first source that is set; warns on {@code err} when the key came on the command line. */
    PrivateKeyEthSigner wallet(PrintWriter err) {
        return wallet(err, System.getenv());
    }

    PrivateKeyEthSigner wallet(PrintWriter err, Map<String, String> environment) {
        if (privateKeyFile != null && privateKey != null) {
            throw new LitProtocolException(LitErrorCode.InvalidArgument,
                    "give the wallet key once: --private-key-file or --private-key, not both");
        }
        String key;
        if (privateKeyFile != null) {
            key = readKeyFile(privateKeyFile);
        } else if (privateKey != null) {
            err.println("warning: --private-key shows the key in ps and shell history; use --private-key-file or $"
                    + KEY_VARIABLE);
            err.flush();
            key = privateKey;
        } else {
            key = environment.get(KEY_VARIABLE);
        }
        if (key == null || key.isBlank()) {
            throw new LitProtocolException(LitErrorCode.ParamsMissing,
                    "no wallet: pass --private-key-file, set " + KEY_VARIABLE + " or pass --private-key");
        }
        return PrivateKeyEthSigner.fromHex(key.strip());
    }

    private static String readKeyFile(Path file) {
        try {
            String text = Files.readString(file);
            int newline = text.indexOf('\n');
            return newline < 0 ? text : text.substring(0, newline);
        } catch (NoSuchFileException e) {
            throw new LitProtocolException(LitErrorCode.InvalidArgument,
                    "cannot read --private-key-file " + file + ": no such file");
        } catch (IOException e) {
            throw new LitProtocolException(LitErrorCode.InvalidArgument,
                    "cannot read --private-key-file " + file + ": " + e.getMessage());
        }
    }

    SessionStore sessionStore() {
        if (noStore) {
            return new InMemorySessionStore();
        }
        return new FileSessionStore(store != null ? store : LitjHome.dir().resolve("sessions"));
    }

    /** A connected client; explains an unreachable RPC endpoint (exit 3) and plain HTTP (exit 2). */
    LitClient connect(PrintWriter err) {
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
        LitClient.Builder builder = LitClient.builder().rpcUrl(rpcUrl).sessionStore(sessionStore());
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
