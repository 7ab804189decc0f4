package io.litj.cli.interop;

import static io.litj.protocol.testing.JsonAccess.array;
import static io.litj.protocol.testing.JsonAccess.number;
import static io.litj.protocol.testing.JsonAccess.object;
import static io.litj.protocol.testing.JsonAccess.string;
import static io.litj.protocol.testing.JsonAccess.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.cli.PkpSignFixture;
import io.litj.node.registry.NetworkInfo;
import io.litj.node.registry.Pkp;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.crypto.Eip191;
import io.litj.protocol.crypto.Hashes;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.testing.InteropRuns;
import io.litj.protocol.testing.NodeJs;
import io.litj.protocol.testing.RunOnce;
import io.litj.threshold.ecdsa.EcdsaSignature;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the unmodified Lit JS SDK 7.4.0 ({@code interop/pkp-sign-flows.mjs}) must be able to do with a PKP on a
 * 3-node litj devnet, whichever registry the devnet keeps ({@link JsSdkPkpSignTest}: embedded; {@link
 * JsSdkAnvilPkpSignTest}: litj's contracts on anvil): {@code pkpSign} with a wallet session and with a PKP session
 * each combine the nodes' shares into a signature that ethers recovers to the PKP's address; a session without
 * {@code pkp-signing}, a wallet the PKP does not permit and a personal-sign-only wallet are refused with Datil's
 * codes; actions calling {@code signEcdsa} and {@code ethPersonalSignMessageEcdsa} give {@code executeJs} signatures
 * the SDK combines and ethers checks; an action calling {@code signEcdsa} for a wallet the PKP does not permit is
 * refused; an action calling {@code signAndCombineEcdsa} gets a signature ethers recovers to the PKP; the permission
 * functions answer from the registry. The PKP ({@link PkpSignFixture#permissions()}) is minted in Java; the script
 * runs once per class, on the first test (so a skip is reported for every test).
 *
 * <p>Without Node.js or {@code interop/} every test is skipped with the reason on stderr, or fails when the
 * environment variable {@code CI} is set (the policy of {@code NodeJs}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PkpSignFlowsChecks {
    private static final String SCRIPT = "pkp-sign-flows.mjs";
    private static final String DIGEST = Bytes.of(Hashes.keccak256("signed by a PKP through the JS SDK")).hex0x();
    private static final long SCRIPT_TIME_LIMIT_MS = 60_000;

    /** The class's folder: a {@code @TempDir} field would be a new folder per test (JUnit 6), deleted under the devnet. */
    private Path dataDir;
    @AutoClose // after all tests; stays null when the script cannot run here
    private ScriptDevnet.Network network;
    private Pkp pkp;
    private final RunOnce<JsonValue.JsonObject> document = new RunOnce<>(this::runScript);

    @BeforeAll
    void classFolder(@TempDir Path dir) {
        dataDir = dir; // deleted after all tests, once the @AutoClose fields are closed
    }

    /** Starts a 3-node devnet in {@code dir} (closed after all tests). */
    abstract ScriptDevnet.Network start(Path dir);

    /** Mints the PKP of {@link PkpSignFixture#permissions()} on the started devnet. */
    abstract Pkp mintPkp();

    @Test
    void script_usesThePinnedSdk_staysOnLoopback_andFinishesInTime() {
        InteropRuns.assertPinnedLoopbackOnlyAndInTime(document.get());
        JsonValue.JsonObject connect = flow("connect");
        assertEquals(Set.copyOf(network.nodeUrls()), new HashSet<>(strings(connect, "connectedNodes")));
        assertEquals(NetworkInfo.thresholdFor(3), number(connect, "minNodeCount"));
    }

    @Test
    void pkpSign_walletSession_recoversToThePkpAddress() {
        assertSignedByThePkp(flow("walletSign"));
    }

    @Test
    void pkpSign_pkpSession_recoversToThePkpAddress() {
        assertSignedByThePkp(flow("pkpSessionSign"));
    }

    @Test
    void pkpSign_theSdkSendsDatilsBodyToEveryNode() {
        List<JsonValue> sent = array(document.get(), "pkpSignRequests");
        assertEquals(0, sent.size() % network.nodeUrls().size(), JsJson.stringify(new JsonValue.JsonArray(sent)));
        for (JsonValue v : sent) {
            JsonValue.JsonObject body = (JsonValue.JsonObject) v;
            assertEquals(List.of("toSign", "pubkey", "authSig", "epoch"), strings(body, "keys"));
            assertEquals(32, number(body, "toSignLength"));
            assertEquals("0x" + pkp.publicKey(), string(body, "pubkey").toLowerCase());
        }
    }

    @Test
    void pkpSign_sessionWithoutPkpSigning_isRefusedWithNodeResourceIdNotFound() {
        assertRefused("noPkpSigning", LitErrorCode.NodeResourceIdNotFound);
    }

    @Test
    void pkpSign_walletThePkpDoesNotPermit_isRefusedWithNodePKPNotAuthorized() {
        assertRefused("strangerWallet", LitErrorCode.NodePKPNotAuthorized);
    }

    @Test
    void pkpSign_personalSignOnlyWallet_isRefusedWithNodeAuthSigScopeTooLimited() {
        assertRefused("personalOnly", LitErrorCode.NodeAuthSigScopeTooLimited);
    }

    @Test
    void executeJs_signEcdsa_theSdkCombinesTheNodesSharesIntoThePkpsSignature() {
        assertSignedByThePkp(flow("actionSignEcdsa"));
    }

    @Test
    void executeJs_ethPersonalSignMessageEcdsa_theSdkCombinesASignatureVerifyMessageAccepts() {
        JsonValue.JsonObject flow = flow("actionPersonal");
        assertEquals(pkp.ethAddress(), string(flow, "recoveredAddress"));
        assertEquals(Bytes.of(Eip191.hash("hello PKP")).hex(), string(object(flow, "result"), "dataSigned")
                .toLowerCase());
    }

    @Test
    void executeJs_signEcdsaInAnActionThePkpDoesNotPermit_isRefusedWithNodePKPNotAuthorizedInside() {
        JsonValue.JsonObject refused = ScriptDevnet.assertRefused(document.get(), "actionNotPermitted",
                LitErrorCode.NodeJsExecutionError);
        String message = string(object(refused, "error"), "message");
        assertTrue(message.contains("LitActions.signEcdsa: NodePKPNotAuthorized"), message);
    }

    @Test
    void executeJs_signAndCombineEcdsa_theActionGetsASignatureEthersRecoversToThePkp() {
        JsonValue.JsonObject flow = flow("actionCombine");
        assertEquals(pkp.ethAddress(), string(flow, "recoveredAddress"));
        assertEquals(0, number(flow, "signatureCount"));
        JsonValue.JsonObject sig = object(flow, "response");
        assertEquals(List.of("r", "s", "v"), List.copyOf(sig.members().keySet()));
        assertEquals(66, string(sig, "r").length());
    }

    @Test
    void executeJs_permissionFunctions_answerFromTheRegistry() {
        JsonValue.JsonObject flow = flow("actionPermissions");
        JsonValue.JsonObject answers = object(flow, "response");
        assertEquals(string(flow, "expectedTokenId"), string(answers, "tokenId"));
        assertEquals(new BigInteger(pkp.tokenId(), 16).toString(), string(answers, "tokenId"));
        assertEquals(new JsonValue.JsonBoolean(false), answers.get("isPermittedAction").orElseThrow());
        assertEquals(new JsonValue.JsonBoolean(true), answers.get("isPermittedAddress").orElseThrow());
        assertEquals(Set.of(PkpSignFixture.SIGNER.address().toChecksumString(),
                PkpSignFixture.PERSONAL.address().toChecksumString()),
                Set.copyOf(strings(answers, "permittedAddresses")));
    }

    /** The SDK's result recovers (ethers) to the PKP, and the same r, s, recid recover to its key in Java too. */
    private void assertSignedByThePkp(JsonValue.JsonObject flow) {
        assertEquals(pkp.ethAddress(), string(flow, "recoveredAddress"));
        assertEquals(pkp.ethAddress(), string(flow, "pkpAddress"));
        JsonValue.JsonObject result = object(flow, "result");
        assertEquals(DIGEST.substring(2), string(result, "dataSigned").toLowerCase());
        EcdsaSignature sig = new EcdsaSignature(Bytes.fromHex(string(result, "r"), "r"),
                Bytes.fromHex(string(result, "s"), "s"), (int) number(result, "recid"));
        assertEquals(pkp.publicKey(), sig.recoverPublicKey(Bytes.fromHex(DIGEST.substring(2), "d").toByteArray())
                .hex());
        assertEquals(Bytes.of(sig.toBytes65()).hex0x(), string(result, "signature"));
    }

    private void assertRefused(String name, LitErrorCode expected) {
        ScriptDevnet.assertRefused(document.get(), name, expected);
    }

    private JsonValue.JsonObject flow(String name) {
        return ScriptDevnet.flow(document.get(), name);
    }

    private JsonValue.JsonObject runScript() {
        NodeJs.requireScripts();
        network = start(dataDir.resolve("devnet"));
        pkp = mintPkp();
        return ScriptDevnet.runFlows(network, SCRIPT,
                "--pkp-public-key", "0x" + pkp.publicKey(),
                "--digest", DIGEST,
                "--signer-key", PkpSignFixture.SIGNER_KEY,
                "--personal-key", PkpSignFixture.PERSONAL_KEY,
                "--stranger-key", PkpSignFixture.STRANGER_KEY,
                "--timeout-ms", Long.toString(SCRIPT_TIME_LIMIT_MS));
    }
}
