package io.litj.node.ecdsa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.Bytes;
import io.litj.threshold.ecdsa.EcdsaSignatureShare;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The combination step of signAndCombineEcdsa refuses too few shares and shares that do not verify (the happy path
 * runs on three nodes in {@link ActionSignNetworkTest}).
 */
class ActionCombinerTest {
    private static final String G = "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798";
    private static final Bytes KEY = Bytes.fromHex("04" + G
            + "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8", "key");
    private static final Bytes DIGEST = Bytes.fromHex("ab".repeat(32), "digest");

    private static EcdsaSignatureShare share(int party, int s) {
        return new EcdsaSignatureShare(party, Bytes.fromHex(String.format("%064x", s), "s"),
                Bytes.fromHex("02" + G, "R"), DIGEST, KEY);
    }

    @Test
    void combine_fewerSharesThanTheThreshold_failsWithNodeSystemFault() {
        LitNodeException e = assertThrows(LitNodeException.class,
                () -> ActionCombiner.combine(List.of(share(1, 5)), 2, KEY, DIGEST));

        assertEquals(LitErrorCode.NodeSystemFault, e.code());
        assertEquals("only 1 signature shares arrived; combining needs 2", e.getMessage());
    }

    @Test
    void combine_sharesThatDoNotVerify_failWithNodeSystemFault() {
        LitNodeException e = assertThrows(LitNodeException.class,
                () -> ActionCombiner.combine(List.of(share(1, 5), share(2, 7)), 2, KEY, DIGEST));

        assertEquals(LitErrorCode.NodeSystemFault, e.code());
        assertTrue(e.getMessage().startsWith("the signature shares do not combine: "), e.getMessage());
    }
}
