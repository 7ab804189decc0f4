package io.litj.cli;

import io.litj.client.FileSessionStore;
import io.litj.client.SessionStoreKey;
import io.litj.client.StoredSession;
import io.litj.protocol.IsoTime;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.siwe.SiweParser;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code litj session list|clear}: what the session store folder holds (network, account, resources, session key
 * fingerprint, grant expiry; never a secret), and removing it all or one account's entries — the JS SDK's
 * {@code disconnectWeb3}. An encrypted store needs {@code $LITJ_STORE_PASSPHRASE}.
 */
final class SessionStoreCommands {
    private SessionStoreCommands() {
    }

    /** {@code --store DIR}, opened as {@link StoreOptions} says. */
    static final class StoreFolder {
        @Option(names = "--store", description = "session store folder (default $LITJ_HOME/sessions or "
                + "~/.litj/sessions)")
        Path store;

        FileSessionStore open() {
            return StoreOptions.open(store, System.getenv());
        }
    }

    /** {@code litj session list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the sessions kept in the session store (no secrets).")
    static final class ListSessions implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        StoreFolder folder;
        @Option(names = "--json", description = "print one JSON object {store, encrypted, sessions: [{network, "
                + "account, resources, sessionKey, grantExpires?}]}")
        boolean json;

        @Override
        public Integer call() {
            FileSessionStore s = folder.open();
            Instant now = Instant.now();
            List<SessionStoreKey> keys = new ArrayList<>(s.keys());
            keys.sort(Comparator.comparing(SessionStoreKey::network).thenComparing(SessionStoreKey::account));
            PrintWriter out = spec.commandLine().getOut();
            List<JsonValue> items = new ArrayList<>();
            if (!json) {
                out.println(s.directory() + (s.isEncrypted() ? " (encrypted)" : " (plain files)") + ": "
                        + keys.size() + " session(s)");
            }
            for (SessionStoreKey key : keys) {
                Optional<StoredSession> entry = s.load(key);
                if (entry.isEmpty()) {
                    continue;
                }
                Optional<Instant> expires = entry.get().authSig().flatMap(SessionStoreCommands::expiration);
                JsonValue.ObjectBuilder b = JsonValue.object().put("network", key.network())
                        .put("account", key.account()).put("resources", key.resources().toString())
                        .put("sessionKey", entry.get().key().fingerprint());
                expires.ifPresent(t -> b.put("grantExpires", IsoTime.format(t)));
                items.add(b.build());
                if (!json) {
                    out.println("- " + key.account() + " on " + key.network());
                    out.println("    resources    " + key.resources());
                    out.println("    session key  " + entry.get().key().fingerprint());
                    out.println("    grant        " + grant(entry.get(), expires, now));
                }
            }
            if (json) {
                out.println(JsJson.stringify(JsonValue.object().put("store", s.directory().toString())
                        .put("encrypted", new JsonValue.JsonBoolean(s.isEncrypted()))
                        .put("sessions", new JsonValue.JsonArray(items)).build()));
            }
            out.flush();
            return Exit.OK;
        }

        private static String grant(StoredSession entry, Optional<Instant> expires, Instant now) {
            if (entry.authSig().isEmpty()) {
                return "none yet (session key only)";
            }
            return expires.map(t -> (t.isAfter(now) ? "expires " : "EXPIRED ") + IsoTime.format(t))
                    .orElse("without an expiration time");
        }
    }

    /** {@code litj session clear}. */
    @Command(name = "clear", mixinStandardHelpOptions = true,
            description = "Remove the kept sessions (all, or one account's): the next call asks the wallet again.")
    static final class Clear implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        StoreFolder folder;
        @Option(names = "--account", description = "remove only this account's sessions (wallet or PKP address)")
        String account;

        @Override
        public Integer call() {
            FileSessionStore s = folder.open();
            int removed = 0;
            if (account == null) {
                removed = s.keys().size();
                s.clearAll();
            } else {
                for (SessionStoreKey key : s.keys()) {
                    String owner = key.account().contains("#") ? key.account().substring(0, key.account().indexOf('#'))
                            : key.account();
                    if (owner.equalsIgnoreCase(account.strip())) {
                        s.clear(key);
                        removed++;
                    }
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("removed " + removed + " session(s) from " + s.directory()
                    + (account == null ? "" : " for " + account.strip()));
            out.flush();
            return Exit.OK;
        }
    }

    private static Optional<Instant> expiration(AuthSig grant) {
        try {
            return SiweParser.parse(grant.signedMessage()).expirationInstant();
        } catch (LitProtocolException e) {
            return Optional.empty();
        }
    }
}
