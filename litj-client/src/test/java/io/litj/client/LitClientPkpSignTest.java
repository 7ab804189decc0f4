package io.litj.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.client.testing.DealtSignature;
import io.litj.client.testing.ConnectedClient;
import io.litj.client.testing.FakeLitNetwork;
import io.litj.client.testing.FakeLitNetwork.Recorded;
import io.litj.client.testing.FakeLitNetwork.Reply;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.crypto.Eip191;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.crypto.EthSignature;
import io.litj.protocol.crypto.Hashes;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.testing.MutableClock;
import io.litj.protocol.testing.TestSessions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** {@code pkpSign} against fake nodes answering with dealt shares: the body, the combination and each refusal. */
class LitClientPkpSignTest {
    private static final byte[] DIGEST = Hashes.keccak256("litj pkpSign test");
    private final MutableClock clock = new MutableClock(TestSessions.NOW);
    private final DealtSignature dealt = DealtSignature.deal(DIGEST, 2, 7);
    @AutoClose
    private final ConnectedClient connected = ConnectedClient.start(clock);
    private final FakeLitNetwork net = connected.net();
    private final LitClient client = connected.client();
    private final SessionSigs sigs = client.getSessionSigs(SessionRequest.of(SessionTerms.of(
            PkpSignRequest.sessionResources(dealt.publicKey().hex())), TestSessions.WALLET));

    private PkpSignRequest request() {
        return PkpSignRequest.of(DIGEST, dealt.publicKey().hex0x(), sigs);
    }

    /** Nodes 0 and 1 send their shares, node 2 (outside the signing set) a "fail" share. */
    private void honest() {
        reply(0, dealt.pkpSignAnswer(dealt.share(0)));
        reply(1, dealt.pkpSignAnswer(dealt.share(1)));
        reply(2, dealt.failAnswer());
    }

    private void reply(int node, JsonValue.JsonObject answer) {
        net.node(node).pkpSignReply(Reply.json(answer));
    }

    @Test
    void pkpSign_sharesOfTheSigningSet_combineIntoASignatureThatRecoversToThePkp() {
        honest();
        PkpSignature sig = client.pkpSign(request());
        assertEquals(dealt.publicKey(), sig.publicKey());
        assertEquals(Bytes.of(DIGEST), sig.dataSigned());
        assertEquals(65, sig.signature().size());
        assertEquals(27 + sig.recid(), sig.signature().get(64));
        EthAddress recovered = Eip191.recoverFromHash(DIGEST, EthSignature.parse(sig.signatureHex(), "sig"));
        assertEquals(EthAddress.fromPublicKey(dealt.publicKey().toByteArray()), recovered);
        assertEquals(recovered, sig.ethAddress());
    }

    @Test
    void pkpSign_eachNodeReceivesTheJsSdkBodyWithItsOwnSessionSig() {
        honest();
        client.pkpSign(request());
        for (FakeLitNetwork.FakeNode node : net.nodes()) {
            List<Recorded> calls = node.requests("/web/pkp/sign/v1");
            assertEquals(1, calls.size());
            JsonValue.JsonObject body = calls.get(0).json();
            assertEquals(List.of("toSign", "pubkey", "authSig", "epoch"), List.copyOf(body.members().keySet()));
            JsonValue.JsonArray toSign = (JsonValue.JsonArray) body.get("toSign").orElseThrow();
            assertEquals(32, toSign.items().size());
            assertEquals(new JsonValue.JsonNumber(DIGEST[0] & 0xff), toSign.items().get(0));
            assertEquals(new JsonValue.JsonString(dealt.publicKey().hex0x()), body.get("pubkey").orElseThrow());
            assertEquals(JsJson.stringify(sigs.forNode(node.url()).orElseThrow().toAuthSig().toJson()),
                    JsJson.stringify(body.get("authSig").orElseThrow()));
            assertEquals(new JsonValue.JsonNumber(FakeLitNetwork.EPOCH), body.get("epoch").orElseThrow());
        }
    }

    @Test
    void pkpSign_aWrongExtraShare_namesItsNodeFromTheSubsetThatVerifies() {
        honest();
        reply(2, dealt.pkpSignAnswer(dealt.wrongShare(0)));
        LitClientException e = assertThrows(LitClientException.class, () -> client.pkpSign(request()));
        assertEquals(LitErrorCode.InvalidSignature, e.code());
        assertEquals(List.of(net.node(2).url()), e.nodeFailures().stream().map(NodeFailure::nodeUrl).toList());
        assertTrue(e.getMessage().contains(net.node(2).url()), e.getMessage());
    }

