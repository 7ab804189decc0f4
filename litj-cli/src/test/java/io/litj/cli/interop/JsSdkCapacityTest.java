package io.litj.cli.interop;

import static io.litj.protocol.testing.JsonAccess.array;
import static io.litj.protocol.testing.JsonAccess.bool;
import static io.litj.protocol.testing.JsonAccess.object;
import static io.litj.protocol.testing.JsonAccess.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.devnet.Devnet;
import io.litj.node.ratelimit.CapacityLimits;
import io.litj.node.ratelimit.CapacityMode;
import io.litj.node.registry.CapacityCredit;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.PrivateKeyEthSigner;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.testing.InteropRuns;
import io.litj.protocol.testing.RunOnce;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Capacity credits with the unmodified Lit JS SDK 7.4.0 ({@code interop/capacity-flows.mjs}) against a 3-node devnet
 * whose nodes run in allocation mode (as {@code litj devnet up --require-capacity}): no credit → the SDK surfaces
 * {@code rate_limit_exceeded}; a delegation made by the SDK's {@code createCapacityDelegationAuthSig} → runs;
 * {@code uses: '2'} → the third call refused; a delegation to another address, or of a credit the delegator does not
 * own → refused with litj's codes; the holder's own session → runs; a delegated decryption (ACC path) → decrypts.
 * The credit is minted through the devnet's Java API. The script runs once.
 */
class JsSdkCapacityTest {
    private static final String SCRIPT = "capacity-flows.mjs";
    /** Hardhat accounts #2 (user), #1 (credit holder) and #3 (stranger, no credit). */
    private static final String USER_KEY = "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a";
    private static final String HOLDER_KEY = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
    private static final String STRANGER_KEY = "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6";
    private static final String OTHER_ADDRESS = "0x90F79bf6EB2c4f870365E785982E1f101E93b906";

    @TempDir
    static Path dataDir;

    @AutoClose
    private static Devnet devnet;
    private static CapacityCredit credit;
    private static final RunOnce<JsonValue.JsonObject> DOCUMENT = new RunOnce<>(JsSdkCapacityTest::runScript);

    @BeforeAll
    static void startDevnetAndMint() {
        devnet = ScriptDevnet.startIfScriptsCanRun(dataDir.resolve("devnet"),
                c -> c.withCapacity(CapacityLimits.of(CapacityMode.ALLOCATION))).orElse(null);
        if (devnet != null) {
            credit = devnet.mintCapacityCredit(PrivateKeyEthSigner.fromHex(HOLDER_KEY).address(), 1000,
                    Instant.now().plus(Duration.ofDays(1)));
        }
    }

    private static JsonValue.JsonObject runScript() {
        return ScriptDevnet.runFlows(devnet, SCRIPT, "--user-key", USER_KEY, "--holder-key", HOLDER_KEY,
                "--stranger-key", STRANGER_KEY, "--token-id", credit.tokenId(), "--other-address", OTHER_ADDRESS);
    }

    @Test
    void script_usesThePinnedSdk_andStaysOnLoopback() {
        InteropRuns.assertPinnedLoopbackOnlyAndInTime(DOCUMENT.get());
    }

    @Test
    void noCredit_theSdkSurfacesRateLimitExceeded() {
        JsonValue.JsonObject refused = object(DOCUMENT.get(), "flows", "noCredit");
        assertFalse(bool(refused, "ok"), () -> JsJson.stringify(refused));
        JsonValue.JsonObject error = object(refused, "error");
        assertEquals("NodeError", string(error, "name"), () -> JsJson.stringify(error));
        assertEquals(LitErrorCode.RateLimitExceeded.wireName(), string(error, "errorCode"));
        assertTrue(string(error, "message").contains("Rate limit exceeded."), string(error, "message"));
    }

    @Test
    void sdkDelegationFromTheHolder_runs() {
        JsonValue.JsonObject flow = ScriptDevnet.flow(DOCUMENT.get(), "delegated");
        assertEquals("paid", string(flow, "response"));
    }

    @Test
    void usesTwo_thirdCallRefusedWithUsedUp() {
        List<JsonValue> runs = array(ScriptDevnet.flow(DOCUMENT.get(), "usesTwo"), "runs");
        assertEquals(3, runs.size());
        assertTrue(bool((JsonValue.JsonObject) runs.get(0), "ok"), () -> JsJson.stringify(runs.get(0)));
        assertTrue(bool((JsonValue.JsonObject) runs.get(1), "ok"), () -> JsJson.stringify(runs.get(1)));
        JsonValue.JsonObject third = (JsonValue.JsonObject) runs.get(2);
        assertFalse(bool(third, "ok"), () -> JsJson.stringify(third));
        assertEquals(LitErrorCode.NodeCapacityDelegationUsedUp.wireName(), string(object(third, "error"),
                "errorCode"), () -> JsJson.stringify(third));
    }

    @Test
    void delegationToAnotherAddress_refusedWithDelegateeMismatch() {
        ScriptDevnet.assertRefused(DOCUMENT.get(), "otherDelegatee", LitErrorCode.NodeCapacityDelegateeMismatch);
    }

    @Test
    void delegationOfACreditTheDelegatorDoesNotOwn_refusedWithNotOwned() {
        JsonValue.JsonObject refused = ScriptDevnet.assertRefused(DOCUMENT.get(), "notOwned",
                LitErrorCode.NodeCapacityDelegationNotOwned);
        assertTrue(string(object(refused, "error"), "message").contains("not by the delegator"),
                () -> JsJson.stringify(refused));
    }

    @Test
    void holdersOwnWalletSession_runs() {
        assertEquals("paid", string(ScriptDevnet.flow(DOCUMENT.get(), "holderOwn"), "response"));
    }

    @Test
    void delegatedDecryption_decrypts() {
        assertEquals("paid for by the holder", string(ScriptDevnet.flow(DOCUMENT.get(), "encryptionSign"),
                "plaintext"));
    }
}
