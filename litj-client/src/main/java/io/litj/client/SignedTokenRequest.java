package io.litj.client;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.acc.AccIdentity;
import io.litj.protocol.acc.ConditionSet;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.resource.ResourceAbilityRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link LitClient#getSignedToken} asks nodes to sign: a JWT saying that the session's user meets
 * {@code conditions} on {@code chain}, valid from {@code iat} to {@code exp} (whole seconds; nodes accept
 * {@code iat} within 180 s of their clock and {@code exp} at most {@link #MAX_LIFETIME} later,
 * {@code lit-node-behaviour.md} §1.6). Absent times default to the client clock's now and now + 12 h, as the
 * removed JS SDK {@code getSignedToken} did.
 *
 * <p>Immutable. {@link #toString()} never shows the session sigs.
 *
 * @param conditions the conditions the token asserts
 * @param chain the {@code chain} sent to nodes
 * @param sessionSigs session sigs for every connected node granting {@code access-control-condition-signing}
 *     ({@link #sessionResources})
 * @param issuedAt {@code iat}, if not now
 * @param expiresAt {@code exp}, if not {@code iat} + 12 h
 */
public record SignedTokenRequest(ConditionSet conditions, String chain, SessionSigs sessionSigs,
                                 Optional<Instant> issuedAt, Optional<Instant> expiresAt) {
    /** The longest {@code exp - iat} nodes sign (Datil's {@code MAX_JWT_EXPIRATION}). */
    public static final Duration MAX_LIFETIME = Duration.ofHours(12);

    /** @throws LitClientException {@code InvalidArgument} when {@code exp} is not after {@code iat} */
    public SignedTokenRequest {
        Objects.requireNonNull(conditions, "conditions");
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(sessionSigs, "sessionSigs");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (issuedAt.isPresent() && expiresAt.isPresent() && !expiresAt.get().isAfter(issuedAt.get())) {
            throw new LitClientException(LitErrorCode.InvalidArgument, "exp " + expiresAt.get()
                    + " must be after iat " + issuedAt.get());
        }
    }

    /** A token on chain {@code ethereum}, issued now, valid for 12 h. */
    public static SignedTokenRequest of(ConditionSet conditions, SessionSigs sessionSigs) {
        return new SignedTokenRequest(conditions, "ethereum", sessionSigs, Optional.empty(), Optional.empty());
    }

    /** This request with explicit {@code iat} and {@code exp}. */
    public SignedTokenRequest withWindow(Instant iat, Instant exp) {
        return new SignedTokenRequest(conditions, chain, sessionSigs, Optional.of(iat), Optional.of(exp));
    }

    /**
     * What a session for a signed token over {@code conditions} must grant: {@code access-control-condition-signing}
     * on {@code lit-accesscontrolcondition://<accHash>}.
     */
    public static List<ResourceAbilityRequest> sessionResources(ConditionSet conditions) {
        return List.of(AccIdentity.signingRequest(conditions));
    }

    @Override
    public String toString() {
        return "SignedTokenRequest[" + AccIdentity.signingResource(conditions) + " chain=" + chain + " iat="
                + issuedAt.map(Instant::toString).orElse("now") + " exp="
                + expiresAt.map(Instant::toString).orElse("iat+12h") + " nodes=" + sessionSigs.byNodeUrl().size()
                + "]";
    }
}
