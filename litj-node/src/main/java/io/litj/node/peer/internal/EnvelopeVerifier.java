package io.litj.node.peer.internal;

import io.litj.node.LitNodeException;
import io.litj.node.registry.NodeEntry;
import io.litj.node.registry.Registry;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.crypto.Ed25519Signatures;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.json.JsonValue;
import java.time.Clock;
import java.util.List;

/**
 * Accepts a peer envelope only when every check passes, in this order (the first failure answers):
 * <ol>
 *   <li>{@code ShapeCheck} — fields present and well-formed ({@code NodeBadInput});</li>
 *   <li>{@code RecipientCheck} — {@code to} is this node ({@code NodeNotAuthorized});</li>
 *   <li>{@code SenderCheck} — {@code from} is another node of the registry ({@code NodeNotAuthorized});</li>
 *   <li>{@code SignatureCheck} — the Ed25519 signature ({@code verify_strict}) over the exact signed bytes verifies
 *       under the sender's registry {@code identityKey} ({@code NodeNotAuthorized});</li>
 *   <li>{@code FreshnessCheck} — {@code ts} is within {@value #MAX_SKEW_MILLIS} ms of this node's clock, either way
 *       ({@code NodeIatOutsideGracePeriod});</li>
 *   <li>{@code ReplayCheck} — this {@code (from, nonce)} was not accepted before ({@code NodeNotAuthorized}).</li>
 * </ol>
 * The replay check runs last so that only authentic envelopes occupy its memory. Refusals name the check in the
 * message and in {@code details}. Thread-safe.
 */
final class EnvelopeVerifier {
    /** Two minutes: older (or further in the future) envelopes are stale. */
    static final long MAX_SKEW_MILLIS = 120_000;
    static final int REPLAY_CAPACITY = 65_536;

    private final int self;
    private final Registry registry;
    private final Clock clock;
    private final ReplayGuard replay;

    EnvelopeVerifier(int self, Registry registry, Clock clock) {
        this.self = self;
        this.registry = registry;
        this.clock = clock;
        this.replay = new ReplayGuard(MAX_SKEW_MILLIS, REPLAY_CAPACITY);
    }

    /** The verified envelope and its sender's registry entry. */
    record Verified(Envelope envelope, NodeEntry sender) {
    }

    /**
     * Runs every check on a request body.
     *
     * @throws LitNodeException with the failing check's code (see the class comment)
     */
    Verified verify(JsonValue.JsonObject json) {
        Envelope e;
        try {
            e = Envelope.parse(json);
        } catch (LitNodeException x) {
            throw refuse("ShapeCheck", LitErrorCode.NodeBadInput, x.getMessage());
        }
        if (e.to() != self) {
            throw refuse("RecipientCheck", LitErrorCode.NodeNotAuthorized,
                    "envelope is addressed to node " + e.to() + " but this is node " + self);
        }
        NodeEntry sender = registry.nodes().stream().filter(n -> n.index() == e.from()).findFirst().orElse(null);
        if (sender == null || e.from() == self) {
            throw refuse("SenderCheck", LitErrorCode.NodeNotAuthorized,
                    "node " + e.from() + " is not another node of this network");
        }
        byte[] key = Hex.decode(sender.identityKey(), "identityKey");
        try {
            Ed25519Signatures.verifyStrict(key, e.signedBytes(), e.sig().toByteArray());
        } catch (LitProtocolException x) {
            throw refuse("SignatureCheck", LitErrorCode.NodeNotAuthorized, "signature does not verify under node "
                    + e.from() + "'s identity key " + sender.identityKey());
        }
        long now = clock.millis();
        if (Math.abs(now - e.timestamp()) > MAX_SKEW_MILLIS) {
            throw refuse("FreshnessCheck", LitErrorCode.NodeIatOutsideGracePeriod, "envelope time " + e.timestamp()
                    + " is " + (now - e.timestamp()) + " ms from this node's time " + now + " (limit "
                    + MAX_SKEW_MILLIS + ")");
        }
        if (!replay.firstSight(e.from(), e.nonce(), e.timestamp(), now)) {
            throw refuse("ReplayCheck", LitErrorCode.NodeNotAuthorized,
                    "envelope nonce " + e.nonce() + " from node " + e.from() + " was already used");
        }
        return new Verified(e, sender);
    }

    private static LitNodeException refuse(String check, LitErrorCode code, String message) {
        return new LitNodeException(code, "peer envelope refused by " + check + ": " + message,
                List.of("check: " + check), null);
    }
}
