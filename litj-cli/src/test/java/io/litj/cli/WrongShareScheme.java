package io.litj.cli;

import io.litj.node.ecdsa.EcdsaScheme;
import io.litj.node.ecdsa.Presignature;
import io.litj.node.ecdsa.SignatureShare;
import io.litj.node.keys.PkpKeyShare;
import io.litj.protocol.crypto.Bytes;
import io.litj.threshold.ecdsa.Participants;
import io.litj.threshold.ecdsa.RoundProtocol;
import io.litj.threshold.ecdsa.TripleShare;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;

/**
 * A cheating node's threshold-ECDSA arithmetic for fault tests: cait-sith throughout, except that every signature
 * share it makes is one more than the right one (its presignature data stays true). Test code only.
 */
final class WrongShareScheme implements EcdsaScheme {
    private static final BigInteger N = new BigInteger(
            "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);
    private final EcdsaScheme honest = EcdsaScheme.caitSith();

    @Override
    public RoundProtocol<List<TripleShare>> triples(Participants set, int self, byte[] sessionId, int count,
            SecureRandom random) {
        return honest.triples(set, self, sessionId, count, random);
    }

    @Override
    public RoundProtocol<Presignature> presign(Participants set, int self, PkpKeyShare key, TripleShare first,
            TripleShare second) {
        return honest.presign(set, self, key, first, second).map(WrongShareScheme::cheating);
    }

    @Override
    public Presignature importPresignature(String secretJson) {
        return cheating(honest.importPresignature(secretJson));
    }

    private static Presignature cheating(Presignature p) {
        return new Presignature() {
            @Override
            public String exportSecretJson() {
                return p.exportSecretJson();
            }

            @Override
            public SignatureShare sign(Bytes digest, Bytes publicKey) {
                SignatureShare s = p.sign(digest, publicKey);
                BigInteger wrong = new BigInteger(1, s.share().toByteArray()).add(BigInteger.ONE).mod(N);
                return new SignatureShare(s.digest(), Bytes.fromHex(String.format("%064x", wrong), "share"),
                        s.bigR(), s.publicKey(), s.shareIndex(), s.commitments());
            }
        };
    }
}
