package io.litj.threshold.bls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.Bytes;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.testing.SeededRandom;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The Datil wire form of signature shares. */
class BlsSignatureShareTest {
    private static final BlsSignature PARTIAL = BlsSecretKey.random(new SeededRandom(3))
            .sign("m".getBytes(StandardCharsets.UTF_8));

    @Test
    void wireJson_isIdentifierByteThenPoint_andRoundTrips() {
        BlsSignatureShare s = new BlsSignatureShare(255, PARTIAL);
        assertEquals("{\"ProofOfPossession\":\"ff" + PARTIAL.toHex() + "\"}", s.toWireJson());
        assertEquals(s, BlsSignatureShare.parseWire(s.toWireJson()));
        assertEquals(s, BlsSignatureShare.parseHex("ff" + PARTIAL.toHex()));
        assertEquals(s, BlsSignatureShare.fromBytes(s.toBytes()));
        assertEquals(97, s.toBytes().size());
    }

    @Test
    void constructor_identifierOutOfRange_throwsInvalidArgument() {
        assertEquals(LitErrorCode.InvalidArgument,
                assertThrows(ThresholdException.class, () -> new BlsSignatureShare(0, PARTIAL)).code());
        assertEquals(LitErrorCode.InvalidArgument,
                assertThrows(ThresholdException.class, () -> new BlsSignatureShare(256, PARTIAL)).code());
    }

    @Test
    void parseWire_wrongLength_throwsNodeParserErrorNamingTheLength() {
        ThresholdException e = assertThrows(ThresholdException.class,
                () -> BlsSignatureShare.parseWire("{\"ProofOfPossession\":\"" + PARTIAL.toHex() + "\"}"));
        assertEquals(LitErrorCode.NodeParserError, e.code());
        assertEquals("BLS signature share ProofOfPossession must be 194 hex digits but is 192", e.getMessage());
    }

    @Test
    void parseWire_notJson_throwsNodeParserError() {
        assertEquals(LitErrorCode.NodeParserError,
                assertThrows(ThresholdException.class, () -> BlsSignatureShare.parseWire("nope")).code());
        assertEquals(LitErrorCode.NodeParserError,
                assertThrows(ThresholdException.class, () -> BlsSignatureShare.parseWire("[]")).code());
        assertEquals(LitErrorCode.NodeParserError, assertThrows(ThresholdException.class,
                () -> BlsSignatureShare.parseWire("{\"ProofOfPossession\":1}")).code());
    }

    @Test
    void fromBytes_zeroIdentifier_throwsNodeParserError() {
        byte[] b = new BlsSignatureShare(1, PARTIAL).toBytes().toByteArray();
        b[0] = 0;
        assertEquals(LitErrorCode.NodeParserError,
                assertThrows(ThresholdException.class, () -> BlsSignatureShare.fromBytes(Bytes.of(b))).code());
    }
}
