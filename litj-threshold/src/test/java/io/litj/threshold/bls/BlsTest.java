package io.litj.threshold.bls;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.auth.BlsCapabilityVerifier;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.shamir.Group;
import io.litj.threshold.shamir.SecretScalar;
import io.litj.threshold.testing.SeededRandom;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Keys, signing and verification in the POP ciphersuite. */
class BlsTest {
    private static final byte[] MESSAGE = "lit_session:test".getBytes(StandardCharsets.UTF_8);
    private static final BlsSecretKey KEY = BlsSecretKey.random(new SeededRandom(7));

    @Test
    void verify_signatureOfTheKey_doesNotThrow() {
        BlsSignature sig = KEY.sign(MESSAGE);
        assertDoesNotThrow(() -> Bls.verify(KEY.publicKey(), MESSAGE, sig));
    }

    @Test
    void verify_otherMessageOrKey_throwsInvalidSignature() {
        BlsSignature sig = KEY.sign(MESSAGE);
        refused(() -> Bls.verify(KEY.publicKey(), "other".getBytes(StandardCharsets.UTF_8), sig));
        refused(() -> Bls.verify(BlsSecretKey.random(new SeededRandom(8)).publicKey(), MESSAGE, sig));
    }

    @Test
    void verify_wrongSignature_saysWhatDidNotVerify() {
        BlsSignature sig = KEY.sign("other".getBytes(StandardCharsets.UTF_8));
        ThresholdException e = refused(() -> Bls.verify(KEY.publicKey(), MESSAGE, sig));
        assertEquals("BLS signature over 16 bytes does not verify under " + KEY.publicKey().toHex().substring(0, 64)
                + "…", e.getMessage());
    }

    @Test
    void sign_isDeterministic() {
        assertEquals(KEY.sign(MESSAGE), BlsSecretKey.fromBytes(KEY.exportSecret()).sign(MESSAGE));
    }

    @Test
    void publicKeyAndSignature_hexAndBytes_roundTrip() {
        BlsSignature sig = KEY.sign(MESSAGE);
        assertEquals(KEY.publicKey(), BlsPublicKey.parse(KEY.publicKey().toHex()));
        assertEquals(KEY.publicKey(), BlsPublicKey.parse("0x" + KEY.publicKey().toHex()));
        assertEquals(KEY.publicKey(), BlsPublicKey.fromBytes(KEY.publicKey().toBytes()));
        assertEquals(sig, BlsSignature.parse(sig.toHex()));
        assertEquals(sig, BlsSignature.fromBytes(sig.toBytes()));
        assertEquals(sig, BlsSignature.parseWire(sig.toWireJson()));
        assertEquals("{\"ProofOfPossession\":\"" + sig.toHex() + "\"}", sig.toWireJson());
        assertEquals(96, KEY.publicKey().toHex().length());
        assertEquals(192, sig.toHex().length());
    }

    @Test
    void publicKey_groupElement_roundTrip() {
        assertEquals(KEY.publicKey(), BlsPublicKey.of(KEY.publicKey().toGroupElement()));
        SecretScalar s = SecretScalar.of(Group.BLS12_381_G1, KEY.exportSecret());
        assertEquals(KEY.publicKey(), BlsPublicKey.of(s.publicKey()));
        assertTrue(KEY.sameSecretAs(BlsSecretKey.of(s)));
    }

    @Test
    void publicKeyOf_secp256k1Element_throwsInvalidArgument() {
        ThresholdException e = assertThrows(ThresholdException.class,
                () -> BlsPublicKey.of(Group.SECP256K1.generator()));
        assertEquals(LitErrorCode.InvalidArgument, e.code());
    }

    @Test
    void secretKey_zeroOrNotBelowOrder_throwsInvalidArgument() {
        assertEquals(LitErrorCode.InvalidArgument,
                assertThrows(ThresholdException.class, () -> BlsSecretKey.fromBytes(new byte[32])).code());
        byte[] big = new byte[32];
        java.util.Arrays.fill(big, (byte) 0xff);
        assertEquals(LitErrorCode.InvalidArgument,
                assertThrows(ThresholdException.class, () -> BlsSecretKey.fromBytes(big)).code());
        assertEquals(LitErrorCode.InvalidArgument,
                assertThrows(ThresholdException.class, () -> BlsSecretKey.fromBytes(new byte[31])).code());
    }

    @Test
    void secretKey_oneTimesGenerator_isTheG1Generator() {
        byte[] one = new byte[32];
        one[31] = 1;
        assertEquals(Group.BLS12_381_G1.generator(), BlsSecretKey.fromBytes(one).publicKey().toGroupElement());
        assertEquals("97f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb",
                BlsSecretKey.fromBytes(one).publicKey().toHex());
    }

