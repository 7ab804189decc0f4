package io.litj.cli;

import static io.litj.cli.LitjRun.keyFile;
import static io.litj.cli.LitjRun.litj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.devnet.Devnet;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.auth.SessionRevocation;
import io.litj.protocol.auth.SessionSigs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, revocation, end to end through the CLI on a 3-node devnet (docs/revocation.md): {@code session create
 * --out} saves the session sigs, {@code exec --session} runs with exactly those (no wallet given), {@code session
 * revoke --session} by another wallet is refused and changes nothing, by the granter it revokes them, and
 * {@code exec --session} is then refused by every node with {@code NodeSessionRevoked} (exit 4); a new session from
 * the same store is signed afresh and runs.
 */
class SessionRevokeCommandTest {
    /** Hardhat accounts #4 (granter) and #5 (someone else). */
    private static final String KEY = "0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a";
    private static final String OTHER_KEY = "0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba";
    private static final String CODE = "LitActions.setResponse({response: 'ran'});";

    @TempDir
    static Path temp;
    @AutoClose
    private static Devnet devnet;

    @BeforeAll
    static void start() {
        devnet = TestDevnets.start(temp.resolve("devnet"));
    }

    private static LitjRun exec(String... extra) throws IOException {
        Path code = Files.writeString(temp.resolve("action.js"), CODE);
        String[] base = {"exec", "--rpc-url", devnet.rpcUrl(), "--store", temp.resolve("store").toString(), "--code",
            code.toString()};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return litj(all);
    }

    @Test
    void create_execWithTheFile_revoke_thenExecWithTheFileIsRefusedEverywhere() throws IOException {
        Path file = temp.resolve("session.json");
        String key = keyFile(temp, KEY);
        LitjRun created = litj("session", "create", "--rpc-url", devnet.rpcUrl(), "--private-key-file", key,
                "--store", temp.resolve("store").toString(), "--out", file.toString());
        assertEquals(0, created.code(), created.err());
        assertTrue(created.out().contains("written to " + file), created.out());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        SessionSigs sigs = SessionSigs.parse(Files.readString(file));
        assertEquals(devnet.nodeUrls(), java.util.List.copyOf(sigs.byNodeUrl().keySet()));

        LitjRun ran = exec("--session", file.toString());
        assertEquals(0, ran.code(), ran.err());
        assertTrue(ran.out().startsWith("response  ran\n"), ran.out());

        LitjRun stranger = litj("session", "revoke", "--rpc-url", devnet.rpcUrl(), "--private-key-file",
                keyFile(temp, OTHER_KEY), "--no-store", "--session", file.toString());
        assertEquals(Exit.LOCAL_ERROR, stranger.code(), stranger.out() + stranger.err());
        assertTrue(stranger.err().contains("no grant signed by"), stranger.err());
        assertEquals(0, exec("--session", file.toString()).code(), "a refused revocation changes nothing");

        LitjRun revoked = litj("session", "revoke", "--rpc-url", devnet.rpcUrl(), "--private-key-file", key,
                "--store", temp.resolve("store").toString(), "--session", file.toString());
        assertEquals(0, revoked.code(), revoked.err());
        String grant = SessionRevocation.grantDigest(sigs.byNodeUrl().values().iterator().next().payload()
                .capabilities().get(0).signedMessage()).hex0x();
        assertTrue(revoked.out().contains("revoked grant " + grant) && revoked.out().contains("accepted by 3 of 3"),
                revoked.out());

        LitjRun refused = exec("--session", file.toString());
        assertEquals(Exit.REFUSED, refused.code(), refused.out() + refused.err());
        assertTrue(refused.err().contains(LitErrorCode.NodeSessionRevoked.wireName())
                && refused.err().contains(grant), refused.err());

        LitjRun fresh = exec("--private-key-file", key);
        assertEquals(0, fresh.code(), "the revoked grant is no longer re-used from the store: " + fresh.err());
    }

    @Test
    void exec_withAMissingOrForeignSessionFile_isALocalError() throws IOException {
        assertEquals(Exit.LOCAL_ERROR, exec("--session", temp.resolve("nothing.json").toString()).code());
        Path junk = Files.writeString(temp.resolve("junk.json"), "[1,2]");
        LitjRun run = exec("--session", junk.toString());
        assertEquals(Exit.LOCAL_ERROR, run.code(), run.err());
        assertTrue(run.err().contains("does not hold session sigs"), run.err());
    }
}
