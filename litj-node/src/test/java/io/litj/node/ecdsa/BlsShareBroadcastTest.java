package io.litj.node.ecdsa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import io.litj.threshold.bls.BlsSecretKeyShare;
import io.litj.threshold.bls.BlsSignatureShare;
import io.litj.threshold.ecdsa.Participants;
import io.litj.threshold.ecdsa.ProtocolMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The decryption-share round: to everyone or to one receiver, shares checked for shape and sender. */
class BlsShareBroadcastTest {
    private static final Participants SET = new Participants(List.of(1, 2, 3), 2);
    private static final byte[] IDENTITY = "lit-accesscontrolcondition://a/b".getBytes(StandardCharsets.UTF_8);

    private static BlsSignatureShare share(int identifier) {
        byte[] key = new byte[32];
        key[31] = (byte) (identifier + 10);
        return BlsSecretKeyShare.fromBytes(identifier, key).sign(IDENTITY);
    }

    private static BlsShareBroadcast member(int self, int receiver) {
        return new BlsShareBroadcast(SET, self, receiver, Optional.of(share(self)));
    }

    @Test
    void toEveryone_afterEveryParty_outputsAllSharesByIndex() {
        BlsShareBroadcast x = member(2, ProtocolMessage.EVERYONE);
        List<ProtocolMessage> sent = x.start();
        assertEquals(1, sent.size());
        assertTrue(sent.getFirst().isBroadcast());
        assertTrue(x.output().isEmpty());

        x.receive(3, share(3).toBytes().toByteArray());
        x.receive(1, new byte[0]);

        assertEquals(List.of(share(2), share(3)), x.output().orElseThrow());
    }

    @Test
    void toOneReceiver_senderIsDoneAfterSendingPrivately() {
        BlsShareBroadcast x = member(1, 3);

        List<ProtocolMessage> sent = x.start();

        assertEquals(3, sent.getFirst().to());
        assertEquals(List.of(share(1)), x.output().orElseThrow());
    }

    @Test
    void toOneReceiver_receiverSendsNothingAndCollectsEveryone() {
        BlsShareBroadcast x = member(3, 3);

        assertEquals(List.of(), x.start());
        x.receive(1, share(1).toBytes().toByteArray());
        assertTrue(x.output().isEmpty());
        x.receive(2, share(2).toBytes().toByteArray());

        assertEquals(List.of(share(1), share(2), share(3)), x.output().orElseThrow());
    }

    @Test
    void receive_atANodeThatIsNotTheReceiver_isRefusedWithNodeBadInput() {
        BlsShareBroadcast x = member(1, 3);
        x.start();

        LitNodeException e = assertThrows(LitNodeException.class, () -> x.receive(2, new byte[0]));
        assertEquals(LitErrorCode.NodeBadInput, e.code());
        assertEquals("unexpected decryption share from party 2", e.getMessage());
    }

    @Test
    void receive_twiceFromOneParty_isRefusedWithNodeBadInput() {
        BlsShareBroadcast x = member(1, ProtocolMessage.EVERYONE);
        x.start();
        x.receive(2, new byte[0]);

        LitNodeException e = assertThrows(LitNodeException.class, () -> x.receive(2, new byte[0]));
        assertEquals(LitErrorCode.NodeBadInput, e.code());
    }

    @Test
    void receive_wrongLength_isRefusedWithNodeBadInput() {
        BlsShareBroadcast x = member(1, ProtocolMessage.EVERYONE);
        x.start();

        LitNodeException e = assertThrows(LitNodeException.class, () -> x.receive(2, new byte[5]));
        assertEquals(LitErrorCode.NodeBadInput, e.code());
        assertEquals("party 2 sent a decryption share of 5 bytes; expected 0 or " + BlsSignatureShare.WIRE_BYTES,
                e.getMessage());
    }

    @Test
    void receive_anotherPartysShare_isRefusedWithNodeBadInput() {
        BlsShareBroadcast x = member(1, ProtocolMessage.EVERYONE);
        x.start();

        LitNodeException e = assertThrows(LitNodeException.class, () -> x.receive(2,
                share(3).toBytes().toByteArray()));
        assertEquals(LitErrorCode.NodeBadInput, e.code());
        assertEquals("party 2 sent the share of party 3", e.getMessage());
    }
}
