package io.litj.protocol.auth.internal;

import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.auth.SessionSigPayload;
import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResource;
import java.time.Instant;

/** What the session checks know about one request, filled in as they pass. Confined to one validation. */
public final class SessionState {
    private final AuthSig sessionSig;
    private final LitResource resource;
    private final LitAbility ability;
    private final Instant now;
    String sessionKeyHex;
    SessionSigPayload payload;
    Instant expiration;

    public SessionState(AuthSig sessionSig, LitResource resource, LitAbility ability, Instant now) {
        this.sessionSig = sessionSig;
        this.resource = resource;
        this.ability = ability;
        this.now = now;
    }

    /**
     * The state of a session whose key is already known, for judging one capability on its own (the client's
     * re-use decision).
     */
    public static SessionState forCapability(String sessionKeyHex, LitResource resource, LitAbility ability,
                                             Instant now) {
        SessionState state = new SessionState(null, resource, ability, now);
        state.sessionKeyHex = sessionKeyHex;
        return state;
    }

    public AuthSig sessionSig() {
        return sessionSig;
    }

    public LitResource resource() {
        return resource;
    }

    public LitAbility ability() {
        return ability;
    }

    public Instant now() {
        return now;
    }

    /** The session public key (lowercase hex, no prefix), once the signature check passed. */
    public String sessionKeyHex() {
        return sessionKeyHex;
    }

    /** The parsed payload, once it parsed. */
    public SessionSigPayload payload() {
        return payload;
    }

    /** The payload's expiration, once the time check passed. */
    public Instant expiration() {
        return expiration;
    }
}
