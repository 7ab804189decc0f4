package io.litj.cli;

import io.litj.client.FileSessionStore;
import io.litj.client.InMemorySessionStore;
import io.litj.client.LitClient;
import io.litj.client.SessionStore;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.crypto.PrivateKeyEthSigner;
import java.net.URI;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by commands that talk to a network with a wallet: RPC URL, key, session store. */
final class WalletOptions {
    @Option(names = "--rpc-url", required = true, description = "the network's Ethereum JSON-RPC URL (devnet: "
            + "http://127.0.0.1:8545)")
    URI rpcUrl;
    @Option(names = "--private-key", description = "wallet private key (hex); default: $LITJ_PRIVATE_KEY")
    String privateKey;
    @Option(names = "--store", description = "session store folder (default $LITJ_HOME/sessions or ~/.litj/sessions)")
    Path store;
    @Option(names = "--no-store", description = "keep nothing on disk (a new session key every run)")
    boolean noStore;

    PrivateKeyEthSigner wallet() {
        String key = privateKey != null ? privateKey : System.getenv("LITJ_PRIVATE_KEY");
        if (key == null || key.isBlank()) {
            throw new LitProtocolException(LitErrorCode.ParamsMissing,
                    "no wallet: pass --private-key or set LITJ_PRIVATE_KEY");
        }
        return PrivateKeyEthSigner.fromHex(key.strip());
    }

    SessionStore sessionStore() {
        if (noStore) {
            return new InMemorySessionStore();
        }
        return new FileSessionStore(store != null ? store : LitjHome.dir().resolve("sessions"));
    }

    LitClient connect() {
        LitClient client = LitClient.builder().rpcUrl(rpcUrl).sessionStore(sessionStore()).build();
        client.connect();
        return client;
    }
}
