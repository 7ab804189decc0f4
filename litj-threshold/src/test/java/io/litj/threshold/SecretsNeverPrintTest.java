package io.litj.threshold;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.crypto.Hex;
import io.litj.threshold.bls.BlsSecretKey;
import io.litj.threshold.bls.BlsSecretKeyShare;
import io.litj.threshold.bls.TimeLock;
import io.litj.threshold.bls.TimeLockPlaintext;
import io.litj.threshold.dkg.DkgConfig;
import io.litj.threshold.dkg.DkgParty;
import io.litj.threshold.dkg.DkgResult;
import io.litj.threshold.dkg.DkgReveal;
import io.litj.threshold.dkg.DkgRound1;
import io.litj.threshold.ecdsa.Participants;
import io.litj.threshold.ecdsa.TripleShare;
import io.litj.threshold.ecdsa.triples.TripleGeneration;
import io.litj.threshold.shamir.Group;
import io.litj.threshold.shamir.Polynomial;
import io.litj.threshold.shamir.SecretScalar;
import io.litj.threshold.shamir.Share;
import io.litj.threshold.testing.DealtBlsNetwork;
import io.litj.threshold.testing.LocalDkgRunner;
import io.litj.threshold.testing.LocalProtocolRunner;
import io.litj.threshold.testing.SeededRandom;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

/** Secret keys, shares, polynomials and DKG state never show their values when printed, logged or thrown (R4). */
class SecretsNeverPrintTest {
    private static final String SECRET_HEX = "1d" + "07".repeat(31);

    private static String everyWayOfPrinting(Object holder) {
        StringWriter trace = new StringWriter();
        new IllegalStateException("failed with " + holder).printStackTrace(new PrintWriter(trace));
        LogRecord record = new LogRecord(Level.SEVERE, "holder {0}");
        record.setParameters(new Object[] {holder});
        return String.join("\n", holder.toString(), String.valueOf(holder), String.format(Locale.ROOT, "%s", holder),
                List.of(holder).toString(), trace.toString(), new SimpleFormatter().format(record))
                .toLowerCase(Locale.ROOT);
    }

    private static void assertHidden(Object holder, String secretHex) {
        String printed = everyWayOfPrinting(holder);
        assertFalse(printed.contains(secretHex), printed);
        assertFalse(printed.contains(secretHex.replaceFirst("^(00)+", "")), printed);
    }

    @Test
    void blsKeys_printedEveryWay_showPublicKeyOnly() {
        BlsSecretKey key = BlsSecretKey.fromBytes(Hex.decode(SECRET_HEX, "k"));
        assertHidden(key, SECRET_HEX);
        assertTrue(key.toString().contains(key.publicKey().toHex()));
        BlsSecretKeyShare share = BlsSecretKeyShare.fromBytes(7, Hex.decode(SECRET_HEX, "k"));
        assertHidden(share, SECRET_HEX);
        assertTrue(share.toString().contains("id=7"));
        assertTrue(Hex.encode(key.exportSecret()).equals(SECRET_HEX), "the explicit export is the one way out");
    }

    @Test
    void shamirSecrets_printedEveryWay_showNoValue() {
        for (Group g : Group.values()) {
            SecretScalar s = SecretScalar.of(g, Hex.decode(SECRET_HEX, "s"));
            assertHidden(s, SECRET_HEX);
            assertHidden(Share.of(3, s), SECRET_HEX);
            Polynomial p = Polynomial.random(s, 3, new SeededRandom(1));
            for (Share share : p.shares(4)) {
                String value = Hex.encode(share.value().exportSecret());
                assertHidden(p, value);
                assertHidden(share, value);
            }
            assertHidden(p, SECRET_HEX);
        }
    }

    @Test
    void dkgState_printedEveryWay_showsNoShare() {
        DkgConfig config = new DkgConfig(Group.BLS12_381_G1, 3, 2);
        DkgParty party = DkgParty.create(config, 1, new SeededRandom(3));
        DkgRound1 round1 = party.start();
        for (var s : round1.privateShares()) {
            String value = Hex.encode(s.share().value().exportSecret());
            assertHidden(s, value);
            assertHidden(round1, value);
            assertHidden(party, value);
            assertHidden(DkgReveal.of(1, s.recipient(), s.share()), value);
        }
        DkgResult result = LocalDkgRunner.of(config, 4).run().results().get(2);
        String value = Hex.encode(result.secretShare().value().exportSecret());
        assertHidden(result, value);
        assertTrue(result.toString().contains(result.groupPublicKey().toBytes().hex()));
    }

    @Test
    void tripleGeneration_printedEveryWay_showsNoShare() {
        Participants set = new Participants(List.of(1, 2), 2);
        Map<Integer, TripleGeneration> parties = new TreeMap<>();
        for (int i : set.indices()) {
            parties.put(i, new TripleGeneration(set, i, new byte[] {1}, new SeededRandom(i)));
        }
        Map<Integer, TripleShare> out = LocalProtocolRunner.runOrThrow(parties);
        for (int i : set.indices()) {
            TripleShare share = out.get(i);
            for (Share s : List.of(share.a(), share.b(), share.c())) {
                String value = Hex.encode(s.value().exportSecret());
                assertHidden(share, value);
                assertHidden(parties.get(i), value);
            }
            assertTrue(parties.get(i).toString().contains("round 6, 1 triple, done"), parties.get(i).toString());
        }
    }

    @Test
    void timeLockPlaintext_printedEveryWay_showsItsLengthOnly() {
        DealtBlsNetwork network = DealtBlsNetwork.deal(2, 3, 5);
        byte[] identity = "lit-accesscontrolcondition://a/b".getBytes(StandardCharsets.UTF_8);
        byte[] secret = Hex.decode(SECRET_HEX, "plaintext");
        TimeLockPlaintext opened = TimeLock.decrypt(TimeLock.encrypt(network.publicKey(), identity, secret,
                new SeededRandom(6)), network.signature(identity));
        assertHidden(opened, SECRET_HEX);
        assertHidden(TimeLockPlaintext.of(secret), SECRET_HEX);
        String text = new String(secret, StandardCharsets.ISO_8859_1);
        assertFalse(everyWayOfPrinting(opened).contains(text.toLowerCase(java.util.Locale.ROOT)));
        assertTrue(opened.toString().contains("32 bytes"));
        assertTrue(Hex.encode(opened.exportSecret()).equals(SECRET_HEX), "the explicit export is the one way out");
    }

    @Test
    void sameSecretAs_comparesValuesNotIdentity() {
        SecretScalar a = SecretScalar.of(Group.SECP256K1, Hex.decode(SECRET_HEX, "s"));
        SecretScalar b = SecretScalar.of(Group.SECP256K1, a.exportSecret());
        assertTrue(a.sameSecretAs(b));
        assertFalse(a.sameSecretAs(SecretScalar.of(Group.BLS12_381_G1, a.exportSecret())), "group is part of it");
        assertTrue(Share.of(1, a).sameSecretAs(Share.of(1, b)));
        assertFalse(Share.of(1, a).sameSecretAs(Share.of(2, b)));
    }
}
