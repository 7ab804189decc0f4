package io.litj.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.client.testing.DealtSignature;
import io.litj.client.testing.ConnectedClient;
import io.litj.client.testing.FakeLitNetwork;
import io.litj.client.testing.FakeLitNetwork.Reply;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.crypto.Hashes;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.testing.MutableClock;
import io.litj.protocol.testing.TestSessions;
import io.litj.threshold.ecdsa.EcdsaSignature;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** {@link ExecuteJsResult#signatures()}: {@code signedData[sigName]} shares in the recorded Datil shape, combined. */
class ExecuteJsSignaturesTest {
    private static final byte[] DIGEST = Hashes.keccak256("signed inside an action");
    private final MutableClock clock = new MutableClock(TestSessions.NOW);
    private final DealtSignature dealt = DealtSignature.deal(DIGEST, 2, 11);
    @AutoClose
    private final ConnectedClient connected = ConnectedClient.start(clock);
    private final FakeLitNetwork net = connected.net();
    private final SessionSigs sigs = connected.anyActionSession();

    private void answer(int node, JsonValue.JsonObject signedData) {
        net.node(node).executeReply(Reply.json(JsonValue.object().put("success", new JsonValue.JsonBoolean(true))
                .put("signedData", signedData).put("decryptedData", JsonValue.JsonObject.empty())
                .put("claimData", JsonValue.JsonObject.empty()).put("response", "").put("logs", "").build()));
    }

    private ExecuteJsResult run() {
        return connected.client().executeJs(ExecuteJsRequest.builder().code("Lit.Actions.signEcdsa({})").sessionSigs(sigs)
                .build());
    }

    @Test
    void signatures_sharesOfTheSigningSet_combineUnderTheirSigName() {
        answer(0, JsonValue.object().put("sig1", dealt.executeJsShare("sig1", 0)).build());
        answer(1, JsonValue.object().put("sig1", dealt.executeJsShare("sig1", 1)).build());
        answer(2, JsonValue.JsonObject.empty());
        Map<String, PkpSignature> signatures = run().signatures();
        assertEquals(List.of("sig1"), List.copyOf(signatures.keySet()));
        PkpSignature sig = signatures.get("sig1");
        assertEquals(dealt.publicKey(), sig.publicKey());
        assertEquals(Bytes.of(DIGEST), sig.dataSigned());
        assertEquals(dealt.publicKey(), new EcdsaSignature(sig.r(), sig.s(), sig.recid()).recoverPublicKey(DIGEST));
    }

    @Test
    void signatures_noSignedData_isAnEmptyMap() {
        assertTrue(run().signatures().isEmpty());
    }

    @Test
    void signatures_tooFewShares_failTheCallWithNoValidShares() {
        answer(0, JsonValue.object().put("sig1", dealt.executeJsShare("sig1", 0)).build());
        answer(1, JsonValue.JsonObject.empty());
        answer(2, JsonValue.JsonObject.empty());
        LitClientException e = assertThrows(LitClientException.class, this::run);
        assertEquals(LitErrorCode.NoValidShares, e.code());
    }
}
