package io.litj.cli.interop;

import static io.litj.protocol.testing.JsonAccess.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.cli.PkpSessionFixture;
import io.litj.client.LitClient;
import io.litj.client.SessionRevocationResult;
import io.litj.devnet.Devnet;
import io.litj.node.registry.Pkp;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.crypto.PrivateKeyEthSigner;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.testing.InteropRuns;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Revocation against the unmodified Lit JS SDK 7.4.0 ({@code interop/revoke-flows.mjs}) on a 3-node devnet
 * (docs/revocation.md): a session the JS SDK made with {@code getSessionSigs} and a wallet runs an action; litj
 * ({@link LitClient#revokeSession}, signed by the same wallet) revokes its grant on every node; the JS SDK's next
 * {@code executeJs} with the same session sigs fails with a {@code NodeError} carrying {@code NodeSessionRevoked}.
 * The same for a PKP session the JS SDK made with {@code getPkpSessionSigs}, revoked by the PKP's owner (litj's
 * {@code revokeSession} with the owner's key; the registry records the owner). Everything stays on 127.0.0.1.
 */
class JsSdkRevokeTest {
    /** Hardhat account #6. */
    private static final String USER_KEY = "0xdf57089febbacf7ba0bc227dafbffa9fc08a93fdc68e1e42411a14efcf23656e";
    /** Hardhat account #7: owns the PKP, and is none of its auth methods. */
    private static final PrivateKeyEthSigner PKP_OWNER =
            PrivateKeyEthSigner.fromHex("0x4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356");

    @TempDir
    static Path dataDir;
    @AutoClose
    private static Devnet devnet;
    private static JsonValue.JsonObject before;
    private static JsonValue.JsonObject after;
    private static SessionRevocationResult revoked;
    private static JsonValue.JsonObject pkpBefore;
    private static JsonValue.JsonObject pkpAfter;
    private static SessionRevocationResult pkpRevoked;

    @BeforeAll
    static void makeRevokeAndTryAgain() throws IOException {
        devnet = ScriptDevnet.startIfScriptsCanRun(dataDir.resolve("devnet")).orElse(null);
        Path sessionFile = dataDir.resolve("js-session.json");
        before = ScriptDevnet.runFlows(devnet, "revoke-flows.mjs", "--user-key", USER_KEY, "--phase", "session",
                "--session-file", sessionFile.toString());
        ScriptDevnet.flow(before, "execute");
        SessionSigs jsSigs = SessionSigs.parse(Files.readString(sessionFile));
        try (LitClient client = LitClient.builder().rpcUrl(URI.create(devnet.rpcUrl())).build()) {
            client.connect();
            revoked = client.revokeSession(jsSigs, PrivateKeyEthSigner.fromHex(USER_KEY));
        }
        after = ScriptDevnet.runFlows(devnet, "revoke-flows.mjs", "--user-key", USER_KEY, "--phase", "after",
                "--session-file", sessionFile.toString());

        Pkp pkp = devnet.mintPkp(PKP_OWNER.address(), PkpSessionFixture.permissions());
        Path pkpFile = dataDir.resolve("js-pkp-session.json");
        pkpBefore = ScriptDevnet.runFlows(devnet, "revoke-flows.mjs", "--user-key", PkpSessionFixture.WALLET_KEY,
                "--phase", "session", "--session-file", pkpFile.toString(), "--pkp-public-key",
                PkpSessionFixture.publicKey0x(pkp));
        ScriptDevnet.flow(pkpBefore, "execute");
        try (LitClient client = LitClient.builder().rpcUrl(URI.create(devnet.rpcUrl())).build()) {
            client.connect();
            pkpRevoked = client.revokeSession(SessionSigs.parse(Files.readString(pkpFile)), PKP_OWNER);
        }
        pkpAfter = ScriptDevnet.runFlows(devnet, "revoke-flows.mjs", "--user-key", PkpSessionFixture.WALLET_KEY,
                "--phase", "after", "--session-file", pkpFile.toString());
    }

    @Test
    void scripts_useThePinnedSdk_andStayOnLoopback() {
        InteropRuns.assertPinnedLoopbackOnlyAndInTime(before);
        InteropRuns.assertPinnedLoopbackOnlyAndInTime(after);
        InteropRuns.assertPinnedLoopbackOnlyAndInTime(pkpBefore);
        InteropRuns.assertPinnedLoopbackOnlyAndInTime(pkpAfter);
    }

    @Test
    void jsSdkPkpSession_revokedByThePkpsOwner_failsWithSessionRevoked() {
        assertEquals("ran", string(ScriptDevnet.flow(pkpBefore, "execute"), "response"));
        assertEquals(3, pkpRevoked.acceptedBy().size(), pkpRevoked::toString);
        JsonValue.JsonObject refused = ScriptDevnet.assertRefused(pkpAfter, "execute",
                LitErrorCode.NodeSessionRevoked);
        String message = string(io.litj.protocol.testing.JsonAccess.object(refused, "error"), "message");
        assertTrue(message.contains(pkpRevoked.grants().get(0)) && message.contains("signed by the PKP's owner "
                + PKP_OWNER.address()), message);
    }

    @Test
    void jsSdkSession_ranBeforeTheRevocation() {
        assertEquals("ran", string(ScriptDevnet.flow(before, "execute"), "response"));
        assertEquals(3, revoked.acceptedBy().size(), revoked::toString);
    }

    @Test
    void jsSdkExecuteJs_afterLitjRevokedTheGrant_failsWithSessionRevoked() {
        JsonValue.JsonObject refused = ScriptDevnet.assertRefused(after, "execute", LitErrorCode.NodeSessionRevoked);
        String message = string(io.litj.protocol.testing.JsonAccess.object(refused, "error"), "message");
        assertTrue(message.contains(revoked.grants().get(0)), message);
    }
}
