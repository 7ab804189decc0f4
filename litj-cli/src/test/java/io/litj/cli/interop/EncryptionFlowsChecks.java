package io.litj.cli.interop;

import static io.litj.protocol.testing.JsonAccess.array;
import static io.litj.protocol.testing.JsonAccess.object;
import static io.litj.protocol.testing.JsonAccess.string;
import static io.litj.protocol.testing.JsonAccess.strings;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.litj.client.DecryptRequest;
import io.litj.client.EncryptResult;
import io.litj.client.LitClient;
import io.litj.client.LitClientException;
import io.litj.client.SessionRequest;
import io.litj.client.SessionTerms;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.acc.AccIdentity;
import io.litj.protocol.acc.ConditionKind;
import io.litj.protocol.acc.ConditionSet;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.crypto.PrivateKeyEthSigner;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.testing.InteropRuns;
import io.litj.protocol.testing.NodeJs;
import io.litj.protocol.testing.RunOnce;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Encryption both ways between the unmodified Lit JS SDK 7.4.0 ({@code interop/encryption-flows.mjs}) and the Java
 * SDK through a 3-node litj devnet, whichever registry the devnet keeps ({@link JsSdkEncryptionTest}: embedded;
 * {@link JsSdkAnvilEncryptionTest}: litj's contracts on anvil): JS encrypt → Java decrypt, Java encrypt → JS decrypt,
 * JS → JS; a wrong wallet and a wrong data hash refused with Datil's codes in both SDKs; a tampered ciphertext
 * refused by both; a condition on {@code eth_getBalance} evaluated against the devnet's chain; an {@code executeJs}
 * whose action {@code decryptAndCombine}s the JS SDK's ciphertext inside the nodes. The devnet starts and the script
 * runs once per class, on the first test (so a skip is reported for every test).
 *
 * <p>Without Node.js or {@code interop/} every test is skipped with the reason on stderr, or fails when the
 * environment variable {@code CI} is set (the policy of {@code NodeJs}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EncryptionFlowsChecks {
    private static final String SCRIPT = "encryption-flows.mjs";
    private static final long SCRIPT_TIME_LIMIT_MS = 90_000;
    /** Hardhat accounts #0 (the user the conditions name) and #1 (another wallet). */
    private static final String USER_KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    private static final String OTHER_KEY = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
    private static final PrivateKeyEthSigner USER = PrivateKeyEthSigner.fromHex(USER_KEY);
    private static final PrivateKeyEthSigner OTHER = PrivateKeyEthSigner.fromHex(OTHER_KEY);
    private static final String PLAINTEXT = "sealed by one SDK, opened by the other";
    private static final ConditionSet ONLY_USER = ConditionSet.parse(ConditionKind.BASIC, "[{\"contractAddress\":"
            + "\"\",\"standardContractType\":\"\",\"chain\":\"ethereum\",\"method\":\"\",\"parameters\":"
            + "[\":userAddress\"],\"returnValueTest\":{\"comparator\":\"=\",\"value\":\"" + USER.address() + "\"}}]");

    /** The class's folder: a {@code @TempDir} field would be a new folder per test (JUnit 6), deleted under the devnet. */
    private Path dataDir;
    @AutoClose // after all tests; stays null when the script cannot run here
    private ScriptDevnet.Network network;
    @AutoClose
    private LitClient client;
    private EncryptResult javaEncrypted;
    private final RunOnce<JsonValue.JsonObject> document = new RunOnce<>(this::runScript);

    @BeforeAll
    void classFolder(@TempDir Path dir) {
        dataDir = dir; // deleted after all tests, once the @AutoClose fields are closed
    }

    /** Starts a 3-node devnet in {@code dir} (closed after all tests). */
    abstract ScriptDevnet.Network start(Path dir);

    @Test
    void script_usesThePinnedSdk_staysOnLoopback_andTheSameConditions() {
        InteropRuns.assertPinnedLoopbackOnlyAndInTime(document.get());
        JsonValue.JsonObject input = object(document.get(), "input");
        assertEquals(ONLY_USER.hashHex(), ConditionSet.fromJson(ConditionKind.BASIC,
                input.get("conditions").orElseThrow()).hashHex());
    }

    @Test
    void jsEncrypt_javaDecrypt_returnsThePlaintext() {
        EncryptResult js = jsEncrypted();
        assertEquals(javaEncrypted.dataToEncryptHash(), js.dataToEncryptHash());
        assertArrayEquals(PLAINTEXT.getBytes(StandardCharsets.UTF_8), client.decrypt(request(USER, js,
                js.dataToEncryptHash())).exportSecret());
    }

    @Test
    void javaEncrypt_jsDecrypt_returnsThePlaintext() {
        assertEquals(PLAINTEXT, string(ScriptDevnet.flow(document.get(), "javaDecrypt"), "plaintext"));
    }

    @Test
    void jsEncrypt_decryptAndCombineInsideAnAction_returnsThePlaintext() {
        assertEquals(PLAINTEXT, string(ScriptDevnet.flow(document.get(), "actionDecrypt"), "response"));
    }

    @Test
    void jsEncrypt_jsDecrypt_returnsThePlaintext() {
        assertEquals(PLAINTEXT, string(ScriptDevnet.flow(document.get(), "jsDecrypt"), "plaintext"));
    }

    @Test
    void balanceCondition_evaluatedOnTheDevnetChain_decrypts() {
        assertEquals(PLAINTEXT, string(ScriptDevnet.flow(document.get(), "balance"), "plaintext"));
    }

    @Test
    void theSdkSendsTheBodyJavaSends_toEveryNode() {
        List<JsonValue> sent = array(document.get(), "encryptionSignRequests");
        assertFalse(sent.isEmpty());
        for (JsonValue v : sent) {
            JsonValue.JsonObject request = (JsonValue.JsonObject) v;
            assertEquals("/web/encryption/sign/", string(request, "path"));
            assertEquals(List.of("accessControlConditions", "dataToEncryptHash", "chain", "authSig", "epoch"),
                    strings(request, "keys"));
        }
    }

    @Test
    void wrongWallet_refusedByBothSdks_withNodeAccessControlConditionsReturnedNotAuthorized() {
        ScriptDevnet.assertRefused(document.get(), "wrongWallet",
                LitErrorCode.NodeAccessControlConditionsReturnedNotAuthorized);
        EncryptResult js = jsEncrypted();
        LitClientException e = assertThrows(LitClientException.class, () -> client.decrypt(request(OTHER, js,
                js.dataToEncryptHash())));
        assertEquals("NodeAccessControlConditionsReturnedNotAuthorized", e.nodeErrorCode().orElseThrow());
    }

    @Test
    void wrongDataHash_refusedByBothSdks_withNodeResourceIdNotFound() {
        ScriptDevnet.assertRefused(document.get(), "wrongDataHash", LitErrorCode.NodeResourceIdNotFound);
        EncryptResult js = jsEncrypted();
        String other = AccIdentity.dataToEncryptHash("other data".getBytes(StandardCharsets.UTF_8));
        LitClientException e = assertThrows(LitClientException.class, () -> client.decrypt(request(USER,
                new EncryptResult(js.ciphertext(), other), js.dataToEncryptHash())));
        assertEquals("NodeResourceIdNotFound", e.nodeErrorCode().orElseThrow());
    }

    @Test
    void tamperedCiphertext_refusedByBothSdks() {
        JsonValue.JsonObject tampered = object(document.get(), "flows", "tampered");
        assertFalse(io.litj.protocol.testing.JsonAccess.bool(tampered, "ok"), JsJson.stringify(tampered));
        assertNotEquals("NodeError", string(object(tampered, "error"), "name"));
        EncryptResult js = jsEncrypted();
        EncryptResult altered = new EncryptResult(string(tampered, "tamperedCiphertext"), js.dataToEncryptHash());
        LitClientException e = assertThrows(LitClientException.class, () -> client.decrypt(request(USER, altered,
                js.dataToEncryptHash())));
        assertEquals(LitErrorCode.InvalidSignature, e.code());
    }

    /** A decrypt request for {@code enc}, with a session of {@code wallet} granting the identity of {@code grantedHash}. */
    private DecryptRequest request(PrivateKeyEthSigner wallet, EncryptResult enc, String grantedHash) {
        SessionSigs sigs = client.getSessionSigs(SessionRequest.of(SessionTerms.of(
                DecryptRequest.sessionResources(ONLY_USER, grantedHash)), wallet));
        return DecryptRequest.of(ONLY_USER, enc, sigs);
    }

    private EncryptResult jsEncrypted() {
        JsonValue.JsonObject flow = ScriptDevnet.flow(document.get(), "jsEncrypt");
        return new EncryptResult(string(flow, "ciphertext"), string(flow, "dataToEncryptHash"));
    }

    private JsonValue.JsonObject runScript() {
        NodeJs.requireScripts();
        network = start(dataDir.resolve("devnet"));
        client = LitClient.builder().rpcUrl(URI.create(network.rpcUrl())).build();
        client.connect();
        javaEncrypted = client.encrypt(ONLY_USER, PLAINTEXT.getBytes(StandardCharsets.UTF_8));
        return ScriptDevnet.runFlows(network, SCRIPT,
                "--user-key", USER_KEY,
                "--other-key", OTHER_KEY,
                "--plaintext", PLAINTEXT,
                "--java-ciphertext", javaEncrypted.ciphertext(),
                "--java-data-hash", javaEncrypted.dataToEncryptHash(),
                "--timeout-ms", Long.toString(SCRIPT_TIME_LIMIT_MS));
    }
}
