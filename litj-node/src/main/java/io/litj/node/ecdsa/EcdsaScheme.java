package io.litj.node.ecdsa;

import io.litj.node.keys.PkpKeyShare;
import io.litj.threshold.ecdsa.Participants;
import io.litj.threshold.ecdsa.RoundProtocol;
import io.litj.threshold.ecdsa.TripleShare;
import java.security.SecureRandom;
import java.util.List;

/**
 * The threshold-ECDSA mathematics a node drives ({@code litj-threshold}'s {@code io.litj.threshold.ecdsa}): Beaver
 * triples, presignatures from two triples and a PKP key share, and signature shares. The node carries the
 * protocols' messages ({@code ProtocolRuns}), keeps presignatures ({@link PresignatureStore}) and decides which to
 * use; this role does the arithmetic and nothing else. Implementations are thread-safe and do no I/O.
 */
public interface EcdsaScheme {
    /** cait-sith, as Lit runs it: {@code litj-threshold}'s triple generation, presigning and signing. */
    static EcdsaScheme caitSith() {
        return CaitSithScheme.INSTANCE;
    }

    /** Triple generation for {@code count} (1..64) triples among {@code set}, as party {@code self}. */
    RoundProtocol<List<TripleShare>> triples(Participants set, int self, byte[] sessionId, int count,
            SecureRandom random);

    /** Presigning among {@code set}, as party {@code self}, with this node's share of the PKP key. */
    RoundProtocol<Presignature> presign(Participants set, int self, PkpKeyShare key, TripleShare first,
            TripleShare second);

    /**
     * A presignature as {@link Presignature#exportSecretJson()} wrote it.
     *
     * @throws io.litj.node.LitNodeException {@code NodeSystemFault} if the text is not one
     */
    Presignature importPresignature(String secretJson);
}