    @Test
    void capabilityVerifier_validSignature_doesNotThrow() {
        BlsCapabilityVerifier v = Bls.capabilityVerifier(KEY.publicKey());
        assertDoesNotThrow(() -> v.verify(MESSAGE, KEY.sign(MESSAGE).toBytes().toByteArray()));
    }

    @Test
    void capabilityVerifier_wrongOrGarbageSignature_throwsInvalidSignature() {
        BlsCapabilityVerifier v = Bls.capabilityVerifier(KEY.publicKey());
        byte[] sig = KEY.sign(MESSAGE).toBytes().toByteArray();
        byte[] flipped = sig.clone();
        flipped[50] ^= 1;
        for (byte[] bad : new byte[][] {new byte[96], new byte[5], null, flipped,
                KEY.sign("other".getBytes(StandardCharsets.UTF_8)).toBytes().toByteArray()}) {
            LitProtocolException e = assertThrows(LitProtocolException.class, () -> v.verify(MESSAGE, bad));
            assertEquals(LitErrorCode.InvalidSignature, e.code(), e::getMessage);
        }
    }

    @Test
    void capabilityVerifier_noRootKey_throwsNodeBlsRootKeyNotFound() {
        BlsCapabilityVerifier v = Bls.capabilityVerifier(Optional::empty);
        LitProtocolException e = assertThrows(LitProtocolException.class,
                () -> v.verify(MESSAGE, KEY.sign(MESSAGE).toBytes().toByteArray()));
        assertEquals(LitErrorCode.NodeBLSRootKeyNotFound, e.code());
        assertDoesNotThrow(() -> Bls.capabilityVerifier(() -> Optional.of(KEY.publicKey()))
                .verify(MESSAGE, KEY.sign(MESSAGE).toBytes().toByteArray()));
    }

    @Test
    void verifyShare_shareOfTheKeyShare_doesNotThrow() {
        BlsSecretKeyShare share = BlsSecretKeyShare.fromBytes(3, KEY.exportSecret());
        BlsSignatureShare s = share.sign(MESSAGE);
        assertEquals(3, s.identifier());
        assertEquals(KEY.sign(MESSAGE), s.partial());
        assertDoesNotThrow(() -> Bls.verifyShare(share.publicKeyShare(), MESSAGE, s));
    }

    @Test
    void verifyShare_otherIdentifierOrMessage_throwsInvalidSignature() {
        BlsSecretKeyShare share = BlsSecretKeyShare.fromBytes(3, KEY.exportSecret());
        BlsSignatureShare s = share.sign(MESSAGE);
        ThresholdException e = refused(() -> Bls.verifyShare(new BlsPublicKeyShare(4,
                share.publicKeyShare().publicKey()), MESSAGE, s));
        assertEquals("BLS signature share 3 cannot verify under the key share of identifier 4", e.getMessage());
        refused(() -> Bls.verifyShare(share.publicKeyShare(), "x".getBytes(StandardCharsets.UTF_8), s));
    }

    @Test
    void keyShare_identifierOutOfRange_throwsInvalidArgument() {
        assertEquals(LitErrorCode.InvalidArgument, assertThrows(ThresholdException.class,
                () -> BlsSecretKeyShare.fromBytes(0, KEY.exportSecret())).code());
        assertEquals(LitErrorCode.InvalidArgument, assertThrows(ThresholdException.class,
                () -> BlsSecretKeyShare.fromBytes(256, KEY.exportSecret())).code());
    }

    @Test
    void keyShareOf_secp256k1Share_throwsInvalidArgument() {
        var share = io.litj.threshold.shamir.Share.of(1, SecretScalar.random(Group.SECP256K1, new SeededRandom(2)));
        assertEquals(LitErrorCode.InvalidArgument,
                assertThrows(ThresholdException.class, () -> BlsSecretKeyShare.of(share)).code());
    }

    @Test
    void sameSecretAs_comparesValues() {
        assertTrue(KEY.sameSecretAs(BlsSecretKey.fromBytes(KEY.exportSecret())));
        assertFalse(KEY.sameSecretAs(BlsSecretKey.random(new SeededRandom(9))));
        BlsSecretKeyShare a = BlsSecretKeyShare.fromBytes(1, KEY.exportSecret());
        assertTrue(a.sameSecretAs(BlsSecretKeyShare.fromBytes(1, KEY.exportSecret())));
        assertFalse(a.sameSecretAs(BlsSecretKeyShare.fromBytes(2, KEY.exportSecret())));
    }

    @Test
    void randomKeys_differ() {
        assertNotEquals(BlsSecretKey.random(new SeededRandom(1)).publicKey(),
                BlsSecretKey.random(new SeededRandom(2)).publicKey());
    }

    private static ThresholdException refused(Executable verification) {
        ThresholdException e = assertThrows(ThresholdException.class, verification);
        assertEquals(LitErrorCode.InvalidSignature, e.code(), e::getMessage);
        return e;
    }
}
