package io.litj.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.client.testing.ConnectedClient;
import io.litj.client.testing.DealtSignature;
import io.litj.client.testing.FakeLitNetwork;
import io.litj.client.testing.FakeLitNetwork.Reply;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.crypto.Hashes;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.testing.MutableClock;
import io.litj.protocol.testing.TestSessions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * {@code pkpSign} names the node whose share is bad exactly, from the litj-only {@code litjShareCheck} member of
 * litj nodes' answers (the presignature's public data): for every position of the bad node in every signing set, for
 * a wrong share sent with true data and for a wrong share sent with data made to fit it.
 */
class PkpSignBadNodeTest {
    private static final byte[] DIGEST = Hashes.keccak256("litj pkpSign bad node");
    private final MutableClock clock = new MutableClock(TestSessions.NOW);
    @AutoClose
    private final ConnectedClient connected = ConnectedClient.start(clock);
    private final FakeLitNetwork net = connected.net();
    private final LitClient client = connected.client();

    private SessionSigs sigs(DealtSignature dealt) {
        return client.getSessionSigs(SessionRequest.of(SessionTerms.of(
                PkpSignRequest.sessionResources(dealt.publicKey().hex())), TestSessions.WALLET));
    }

    private LitClientException signExpectingFailure(DealtSignature dealt) {
        LitClientException e = assertThrows(LitClientException.class, () -> client.pkpSign(
                PkpSignRequest.of(DIGEST, dealt.publicKey().hex0x(), sigs(dealt))));
        assertEquals(LitErrorCode.InvalidSignature, e.code(), e::getMessage);
        return e;
    }

    private static List<String> named(LitClientException e) {
        return e.nodeFailures().stream().map(NodeFailure::nodeUrl).toList();
    }

    /**
     * Nodes {@code signers} (in order: party 0, 1, …) answer as litj nodes of the signing set, the others "fail";
     * party {@code bad} sends a wrong share, with the true data or, with {@code lying}, data made to fit it.
     */
    private void answer(DealtSignature dealt, List<Integer> signers, int bad, boolean lying) {
        Bytes wrong = dealt.wrongShare(bad);
        List<Bytes[]> truth = dealt.commitments(Map.of());
        List<Bytes[]> lie = dealt.commitments(Map.of(bad, wrong));
        for (int node = 0; node < 3; node++) {
            int party = signers.indexOf(node);
            JsonValue.JsonObject a = party < 0 ? dealt.failAnswer() : dealt.litjAnswer(
                    party == bad ? wrong : dealt.share(party),
                    DealtSignature.shareCheck(party, party == bad && lying ? lie : truth));
            net.node(node).pkpSignReply(Reply.json(a));
        }
    }

    @Test
    void pkpSign_wrongShareWithTrueData_namesExactlyThatNode_forEveryPositionInEverySet() {
        DealtSignature dealt = DealtSignature.deal(DIGEST, 2, 21);
        for (List<Integer> set : List.of(List.of(0, 1), List.of(0, 2), List.of(1, 2))) {
            for (int bad = 0; bad < 2; bad++) {
                answer(dealt, set, bad, false);

                LitClientException e = signExpectingFailure(dealt);

                assertEquals(List.of(net.node(set.get(bad)).url()), named(e), e::getMessage);
                assertTrue(e.nodeFailures().get(0).message().contains("does not match the presignature's public"
                        + " data"), e::getMessage);
            }
        }
    }

    @Test
    void pkpSign_wrongShareWithDataMadeToFitIt_namesExactlyThatNode_forEveryPosition() {
        DealtSignature dealt = DealtSignature.deal(DIGEST, 2, 22);
        for (int bad = 0; bad < 2; bad++) {
            answer(dealt, List.of(1, 2), bad, true);

            LitClientException e = signExpectingFailure(dealt);

            assertEquals(List.of(net.node(1 + bad).url()), named(e), e::getMessage);
        }
    }

    @Test
    void pkpSign_threePartySet_wrongShareWithTrueOrFittedData_namesExactlyThatNode_forEveryPosition() {
        DealtSignature dealt = DealtSignature.deal(DIGEST, 3, 23);
        for (boolean lying : List.of(false, true)) {
            for (int bad = 0; bad < 3; bad++) {
                answer(dealt, List.of(0, 1, 2), bad, lying);

                LitClientException e = signExpectingFailure(dealt);

                assertEquals(List.of(net.node(bad).url()), named(e), e::getMessage);
            }
        }
    }

    @Test
    void pkpSign_honestLitjSigners_combineWithTheMemberPresent() {
        DealtSignature dealt = DealtSignature.deal(DIGEST, 2, 24);
        List<Bytes[]> truth = dealt.commitments(Map.of());
        net.node(0).pkpSignReply(Reply.json(dealt.litjAnswer(dealt.share(0), DealtSignature.shareCheck(0, truth))));
        net.node(1).pkpSignReply(Reply.json(dealt.failAnswer()));
        net.node(2).pkpSignReply(Reply.json(dealt.litjAnswer(dealt.share(1), DealtSignature.shareCheck(1, truth))));

        PkpSignature sig = client.pkpSign(PkpSignRequest.of(DIGEST, dealt.publicKey().hex0x(), sigs(dealt)));

        assertEquals(dealt.publicKey(), sig.publicKey());
    }

    @Test
    void pkpSign_twoSignersClaimingOneShareIndex_bothNamed() {
        DealtSignature dealt = DealtSignature.deal(DIGEST, 2, 25);
        List<Bytes[]> truth = dealt.commitments(Map.of());
        net.node(0).pkpSignReply(Reply.json(dealt.litjAnswer(dealt.share(0), DealtSignature.shareCheck(0, truth))));
        net.node(1).pkpSignReply(Reply.json(dealt.litjAnswer(dealt.wrongShare(1),
                DealtSignature.shareCheck(0, truth))));
        net.node(2).pkpSignReply(Reply.json(dealt.failAnswer()));

        LitClientException e = signExpectingFailure(dealt);

        assertEquals(List.of(net.node(1).url(), net.node(0).url()), named(e), e::getMessage);
        assertTrue(e.nodeFailures().get(0).message().contains("claims share index 1"), e::getMessage);
    }

    @Test
    void pkpSign_malformedMember_namesThatNode() {
        DealtSignature dealt = DealtSignature.deal(DIGEST, 2, 26);
        List<Bytes[]> truth = dealt.commitments(Map.of());
        net.node(0).pkpSignReply(Reply.json(dealt.litjAnswer(dealt.share(0), DealtSignature.shareCheck(0, truth))));
        net.node(1).pkpSignReply(Reply.json(dealt.litjAnswer(dealt.wrongShare(1),
                JsonValue.object().put("shareIndex", new JsonValue.JsonNumber(2)).put("parties",
                        new JsonValue.JsonArray(List.of(JsonValue.object().put("index", new JsonValue.JsonNumber(1))
                                .put("k", "zz").put("sigma", "zz").build()))).build())));
        net.node(2).pkpSignReply(Reply.json(dealt.failAnswer()));

        LitClientException e = signExpectingFailure(dealt);

        assertTrue(named(e).contains(net.node(1).url()), e::getMessage);
        assertTrue(e.getMessage().contains("litjShareCheck is malformed"), e::getMessage);
    }
}