    @Test
    void pkpSign_aWrongShareInTheSigningSet_namesTheSetAsSuspects() {
        honest();
        reply(1, dealt.pkpSignAnswer(dealt.wrongShare(1)));
        LitClientException e = assertThrows(LitClientException.class, () -> client.pkpSign(request()));
        assertEquals(LitErrorCode.InvalidSignature, e.code());
        assertEquals(List.of(net.node(0).url(), net.node(1).url()),
                e.nodeFailures().stream().map(NodeFailure::nodeUrl).toList());
        assertTrue(e.nodeFailures().get(0).message().startsWith("suspect"), e.getMessage());
    }

    @Test
    void pkpSign_aShareForAnotherDigestOrKeyOrNonce_namesThatNode() {
        DealtSignature other = DealtSignature.deal(Hashes.keccak256("other"), 2, 8);
        honest();
        reply(2, other.pkpSignAnswer(other.share(0)));
        LitClientException e = assertThrows(LitClientException.class, () -> client.pkpSign(request()));
        assertEquals(LitErrorCode.InvalidSignature, e.code());
        assertEquals(List.of(net.node(2).url()), e.nodeFailures().stream().map(NodeFailure::nodeUrl).toList());
        assertTrue(e.nodeFailures().get(0).message().contains("for key"), e.getMessage());
    }

    @Test
    void pkpSign_aMalformedShare_namesThatNode() {
        honest();
        reply(1, JsonValue.object().put("success", new JsonValue.JsonBoolean(true)).put("signatureShare",
                JsonValue.object().put("signature_share", "\"ZZ\"").put("sig_type", "K256").build()).build());
        LitClientException e = assertThrows(LitClientException.class, () -> client.pkpSign(request()));
        assertEquals(LitErrorCode.InvalidSignature, e.code());
        assertEquals(List.of(net.node(1).url()), e.nodeFailures().stream().map(NodeFailure::nodeUrl).toList());
        assertTrue(e.nodeFailures().get(0).message().contains("malformed"), e.getMessage());
    }

    @Test
    void pkpSign_fewerSharesThanMinNodeCount_isNoValidShares() {
        honest();
        reply(1, dealt.failAnswer());
        LitClientException e = assertThrows(LitClientException.class, () -> client.pkpSign(request()));
        assertEquals(LitErrorCode.NoValidShares, e.code());
    }

    @Test
    void pkpSign_aNodeRefuses_isNodeErrorWithItsCode() {
        honest();
        net.node(1).pkpSignReply(Reply.error(LitErrorCode.NodePKPNotAuthorized, "not permitted"));
        LitClientException e = assertThrows(LitClientException.class, () -> client.pkpSign(request()));
        assertEquals(LitErrorCode.NodeError, e.code());
        assertEquals(Optional.of("NodePKPNotAuthorized"), e.nodeErrorCode());
    }

    @Test
    void pkpSign_anAnswerWithoutSuccess_isNodeError() {
        honest();
        reply(0, JsonValue.object().put("success", new JsonValue.JsonBoolean(false)).build());
        LitClientException e = assertThrows(LitClientException.class, () -> client.pkpSign(request()));
        assertEquals(LitErrorCode.NodeError, e.code());
        assertEquals(net.node(0).url(), e.nodeFailures().get(0).nodeUrl());
    }

    @Test
    void pkpSignRequest_digestNot32Bytes_isInvalidArgument() {
        LitClientException e = assertThrows(LitClientException.class,
                () -> PkpSignRequest.of(new byte[31], dealt.publicKey().hex(), sigs));
        assertEquals(LitErrorCode.InvalidArgument, e.code());
    }

    @Test
    void pkpSignRequest_compressedKey_isInvalidArgument() {
        LitClientException e = assertThrows(LitClientException.class,
                () -> PkpSignRequest.of(DIGEST, "02" + "11".repeat(32), sigs));
        assertEquals(LitErrorCode.InvalidArgument, e.code());
    }

    @Test
    void pkpSign_sessionSigsWithoutANode_isInvalidArgumentBeforeSending() {
        honest();
        SessionSigs partial = new SessionSigs(java.util.Map.of(net.node(0).url(),
                sigs.forNode(net.node(0).url()).orElseThrow()));
        LitClientException e = assertThrows(LitClientException.class,
                () -> client.pkpSign(PkpSignRequest.of(DIGEST, dealt.publicKey().hex(), partial)));
        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertTrue(net.node(0).requests("/web/pkp/sign/v1").isEmpty());
    }

    @Test
    void sessionResources_grantPkpSigningOnTheTokenIdAndActionExecution() {
        String tokenId = request().tokenId();
        List<String> keys = PkpSignRequest.sessionResources(dealt.publicKey().hex()).stream()
                .map(r -> r.resource().key() + " " + r.ability().value()).toList();
        assertEquals(List.of("lit-pkp://" + tokenId + " pkp-signing", "lit-litaction://* lit-action-execution"),
                keys);
    }
}
