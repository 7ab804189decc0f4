package io.litj.node.ecdsa;

import io.litj.node.LitNodeException;
import io.litj.node.keys.PkpKeyShare;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.Bytes;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.ecdsa.EcdsaSignatureShare;
import io.litj.threshold.ecdsa.Participants;
import io.litj.threshold.ecdsa.PresignatureShare;
import io.litj.threshold.ecdsa.Presigning;
import io.litj.threshold.ecdsa.RoundProtocol;
import io.litj.threshold.ecdsa.TripleShare;
import io.litj.threshold.ecdsa.triples.TripleBatchGeneration;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

/**
 * {@link EcdsaScheme} on {@code litj-threshold}'s cait-sith protocols: {@link TripleBatchGeneration} and
 * {@link Presigning}, with presignature shares that sign linearized shares. Stateless, thread-safe.
 */
final class CaitSithScheme implements EcdsaScheme {
    static final CaitSithScheme INSTANCE = new CaitSithScheme();

    private CaitSithScheme() {
    }

    @Override
    public RoundProtocol<List<TripleShare>> triples(Participants set, int self, byte[] sessionId, int count,
            SecureRandom random) {
        return new TripleBatchGeneration(set, self, sessionId, count, random);
    }

    @Override
    public RoundProtocol<Presignature> presign(Participants set, int self, PkpKeyShare key, TripleShare first,
            TripleShare second) {
        return Presigning.create(set, self, key.share(), key.commitments(), first, second).map(Share::new);
    }

    @Override
    public Presignature importPresignature(String secretJson) {
        try {
            return new Share(PresignatureShare.importSecretJson(secretJson));
        } catch (ThresholdException e) {
            throw new LitNodeException(LitErrorCode.NodeSystemFault, "a stored presignature does not read: "
                    + e.getMessage());
        }
    }

    /** A cait-sith presignature share as the node's {@link Presignature}. */
    private static final class Share implements Presignature {
        private final PresignatureShare share;

        Share(PresignatureShare share) {
            this.share = share;
        }

        @Override
        public String exportSecretJson() {
            return share.exportSecretJson();
        }

        @Override
        public SignatureShare sign(Bytes digest, Bytes publicKey) {
            try {
                EcdsaSignatureShare s = share.sign(digest.toByteArray(), publicKey);
                return new SignatureShare(s.digest(), s.signatureShare(), s.bigR(), s.publicKey(), s.shareIndex(),
                        Optional.of(share.commitments()));
            } catch (ThresholdException e) {
                throw new LitNodeException(LitErrorCode.NodeSystemFault, "cannot sign with presignature: "
                        + e.getMessage());
            }
        }

        @Override
        public String toString() {
            return "Presignature[" + share + "]";
        }
    }
}
