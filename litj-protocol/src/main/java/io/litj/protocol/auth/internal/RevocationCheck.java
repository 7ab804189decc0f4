package io.litj.protocol.auth.internal;

import io.litj.protocol.IsoTime;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.auth.RevocationList;
import io.litj.protocol.auth.SessionRevocation;
import io.litj.protocol.crypto.Bytes;
import java.util.Optional;

/**
 * litj ({@code docs/revocation.md}): the capability's grant has not been revoked by its granter for this session
 * key. Runs after every other capability check, so a refusal here means the capability would otherwise have
 * authorized the request. One hash (remembered by the parse cache) and one map lookup. Code:
 * {@code NodeSessionRevoked}, with a message naming the revocation.
 */
public final class RevocationCheck implements CapabilityCheck {
    private final RevocationList revocations;
    private final CapabilityParseCache parses;

    public RevocationCheck(RevocationList revocations, CapabilityParseCache parses) {
        this.revocations = revocations;
        this.parses = parses;
    }

    @Override
    public Optional<CheckFailure> check(CapabilityState capability, SessionState session) {
        Bytes digest = Bytes.of(parses.eip191Digest(capability.capability().signedMessage()));
        return revocations.find(digest, session.sessionKeyHex(), session.now()).flatMap(r -> CheckFailure.fail(
                LitErrorCode.NodeSessionRevoked, describe(r)));
    }

    /** The refusal message: which grant, which key, by whom and when. */
    static String describe(SessionRevocation r) {
        return "the grant " + r.grantDigest().hex0x() + " was revoked by its granter " + r.granter()
                + r.signedBy().map(owner -> " (signed by the PKP's owner " + owner + ")").orElse("") + " at "
                + IsoTime.format(r.issuedAt()) + " (" + r.sessionKey().map(k -> "session key " + k)
                .orElse("every session key") + "; the grant would have expired at "
                + IsoTime.format(r.grantExpiration()) + ")";
    }
}
