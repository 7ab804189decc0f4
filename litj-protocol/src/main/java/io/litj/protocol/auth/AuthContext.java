package io.litj.protocol.auth;

import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResource;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Who is asking, proven: the result of a session sig that passed every check of {@link SessionSigValidator}. Only
 * the validator can make one, so code holding an {@code AuthContext} knows the checks ran.
 *
 * <p>{@link #caller()} is the address that was proven: recovered from the wallet's EIP-191 signature, or the PKP
 * address of a SIWE the network BLS-signed; never an unsigned field. {@link #resolvedAuthContext()} is read only
 * from that same verified capability.
 */
public final class AuthContext implements ValidationResult {
    private final EthAddress caller;
    private final int capabilityIndex;
    private final AuthSigType capabilityType;
    private final String sessionKey;
    private final SessionSigPayload payload;
    private final LitResource resource;
    private final LitAbility ability;
    private final Instant expiresAt;
    private final Optional<JsonValue.JsonObject> resolvedAuthContext;
    private final List<CapacityDelegationProof> capacityDelegations;
    private final List<CapabilityFailure> refusedDelegations;

    AuthContext(EthAddress caller, int capabilityIndex, AuthSigType capabilityType, String sessionKey,
                SessionSigPayload payload, LitResource resource, LitAbility ability, Instant expiresAt,
                Optional<JsonValue.JsonObject> resolvedAuthContext, List<CapacityDelegationProof> capacityDelegations,
                List<CapabilityFailure> refusedDelegations) {
        this.capacityDelegations = List.copyOf(capacityDelegations);
        this.refusedDelegations = List.copyOf(refusedDelegations);
        this.caller = caller;
        this.capabilityIndex = capabilityIndex;
        this.capabilityType = capabilityType;
        this.sessionKey = sessionKey;
        this.payload = payload;
        this.resource = resource;
        this.ability = ability;
        this.expiresAt = expiresAt;
        this.resolvedAuthContext = resolvedAuthContext;
    }

    /** The proven caller: wallet address or PKP address. */
    public EthAddress caller() {
        return caller;
    }

    /** Index in the payload's {@code capabilities} of the capability that authorized the request. */
    public int capabilityIndex() {
        return capabilityIndex;
    }

    /** {@link AuthSigType#WALLET_SIG} or {@link AuthSigType#BLS_NETWORK_SIG}. */
    public AuthSigType capabilityType() {
        return capabilityType;
    }

    /** The session public key, lowercase hex. */
    public String sessionKey() {
        return sessionKey;
    }

    /** The signed payload, parsed (its capabilities include delegations such as capacity credits). */
    public SessionSigPayload payload() {
        return payload;
    }

    /** The resource the request needed. */
    public LitResource resource() {
        return resource;
    }

    /** The ability the request needed. */
    public LitAbility ability() {
        return ability;
    }

    /** The earlier of the session's and the authorizing capability's expiration. */
    public Instant expiresAt() {
        return expiresAt;
    }

    /**
     * For network-signed sessions: the {@code auth_context} the nodes put into the verified capability's
     * {@code lit-resolvedauthcontext://*} grant.
     */
    public Optional<JsonValue.JsonObject> resolvedAuthContext() {
        return resolvedAuthContext;
    }

    /**
     * The capacity delegations of the session that verified (every capability other than the authorizing one whose
     * SIWE URI is {@value CapacityDelegation#URI}), in payload order. Whether their credits pay for a request
     * (ownership, delegatee, uses, expiry) is decided by the node's rate limiter.
     */
    public List<CapacityDelegationProof> capacityDelegations() {
        return capacityDelegations;
    }

    /** The capacity delegations of the session that did not verify, with the failing check and why. */
    public List<CapabilityFailure> refusedDelegations() {
        return refusedDelegations;
    }

    @Override
    public String toString() {
        return "AuthContext[caller=" + caller + " via " + capabilityType + " #" + capabilityIndex + " key="
                + SessionKeyPair.fingerprint(sessionKey) + " for " + resource.key() + " " + ability.value() + "]";
    }
}
