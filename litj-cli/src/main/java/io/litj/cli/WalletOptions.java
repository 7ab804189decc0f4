package io.litj.cli;

import io.litj.client.InMemorySessionStore;
import io.litj.client.LitClient;
import io.litj.client.SessionStore;
import io.litj.protocol.crypto.PrivateKeyEthSigner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Options shared by commands that talk to a network with a wallet: the network ({@link NetworkOptions}), key
 * ({@link WalletKeyOptions}), session store.
 */
final class WalletOptions {
    /** The environment variable that holds the wallet key. */
    static final String KEY_VARIABLE = WalletKeyOptions.KEY_VARIABLE;
    /** The environment variable whose value, when set, encrypts the session store (see {@code docs/session-store.md}). */
    static final String STORE_PASSPHRASE_VARIABLE = "LITJ_STORE_PASSPHRASE";

    @Mixin
    NetworkOptions network;
    @Mixin
    WalletKeyOptions key = new WalletKeyOptions();
    @Option(names = "--store", description = "session store folder (default $LITJ_HOME/sessions or ~/.litj/sessions)")
    Path store;
    @Option(names = "--no-store", description = "keep nothing on disk (a new session key every run)")
    boolean noStore;

    /** The wallet ({@link WalletKeyOptions#wallet(PrintWriter)}). */
    PrivateKeyEthSigner wallet(PrintWriter err) {
        return key.wallet(err);
    }

    PrivateKeyEthSigner wallet(PrintWriter err, Map<String, String> environment) {
        return key.wallet(err, environment);
    }

    /** The first line of {@code file} (a key file), as {@code --private-key-file} reads it. */
    static String readKeyFile(Path file) {
        return WalletKeyOptions.readKeyFile(file);
    }

    SessionStore sessionStore() {
        return sessionStore(System.getenv());
    }

    /**
     * The session store: in memory with {@code --no-store}, else the folder, encrypted under
     * {@code $LITJ_STORE_PASSPHRASE} when that is set (plain files in it are re-written encrypted on first read).
     */
    SessionStore sessionStore(Map<String, String> environment) {
        if (noStore) {
            return new InMemorySessionStore();
        }
        return StoreOptions.open(store, environment);
    }

    /** A connected client keeping sessions in {@link #sessionStore()} (see {@link NetworkOptions#connect}). */
    LitClient connect(PrintWriter err) {
        return network.connect(err, sessionStore());
    }
}
