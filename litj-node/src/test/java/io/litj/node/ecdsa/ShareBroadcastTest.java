package io.litj.node.ecdsa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.Bytes;
import io.litj.threshold.ecdsa.EcdsaSignatureShare;
import io.litj.threshold.ecdsa.Participants;
import io.litj.threshold.ecdsa.ProtocolMessage;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The share round of signAndCombineEcdsa: every live node's share (or nothing) reaches every other. */
class ShareBroadcastTest {
    private static final Participants SET = new Participants(List.of(1, 2, 3), 2);
    private static final String G = "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798";
    private static final Bytes BIG_R = Bytes.fromHex("02" + G, "R");
    private static final Bytes DIGEST = Bytes.fromHex("ab".repeat(32), "digest");
    private static final Bytes KEY = Bytes.fromHex("04" + G
            + "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8", "key");

    private static byte[] share(int s) {
        return Bytes.fromHex(String.format("%064x", s) + "02" + G, "share").toByteArray();
    }

    private static ShareBroadcast member(int self) {
        return new ShareBroadcast(SET, self, DIGEST, KEY, Optional.of(new SignatureShare(DIGEST,
                Bytes.fromHex(String.format("%064x", self), "s"), BIG_R, KEY, self, Optional.empty())));
    }

    @Test
    void output_afterEveryParty_isTheSharesReceivedByIndex() {
        ShareBroadcast x = member(2);
        List<ProtocolMessage> sent = x.start();

        assertEquals(1, sent.size());
        assertTrue(sent.getFirst().isBroadcast());
        assertEquals(ShareBroadcast.SHARE_BYTES, sent.getFirst().payload().length);
        x.receive(3, new byte[0]);
        assertTrue(x.output().isEmpty());
        x.receive(1, share(1));

        List<EcdsaSignatureShare> out = x.output().orElseThrow();
        assertEquals(List.of(1, 2), out.stream().map(EcdsaSignatureShare::shareIndex).toList());
        assertEquals(BIG_R, out.getFirst().bigR());
        assertEquals(DIGEST, out.getFirst().digest());
    }

    @Test
    void start_outsideTheSigningSet_sendsAnEmptyMessage() {
        ShareBroadcast x = new ShareBroadcast(SET, 3, DIGEST, KEY, Optional.empty());

        assertEquals(0, x.start().getFirst().payload().length);
    }

    @Test
    void receive_foreignRepeatedOrWrongSizeMessage_refusedWithNodeBadInput() {
        ShareBroadcast x = member(1);
        x.start();

        assertEquals(LitErrorCode.NodeBadInput, assertThrows(LitNodeException.class,
                () -> x.receive(4, share(4))).code());
        assertEquals(LitErrorCode.NodeBadInput, assertThrows(LitNodeException.class,
                () -> x.receive(1, share(1))).code());
        assertEquals("party 2 sent a share of 64 bytes; expected 0 or 65", assertThrows(LitNodeException.class,
                () -> x.receive(2, new byte[64])).getMessage());
        x.receive(2, share(2));
        assertEquals(LitErrorCode.NodeBadInput, assertThrows(LitNodeException.class,
                () -> x.receive(2, share(2))).code());
    }

    @Test
    void receive_shareWhoseRIsNoPoint_refusedWithNodeBadInput() {
        ShareBroadcast x = member(1);
        x.start();
        x.receive(2, share(2));
        byte[] bad = share(3);
        bad[32] = 0x05;

        assertEquals(LitErrorCode.NodeBadInput, assertThrows(LitNodeException.class, () -> x.receive(3, bad)).code());
    }
}
