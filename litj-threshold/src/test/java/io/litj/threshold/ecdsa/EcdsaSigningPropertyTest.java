package io.litj.threshold.ecdsa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.litj.protocol.crypto.EthAddress;
import io.litj.threshold.testing.SeededRandom;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.junit.jupiter.api.Test;

/**
 * For a 3-of-5 key from a real DKG: any signing set of 3, 4 or 5 parties presigns, signs a random digest, and the
 * combined signature verifies under Bouncy Castle's ECDSA, is low-S and recovers to the key.
 */
class EcdsaSigningPropertyTest {
    private static final long SEED = 2023_0222_0009L;
    private static final EcdsaFixture FIXTURE = new EcdsaFixture(5, 3, 7);

    @Test
    void anySigningSetOfAtLeastT_signatureVerifiesIsLowSAndRecoversTheKey() {
        System.out.println("EcdsaSigningPropertyTest seed " + SEED);
        qt().withFixedSeed(SEED).withExamples(12).forAll(integers().between(1, 31), longs().all())
                .checkAssert((mask, seed) -> {
                    List<Integer> chosen = new ArrayList<>();
                    for (int i = 1; i <= 5; i++) {
                        if ((mask & (1 << (i - 1))) != 0 || Integer.bitCount(mask) < 3 && chosen.size() < 3) {
                            chosen.add(i);
                        }
                    }
                    Participants set = new Participants(chosen, 3);
                    byte[] digest = new byte[32];
                    new SeededRandom(seed).nextBytes(digest);
                    Map<Integer, PresignatureShare> presig = FIXTURE.presign(set);
                    List<EcdsaSignatureShare> shares = FIXTURE.sign(presig, digest);
                    EcdsaSignature sig = EcdsaCombiner.combine(shares, FIXTURE.publicKey, digest);

                    BigInteger r = new BigInteger(1, sig.r().toByteArray());
                    BigInteger s = new BigInteger(1, sig.s().toByteArray());
                    ECDSASigner verifier = new ECDSASigner();
                    verifier.init(false, new ECPublicKeyParameters(K256.uncompressedKey(FIXTURE.publicKey,
                            io.litj.protocol.LitErrorCode.InvalidArgument, "key"), K256.domain()));
                    assertTrue(verifier.verifySignature(digest, r, s), "set " + set.indices());
                    assertTrue(s.compareTo(K256.HALF_N) <= 0, "low-S");
                    assertEquals(FIXTURE.publicKey, sig.recoverPublicKey(digest));
                    assertEquals(EthAddress.fromPublicKey(FIXTURE.publicKey.toByteArray()), sig.recoverAddress(digest));
                    for (PresignatureShare p : presig.values()) {
                        assertEquals(presig.get(chosen.get(0)).id(), p.id());
                        for (EcdsaSignatureShare share : shares) {
                            assertTrue(p.verifiesShare(share, digest), "party " + p.self() + " checks "
                                    + share.shareIndex());
                        }
                    }
                });
    }
}
