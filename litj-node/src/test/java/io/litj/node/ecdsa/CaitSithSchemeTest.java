package io.litj.node.ecdsa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.litj.node.LitNodeException;
import io.litj.node.keys.PkpKeyShare;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.crypto.Hashes;
import io.litj.threshold.dkg.DkgConfig;
import io.litj.threshold.dkg.DkgResult;
import io.litj.threshold.ecdsa.EcdsaCombiner;
import io.litj.threshold.ecdsa.EcdsaSignatureShare;
import io.litj.threshold.ecdsa.Participants;
import io.litj.threshold.ecdsa.RoundProtocol;
import io.litj.threshold.ecdsa.TripleShare;
import io.litj.threshold.shamir.Group;
import io.litj.threshold.testing.DealtTriples;
import io.litj.threshold.testing.LocalDkgRunner;
import io.litj.threshold.testing.LocalProtocolRunner;
import io.litj.threshold.testing.SeededRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@link EcdsaScheme#caitSith()} on {@code litj-threshold}: presignatures made through the adapter (with dealt
 * triples, in memory) survive the node's export/import, sign shares that combine into the PKP's signature, and
 * never print their secrets.
 */
class CaitSithSchemeTest {
    private static final EcdsaScheme SCHEME = EcdsaScheme.caitSith();
    private static final Participants SET = new Participants(List.of(1, 3), 2);

    private static Map<Integer, PkpKeyShare> keys() {
        Map<Integer, DkgResult> results = LocalDkgRunner.of(new DkgConfig(Group.SECP256K1, 3, 2), 5).run().results();
        Map<Integer, PkpKeyShare> out = new TreeMap<>();
        results.forEach((i, r) -> out.put(i, PkpKeyShare.of(r.secretShare(), r.verificationCommitments())));
        return out;
    }

    @Test
    void presign_exportImportThenSign_sharesCombineIntoThePkpSignature() {
        Map<Integer, PkpKeyShare> keys = keys();
        SeededRandom random = new SeededRandom(9);
        Map<Integer, TripleShare> first = DealtTriples.deal(SET, random);
        Map<Integer, TripleShare> second = DealtTriples.deal(SET, random);
        Map<Integer, RoundProtocol<Presignature>> parties = new TreeMap<>();
        for (int i : SET.indices()) {
            parties.put(i, SCHEME.presign(SET, i, keys.get(i), first.get(i), second.get(i)));
        }
        Map<Integer, Presignature> presignatures = LocalProtocolRunner.runOrThrow(parties);
        Bytes publicKey = keys.get(1).publicKey();
        Bytes digest = Bytes.of(Hashes.keccak256("adapter"));

        List<EcdsaSignatureShare> shares = new ArrayList<>();
        for (Map.Entry<Integer, Presignature> p : presignatures.entrySet()) {
            String secret = p.getValue().exportSecretJson();
            assertFalse(p.getValue().toString().contains(secret));
            SignatureShare s = SCHEME.importPresignature(secret).sign(digest, publicKey);
            assertEquals(digest, s.digest());
            shares.add(new EcdsaSignatureShare(p.getKey(), s.share(), s.bigR(), s.digest(), s.publicKey()));
        }

        EthAddress recovered = EcdsaCombiner.combine(shares, publicKey, digest.toByteArray())
                .recoverAddress(digest.toByteArray());
        assertEquals(EthAddress.fromPublicKey(publicKey.toByteArray()), recovered);
    }

    @Test
    void importPresignature_notOne_refusedWithNodeSystemFault() {
        assertEquals(LitErrorCode.NodeSystemFault, assertThrows(LitNodeException.class,
                () -> SCHEME.importPresignature("{\"not\":\"a presignature\"}")).code());
    }
}
